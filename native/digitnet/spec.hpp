#pragma once
// What a network is made of: the architecture that a model file stores, and
// the names by which the CLI and the page choose each option.
//
// Feature maps are stored per sample as height x width x channels, channel
// fastest (HWC): a batch of maps is a row-major B x (H*W*C) matrix, and the
// same memory read as (B*H*W) x C has one row per pixel. A 28x28 digit is the
// same either way; a dense layer after a conv or pool reads the map flat in HWC order.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace digitnet {

// Every refusal of bad input (files, arrays, settings) is a digitnet::Error
// whose what() is a sentence meant for the person who gave the input.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Activation : uint8_t { Identity = 0, Sigmoid = 1, Tanh = 2, ReLU = 3, Softmax = 4 };
inline constexpr int kActivationCount = 5;

// What each kind is, part by part, is in its own file in layers/ (layers/kind.hpp).
enum class LayerKind : uint8_t {
    Dense = 0,    // units x (flattened input), plus a bias per unit
    Conv = 1,     // filters of kernel x kernel x input channels, stride 1, plus a bias per filter
    MaxPool = 2,  // the largest value of each kernel x kernel window, stride kernel (no parameters)
    Dropout = 3,  // while training, zeroes each value with probability rate and scales the rest by 1/(1-rate)
};
inline constexpr int kLayerKindCount = 4;
enum class Padding : uint8_t { Valid = 0, Same = 1 };  // conv: no padding, or zeros around keeping H x W

// A feature map's size: channels x height x width.
struct Shape {
    int channels = 1, height = 1, width = 1;
    int64_t size() const { return int64_t{channels} * height * width; }
    bool operator==(const Shape& o) const { return channels == o.channels && height == o.height && width == o.width; }
    std::string describe() const;  // "16x24x24" (channels x height x width), or "128" for C x 1 x 1
};

struct LayerSpec {
    LayerKind kind = LayerKind::Dense;
    int units = 0;                             // dense: units; conv: filters
    int kernel = 0;                            // conv: K of the K x K filters; maxpool: N of the N x N windows
    Padding padding = Padding::Valid;          // conv
    float rate = 0.0f;                         // dropout
    Activation activation = Activation::ReLU;  // dense and conv (maxpool and dropout: identity)
    bool bias = true;                          // dense and conv

    static LayerSpec dense(int units, Activation a, bool bias = true);
    static LayerSpec conv(int filters, int kernel, Padding p, Activation a, bool bias = true);
    static LayerSpec maxpool(int size);
    static LayerSpec dropout(float rate);
    bool has_params() const;  // weights and (optionally) biases: dense and conv
    // The grammar's item for this layer: "128", "c16k5", "c16k5s", "p2", "d0.25".
    std::string item() const;
};

// Limits of what digitnet builds (a model file and the settings are held to them).
inline constexpr int kMaxUnits = 65536;   // units of a dense layer
inline constexpr int kMaxFilters = 1024;  // filters of a conv layer
inline constexpr int kMaxKernel = 32;     // conv kernel and pool size
inline constexpr int kMaxLayers = 1024;
inline constexpr int64_t kMaxParameters = 64'000'000;        // 256 MB of float32 weights
inline constexpr int64_t kMaxTrainingBytes = 1'500'000'000;  // what one training run may hold in memory
// What reading one digit may cost (a model file, the page and the CLI are held
// to it before anything is allocated). The shipped CNN takes 7.6 million
// multiply-adds and 0.16 million floats (0.6 MB); the widest network the
// settings train (c512k5s,c512k5s at batch 4) 5,150 million and 11 million.
// A layer without multiply-adds (max-pool, dropout) still counts the floats it
// holds: 1,024 1x1 pools on a digit take 1.6 million (6.4 MB).
inline constexpr double kMaxDigitMacs = 1e10;           // multiply-adds of one digit's forward pass
inline constexpr int64_t kMaxDigitFloats = 64'000'000;  // 256 MB of float32 workspace for one digit

struct NetworkSpec {
    Shape input{1, 28, 28};
    float input_scale = 1.0f / 255.0f;  // pixel byte -> input value (seed 002 feeds raw bytes: 1)
    std::vector<LayerSpec> layers;      // hidden layers, then the output layer

    int inputs() const { return static_cast<int>(input.size()); }
    int outputs() const;
    // Each layer's output shape. Throws Error naming the first layer that does
    // not fit on its input (e.g. a 5x5 conv on a 3x3 map) or breaks a limit.
    std::vector<Shape> shapes() const;
    // validate_layers(), then require_readable().
    void validate() const;
    // Throws Error unless shapes() works, only the last layer is softmax and the
    // parameters stay within kMaxParameters.
    void validate_layers() const;
    // Throws Error, with what reading one digit would need, if its multiply-adds
    // (forward_macs) or its workspace (inference_floats_per_sample) pass the limits.
    void require_readable() const;
    // Throws Error unless the network reads 28x28 digits (784 inputs) into 10 classes.
    void require_digit_shape() const;

