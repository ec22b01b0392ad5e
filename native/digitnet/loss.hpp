#pragma once
// Losses on the network's output A (B x K) against integer labels, averaged
// over the batch:
//   cross-entropy (softmax output):  L = -1/B sum_b log A[b, y_b];  dZ = (A - Y)/B
//   squared error (any output):      L = scale/(2B) sum_b |A_b - Y_b|^2;
//                                    dA = scale (A - Y)/B, dZ = f'(Z) applied to dA
//   batch-softmax squared error (identity output): seed 002's, see LossKind
// Y is the one-hot matrix of the labels.
#include <cstdint>

#include "digitnet/spec.hpp"
#include "digitnet/tensor.hpp"

namespace digitnet {

// Seed 002's softmax over the batch axis: S = exp(Z - max of Z's column), each
// column divided by its sum over the rows (B x K -> B x K).
void batch_softmax(const Matrix& Z, Matrix& S);

// Throws Error if the loss cannot be used with this output activation.
void check_loss(const LossSpec& loss, Activation output);

// Mean loss of the batch.
double loss_value(const LossSpec& loss, const Matrix& A, const uint8_t* labels);

// Mean loss of the batch, and dL/dZ of the output layer into dZ (resized to A's shape).
double loss_gradient(const LossSpec& loss, Activation output, const Matrix& A, const uint8_t* labels, Matrix& dZ);

}  // namespace digitnet
