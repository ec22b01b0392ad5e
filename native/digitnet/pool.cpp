#include "digitnet/pool.hpp"

#include <algorithm>

namespace digitnet {

void maxpool_forward(const float* in, int batch, Shape is, int n, Shape os, float* out, int32_t* switches) {
    const int C = is.channels;
    const int64_t in_size = is.size(), out_size = os.size();
    for (int b = 0; b < batch; ++b) {
        const float* src = in + b * in_size;
        float* dst = out + b * out_size;
        int32_t* sw = switches + b * out_size;
        for (int oy = 0; oy < os.height; ++oy)
            for (int ox = 0; ox < os.width; ++ox) {
                // the window's values in row-major order, all C channels at once
                const int64_t o = (int64_t{oy} * os.width + ox) * C;
                for (int dy = 0; dy < n; ++dy)
                    for (int dx = 0; dx < n; ++dx) {
                        const int32_t at = ((oy * n + dy) * is.width + ox * n + dx) * C;
                        const bool first = dy == 0 && dx == 0;
                        for (int c = 0; c < C; ++c)
                            if (first || src[at + c] > dst[o + c]) dst[o + c] = src[at + c], sw[o + c] = at + c;
                    }
            }
    }
}

void maxpool_backward(const float* dOut, int batch, Shape is, Shape os, const int32_t* switches, float* dIn) {
    const int64_t in_size = is.size(), out_size = os.size();
    std::fill(dIn, dIn + batch * in_size, 0.0f);
    for (int b = 0; b < batch; ++b)
        for (int64_t o = 0; o < out_size; ++o) dIn[b * in_size + switches[b * out_size + o]] += dOut[b * out_size + o];
}

}  // namespace digitnet
