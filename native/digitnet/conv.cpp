#include "digitnet/conv.hpp"

#include <algorithm>

#include "digitnet/activation.hpp"
#include "digitnet/products.hpp"

namespace digitnet {

ConvGeometry::ConvGeometry(Shape in_, const LayerSpec& layer, Shape out_)
    : in(in_), out(out_), kernel(layer.kernel), pad(layer.padding == Padding::Same ? (layer.kernel - 1) / 2 : 0) {}

namespace {
// Calls copy(patch_offset, input_offset, count) for each run of a patch row that
// lies on the map, for output pixel (oy, ox): the runs are K*C long but for the
// columns that padding cuts off. Offsets are within one sample.
template <class Copy>
void for_each_run(const ConvGeometry& g, int oy, int ox, Copy copy) {
    const int K = g.kernel, C = g.in.channels, W = g.in.width;
    const int x0 = ox - g.pad, kx_begin = std::max(0, -x0), kx_end = std::min(K, W - x0);
    if (kx_begin >= kx_end) return;
    for (int ky = 0; ky < K; ++ky) {
        const int y = oy - g.pad + ky;
        if (y < 0 || y >= g.in.height) continue;
        copy((ky * K + kx_begin) * C, (y * W + x0 + kx_begin) * C, (kx_end - kx_begin) * C);
    }
}
}  // namespace

void im2col(const float* in, int batch, const ConvGeometry& g, float* lowered) {
    const int64_t in_size = g.in.size(), patch = g.patch();
    const bool padded = g.pad > 0 || g.out.height + g.kernel - 1 > g.in.height;
    for (int b = 0; b < batch; ++b) {
        const float* src = in + b * in_size;
        for (int oy = 0; oy < g.out.height; ++oy)
            for (int ox = 0; ox < g.out.width; ++ox) {
                float* row = lowered + ((int64_t{b} * g.out.height + oy) * g.out.width + ox) * patch;
                if (padded) std::fill(row, row + patch, 0.0f);
                // runs are short (K*C floats): a plain loop beats a call to memcpy
                for_each_run(g, oy, ox, [&](int at, int from, int n) {
                    for (int i = 0; i < n; ++i) row[at + i] = src[from + i];
                });
            }
    }
}

void col2im(const float* dlowered, int batch, const ConvGeometry& g, float* dIn) {
    const int64_t in_size = g.in.size(), patch = g.patch();
    std::fill(dIn, dIn + batch * in_size, 0.0f);
    for (int b = 0; b < batch; ++b) {
        float* dst = dIn + b * in_size;
        for (int oy = 0; oy < g.out.height; ++oy)
            for (int ox = 0; ox < g.out.width; ++ox) {
                const float* row = dlowered + ((int64_t{b} * g.out.height + oy) * g.out.width + ox) * patch;
                for_each_run(g, oy, ox, [&](int at, int to, int n) {
                    for (int i = 0; i < n; ++i) dst[to + i] += row[at + i];
                });
            }
    }
}

void conv_forward(const float* in, int batch, const ConvGeometry& g, const float* W, const float* b, Activation f,
                  float* lowered, float* out) {
    const int rows = batch * g.pixels(), filters = g.out.channels;
    im2col(in, batch, g, lowered);
    multiply_by_transpose(lowered, W, out, rows, filters, g.patch());  // (B*P x K*K*C)(K*K*C x F)
    bias_activate(f, b, MatrixMap(out, rows, filters));
}

void conv_backward_input(const float* dZ, int batch, const ConvGeometry& g, const float* W, float* dlowered, float* dIn) {
    multiply(dZ, W, dlowered, batch * g.pixels(), g.out.channels, g.patch());  // (B*P x F)(F x K*K*C)
    col2im(dlowered, batch, g, dIn);
}

}  // namespace digitnet
