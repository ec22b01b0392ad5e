#pragma once
// A network of dense, conv, max-pool and dropout layers (spec.hpp). All
// parameters live in one contiguous float buffer; each layer with parameters
// has its weights and biases as views into it:
//   layer l:  W_l (rows_l x fan_in_l, row-major), then b_l (rows_l) if it has a bias,
//   dense: rows = units, fan_in = the input's size; conv: rows = filters, fan_in = K*K*C.
// Forward, batch-major (B samples per call, one per row; maps HWC, spec.hpp):
//   A_l = layer_l(A_{l-1})      A_{-1} = X (B x inputs), A_l (B x output size of l)
// What each kind does is in its own file in layers/ (layers/kind.hpp), its math
// in dense, conv, pool, dropout and activation.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "digitnet/spec.hpp"
#include "digitnet/tensor.hpp"

namespace digitnet {

class Rng;
struct LayerPass;

// Per-call scratch. Reusing one Workspace for same-sized batches means no
// allocation in the training loop.
struct Workspace {
    std::vector<Matrix> A;                       // A[l]: layer l's output (B x output size)
    std::vector<Matrix> dZ;                      // dL/dZ_l, the gradient before layer l's activation (B x output size)
    std::vector<Matrix> lowered;                 // conv: input patches (B*P x K*K*C); dropout: the mask (B x size)
    std::vector<Matrix> dlowered;                // conv: their gradient
    std::vector<std::vector<int32_t>> switches;  // maxpool: where each output's value came from
};

class Network {
public:
    explicit Network(NetworkSpec spec);  // validates; parameters start at zero

    const NetworkSpec& spec() const { return spec_; }
    int layer_count() const { return static_cast<int>(spec_.layers.size()); }
    const LayerSpec& layer(int l) const { return spec_.layers[static_cast<size_t>(l)]; }
    Shape in_shape(int l) const { return l == 0 ? spec_.input : shapes_[static_cast<size_t>(l - 1)]; }
    Shape out_shape(int l) const { return shapes_[static_cast<size_t>(l)]; }
    // Rows and columns of W_l (0 x 0 for layers without parameters).
    int units(int l) const { return layer(l).has_params() ? layer(l).units : 0; }
    int fan_in(int l) const;

    // The parameter buffer and views into it (and into a gradient buffer of the same size).
    std::vector<float>& params() { return params_; }
    const std::vector<float>& params() const { return params_; }
    size_t param_count() const { return params_.size(); }
    size_t weight_offset(int l) const { return offsets_[static_cast<size_t>(l)]; }
    size_t bias_offset(int l) const { return weight_offset(l) + static_cast<size_t>(units(l)) * fan_in(l); }
    MatrixMap weights(int l, float* buffer) const;  // units x fan_in
    MatrixMap weights(int l) { return weights(l, params_.data()); }
    ConstMatrixMap weights(int l) const;
    const float* bias(int l) const { return layer(l).bias ? params_.data() + bias_offset(l) : nullptr; }
    // The layer that parameter i belongs to.
    int layer_of_param(size_t i) const;

    void initialize(Init scheme, Rng& rng);

    // Runs X (B x inputs) through the network; returns ws.A.back() (B x outputs).
    // With an rng, dropout layers drop (training); without, they pass values through.
    const Matrix& forward(const Matrix& X, Workspace& ws, Rng* dropout = nullptr) const;
    // Given ws from forward(X) and dZ of the last layer already in ws.dZ.back(),
    // writes dL/dparams into grad (param_count floats, overwritten), adding
    // weight_decay * W to the weight gradients.
    void backward(const Matrix& X, Workspace& ws, float* grad, float weight_decay) const;
    // The same gradient applied at once as a plain SGD step, p -= lr (g + weight_decay W),
    // layer by layer: one pass less over the parameters than backward() + Optimizer.
    void sgd_backward(const Matrix& X, Workspace& ws, float learning_rate, float weight_decay);
    // Given ws from forward(X) and dZ of the last layer already in ws.dZ.back(),
    // writes dL/dX (B x inputs, the shape of X) into dX; no parameter gradient.
    void input_gradient(const Matrix& X, Workspace& ws, Matrix& dX) const;

private:
    // Layer l's view of a pass over `batch` samples (layers/kind.hpp).
    LayerPass pass(int l, int batch, Workspace& ws) const;
    template <class Use>
    void backward_layers(const Matrix& X, Workspace& ws, Matrix* dX, Use use) const;

    NetworkSpec spec_;
    std::vector<Shape> shapes_;    // each layer's output shape
    std::vector<size_t> offsets_;  // start of each layer's W in params_ (its end for layers without)
    std::vector<float> params_;
};

}  // namespace digitnet