    int64_t parameter_count() const;
    // Multiply-adds of one sample's forward pass (a training step costs about 3x).
    double forward_macs() const;
    // Floats that one sample needs in a Workspace while training (activations,
    // their gradients, conv lowerings, pool switches, dropout masks).
    int64_t workspace_floats_per_sample() const;
    // Floats that one sample needs in a Workspace when only read (forward(), no rng):
    // the input and each layer's output and what its forward pass keeps.
    int64_t inference_floats_per_sample() const;
    // Bytes a training run holds: parameters with gradients, optimizer state and
    // checkpoints, plus the workspace of one batch.
    int64_t training_bytes(int batch) const;
    // Throws Error, with the memory it would take, if training_bytes(batch) passes the limit.
    void require_trainable(int batch) const;

    // "784-128-10 relu/softmax" for MLPs; "1x28x28 c16k5,p2,128,10 relu/softmax" with convs.
    std::string describe() const;
};

// Builds hidden layers of one activation and a 10-unit output layer.
NetworkSpec make_spec(const std::vector<int>& hidden, Activation hidden_act, Activation output_act, bool bias = true,
                      int inputs = 784, int outputs = 10);
// The same from hidden layers of any kind (their activations as given).
NetworkSpec make_spec(std::vector<LayerSpec> hidden, Activation output_act, bool bias, Shape input, int outputs = 10);
// 784 inputs read as a 1x28x28 digit; any other count n as a 1x1xn row.
Shape flat_input(int inputs);

// The layer grammar of the CLI's --layers and the page's settings: items
// separated by commas, each one of
//   N       a dense layer of N units
//   cFkK    a conv layer of F filters of K x K, "valid" (no padding)
//   cFkKs   the same with "same" padding
//   pN      an N x N max-pool, stride N
//   dR      dropout of rate R (0 < R < 1) while training
// Dense and conv layers take `activation` and `bias`. "" is no hidden layer.
// Throws Error naming the item and what is allowed.
std::vector<LayerSpec> parse_layers(const std::string& text, Activation activation, bool bias = true);
// The grammar's text for hidden layers (the inverse of parse_layers).
std::string format_layers(const std::vector<LayerSpec>& hidden);

enum class Init : uint8_t {
    Normal,       // W, b ~ N(0, 1)                         (network.py, seed 004)
    NormalFanIn,  // W ~ N(0, 1/sqrt(fan_in)), b ~ N(0, 1)  (seed 000)
    Uniform,      // W, b ~ U(-0.5, 0.5)                    (seeds 001, 003)
    UniformFan,   // W ~ U(-1, 1)/sqrt(fan_in*fan_out), b=0 (seed 002)
    He,           // W ~ N(0, sqrt(2/fan_in)), b = 0
    Xavier,       // W ~ U(+-sqrt(6/(fan_in+fan_out))), b = 0
};

enum class LossKind : uint8_t {
    CrossEntropy,
    SquaredError,
    // Seed 002's loss, kept to reproduce that notebook: on logits (identity output),
    // S = exp(Z) normalized over the *batch* axis (each class column sums to 1),
    // L = scale/(2B) sum (S - Y)^2, and the notebook's elementwise "derivative"
    // dZ = scale (S - Y)/B * S (1 - S), which is not the true gradient of L.
    BatchSoftmaxSquaredError,
};

struct LossSpec {
    LossKind kind = LossKind::CrossEntropy;
    // Squared error L = scale/2 * sum_k (a_k - y_k)^2, so dL/da = scale * (a - y):
    // the seeds' 2(a-y) is scale 2, network.py's (a-y) is scale 1.
    float scale = 1.0f;
};

enum class OptimizerKind : uint8_t { SGD, Momentum, Adam };

struct OptimizerSpec {
    OptimizerKind kind = OptimizerKind::SGD;
    float learning_rate = 0.1f;
    float momentum = 0.9f;                                // Momentum
    float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;  // Adam
    float weight_decay = 0.0f;                            // L2: adds weight_decay * W to dL/dW (not to biases)
};

// Names <-> values, for command lines, the page and messages. Parsing throws Error.
Activation parse_activation(const std::string& name);
const char* to_string(Activation a);
Init parse_init(const std::string& name);
const char* to_string(Init i);
LossKind parse_loss(const std::string& name);
const char* to_string(LossKind l);
OptimizerKind parse_optimizer(const std::string& name);
const char* to_string(OptimizerKind o);
const char* to_string(LayerKind k);

}  // namespace digitnet
