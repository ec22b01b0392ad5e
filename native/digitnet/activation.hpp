#pragma once
// Activation functions, applied in place to a layer's pre-activations Z
// (rows x units: one row per sample for dense layers, per pixel for conv).
#include "digitnet/spec.hpp"
#include "digitnet/tensor.hpp"

namespace digitnet {

// Z <- f(Z + b), b a row of Z.cols() biases broadcast to every row (or nullptr:
// none). Softmax normalizes each row.
void bias_activate(Activation f, const float* b, MatrixMap Z);
// dZ = dA * f'(Z) from A = f(Z), in place on dA (softmax: its Jacobian per row).
void activation_backward(Activation f, ConstMatrixMap A, MatrixMap dA);

}  // namespace digitnet
