#include "digitnet/dropout.hpp"

#include <algorithm>

#include "digitnet/rng.hpp"

namespace digitnet {

void dropout_forward(const float* in, int64_t n, float rate, Rng* rng, float* mask, float* out) {
    if (!rng) {
        std::fill(mask, mask + n, 1.0f);
        std::copy(in, in + n, out);
        return;
    }
    const float keep = 1.0f / (1.0f - rate);
    for (int64_t i = 0; i < n; ++i) {
        mask[i] = rng->uniform() < rate ? 0.0f : keep;
        out[i] = in[i] * mask[i];
    }
}

void dropout_backward(const float* dOut, const float* mask, int64_t n, float* dIn) {
    for (int64_t i = 0; i < n; ++i) dIn[i] = dOut[i] * mask[i];
}

}  // namespace digitnet
