#pragma once
// Max-pooling, N x N windows with stride N (rows and columns that do not fill
// a window are dropped), on HWC maps:
//   out[b, oy, ox, c] = max over the window of in[b, oy*N + dy, ox*N + dx, c]
// The forward pass keeps, for every output, the index in its sample's input row
// of the value it took (the first one, in row-major window order, on ties): the
// backward pass sends each output's gradient to that input alone.
#include <cstdint>

#include "digitnet/spec.hpp"

namespace digitnet {

// in: B x (H*W*C) -> out, switches: B x (OH*OW*C)
void maxpool_forward(const float* in, int batch, Shape in_shape, int size, Shape out_shape, float* out, int32_t* switches);
// dOut: B x (OH*OW*C) -> dIn: B x (H*W*C), zero but where a switch points
void maxpool_backward(const float* dOut, int batch, Shape in_shape, Shape out_shape, const int32_t* switches, float* dIn);

}  // namespace digitnet
