#pragma once
// A fully connected network. All parameters live in one contiguous float
// buffer; each layer's weights and biases are views into it:
//   layer l:  W_l (units_l x fan_in_l, row-major), then b_l (units_l) if it has a bias.
// Forward, batch-major (B samples per call):
//   Z_l = A_{l-1} W_l^T + b_l      (B x units_l)
//   A_l = f_l(Z_l)                 A_0 = X (B x inputs)
#include <cstddef>
#include <vector>

#include "digitnet/spec.hpp"
#include "digitnet/tensor.hpp"

namespace digitnet {

class Rng;

// Per-call scratch: activations of every layer and their gradients. Reusing
// one Workspace for same-sized batches means no allocation in the training loop.
struct Workspace {
    std::vector<Matrix> A;   // A[0] = input copy is not kept: A[l] is layer l's output, l = 0..L-1
    std::vector<Matrix> dZ;  // dL/dZ_l
};

class Network {
public:
    explicit Network(NetworkSpec spec);  // validates; parameters start at zero

    const NetworkSpec& spec() const { return spec_; }
    int layer_count() const { return static_cast<int>(spec_.layers.size()); }
    int fan_in(int l) const { return l == 0 ? spec_.inputs : spec_.layers[l - 1].units; }
    int units(int l) const { return spec_.layers[l].units; }

    // The parameter buffer and views into it (and into a gradient buffer of the same size).
    std::vector<float>& params() { return params_; }
    const std::vector<float>& params() const { return params_; }
    size_t param_count() const { return params_.size(); }
    size_t weight_offset(int l) const { return offsets_[l]; }
    size_t bias_offset(int l) const { return offsets_[l] + static_cast<size_t>(units(l)) * fan_in(l); }
    MatrixMap weights(int l, float* buffer) const;  // units x fan_in
    MatrixMap weights(int l) { return weights(l, params_.data()); }
    ConstMatrixMap weights(int l) const;

    void initialize(Init scheme, Rng& rng);

    // Runs X (B x inputs) through the network; ws.A.back() holds the outputs (B x outputs).
    const Matrix& forward(const Matrix& X, Workspace& ws) const;
    // Given ws from forward(X) and dZ of the last layer already in ws.dZ.back(),
    // writes dL/dparams into grad (param_count floats, overwritten), adding
    // weight_decay * W to the weight gradients.
    void backward(const Matrix& X, Workspace& ws, float* grad, float weight_decay) const;
    // The same gradient applied at once as a plain SGD step, p -= lr (g + weight_decay W),
    // layer by layer: one pass less over the parameters than backward() + Optimizer.
    void sgd_backward(const Matrix& X, Workspace& ws, float learning_rate, float weight_decay);

private:
    template <class Use>
    void backward_layers(const Matrix& X, Workspace& ws, Use use) const;

    NetworkSpec spec_;
    std::vector<size_t> offsets_;  // start of each layer's W in params_
    std::vector<float> params_;
};

// Z <- f(Z + b) in place, b a row of Z.cols() biases broadcast to every row (or
// nullptr: none); and dZ = dA * f'(Z) from A = f(Z), in place on dA.
void bias_activate(Activation f, const float* b, Matrix& Z);
void activation_backward(Activation f, const Matrix& A, Matrix& dA);

}  // namespace digitnet
