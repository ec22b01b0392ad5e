#include "digitnet/dense.hpp"

#include "digitnet/activation.hpp"
#include "digitnet/products.hpp"

namespace digitnet {

void dense_forward(const float* in, int batch, int fan_in, const float* W, const float* b, int units, Activation f,
                   float* out) {
    multiply_by_transpose(in, W, out, batch, units, fan_in);  // (B x fan_in)(fan_in x units)
    bias_activate(f, b, MatrixMap(out, batch, units));
}

void dense_backward_input(const float* dZ, int batch, int units, const float* W, int fan_in, float* dIn) {
    multiply(dZ, W, dIn, batch, units, fan_in);  // (B x units)(units x fan_in)
}

}  // namespace digitnet
