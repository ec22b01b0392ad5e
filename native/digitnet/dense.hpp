#pragma once
// A dense (fully connected) layer: every unit reads the whole input, flat.
//   Z = in W^T + b,  A = f(Z)       in (B x fan_in), W (units x fan_in), b (units), A (B x units)
//   dIn = dZ W                      (B x fan_in)
//   dW = dZ^T in,  db = sum_rows dZ (units x fan_in, units)
#include "digitnet/spec.hpp"

namespace digitnet {

void dense_forward(const float* in, int batch, int fan_in, const float* W, const float* b, int units, Activation f,
                   float* out);
void dense_backward_input(const float* dZ, int batch, int units, const float* W, int fan_in, float* dIn);

}  // namespace digitnet
