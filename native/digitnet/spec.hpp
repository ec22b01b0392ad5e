#pragma once
// What a network is made of: the architecture that a model file stores, and
// the names by which the CLI and the page choose each option.
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

struct LayerSpec {
    int units = 0;
    Activation activation = Activation::ReLU;
    bool bias = true;
};

struct NetworkSpec {
    int inputs = 784;
    float input_scale = 1.0f / 255.0f;  // pixel byte -> input value (seed 002 feeds raw bytes: 1)
    std::vector<LayerSpec> layers;      // hidden layers, then the output layer

    int outputs() const { return layers.empty() ? inputs : layers.back().units; }
    // Throws Error unless sizes are positive and only the last layer is softmax.
    void validate() const;
    // Throws Error unless the network reads 28x28 digits (784 inputs) into 10 classes.
    void require_digit_shape() const;
    // "784-128-10 relu/softmax" style summary for people.
    std::string describe() const;
};

// Builds hidden layers of one activation and a 10-unit output layer.
NetworkSpec make_spec(const std::vector<int>& hidden, Activation hidden_act, Activation output_act,
                      bool bias = true, int inputs = 784, int outputs = 10);

enum class Init : uint8_t {
    Normal,        // W, b ~ N(0, 1)                         (network.py, seed 004)
    NormalFanIn,   // W ~ N(0, 1/sqrt(fan_in)), b ~ N(0, 1)  (seed 000)
    Uniform,       // W, b ~ U(-0.5, 0.5)                    (seeds 001, 003)
    UniformFan,    // W ~ U(-1, 1)/sqrt(fan_in*fan_out), b=0 (seed 002)
    He,            // W ~ N(0, sqrt(2/fan_in)), b = 0
    Xavier,        // W ~ U(+-sqrt(6/(fan_in+fan_out))), b = 0
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
    float momentum = 0.9f;                      // Momentum
    float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;  // Adam
    float weight_decay = 0.0f;                  // L2: adds weight_decay * W to dL/dW (not to biases)
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

}  // namespace digitnet
