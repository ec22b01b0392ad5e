#pragma once
// Dropout (inverted): while training each value is kept with probability
// 1 - rate and scaled by 1/(1 - rate), else zeroed, so that at inference the
// layer passes its input through unchanged.
//   out = in * mask,  dIn = dOut * mask      mask, in, out: n floats
#include <cstdint>

namespace digitnet {

class Rng;

// With rng: a new mask from it. Without (inference): mask all ones, out = in.
void dropout_forward(const float* in, int64_t n, float rate, Rng* rng, float* mask, float* out);
void dropout_backward(const float* dOut, const float* mask, int64_t n, float* dIn);

}  // namespace digitnet
