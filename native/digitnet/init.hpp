#pragma once
// Initial weights and biases of one layer, by the schemes of spec.hpp's Init.
#include <cstddef>

#include "digitnet/spec.hpp"

namespace digitnet {

class Rng;

// Fills w (nw weights) and b (nb biases) by the scheme. fan_in is the inputs
// of one unit (dense: its input's size; conv: K*K*channels), fan_out the
// outputs one input feeds (dense: units; conv: K*K*filters).
void initialize_layer(Init scheme, float fan_in, float fan_out, float* w, size_t nw, float* b, size_t nb, Rng& rng);

}  // namespace digitnet
