#include "digitnet/preprocess.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "digitnet/spec.hpp"

namespace digitnet {

namespace {

constexpr int kSide = 28;
constexpr double kBox = 20.0;     // longer side of the ink box in the output
constexpr double kCentre = 14.0;  // where the centre of mass goes
constexpr int kSubsamples = 4;    // per output pixel and axis, when enlarging

// How one axis of the ink box (n source pixels) maps onto the 28 output
// pixels: source coordinate u in [0, n) lands at output coordinate o + s * u.
// Output pixel j = sum of weight[first[j] + i] * source[start[j] + i], i < count[j].
struct AxisTaps {
    std::array<int, kSide> start{}, count{}, first{};
    std::vector<float> weight;
};

AxisTaps axis_taps(int n, double s, double o) {
    AxisTaps t;
    std::vector<double> dense;
    for (int j = 0; j < kSide; ++j) {
        const double lo = (j - o) / s, hi = (j + 1 - o) / s;  // pixel j's footprint in source units
        const int k0 = std::max(0, static_cast<int>(std::floor(lo)) - 1);
        const int k1 = std::min(n - 1, static_cast<int>(std::ceil(hi)) + 1);
        t.first[j] = static_cast<int>(t.weight.size());
        if (k0 > k1) continue;
        dense.assign(static_cast<size_t>(k1 - k0 + 1), 0.0);
        if (s <= 1.0) {  // area average: s * overlap of [k, k+1) with [lo, hi)
            for (int k = k0; k <= k1; ++k)
                dense[k - k0] = s * std::max(0.0, std::min<double>(k + 1, hi) - std::max<double>(k, lo));
        } else {  // bilinear (clamped inside the box, 0 outside it) at kSubsamples points
            for (int q = 0; q < kSubsamples; ++q) {
                const double u = lo + (hi - lo) * (q + 0.5) / kSubsamples;
                if (u < 0.0 || u >= n) continue;
                const double x = std::min(std::max(u - 0.5, 0.0), n - 1.0);
                const int k = std::min(static_cast<int>(x), n - 1);
                const double f = x - k;
                dense[k - k0] += (1.0 - f) / kSubsamples;
                if (f > 0.0) dense[k + 1 - k0] += f / kSubsamples;
            }
        }
        int a = 0, b = static_cast<int>(dense.size());
        while (a < b && dense[a] == 0.0) ++a;
        while (b > a && dense[b - 1] == 0.0) --b;
        t.start[j] = k0 + a;
        t.count[j] = b - a;
        for (int i = a; i < b; ++i) t.weight.push_back(static_cast<float>(dense[i]));
    }
    return t;
}

}  // namespace

void check_image_size(int64_t width, int64_t height, const char* what) {
    if (width <= 0 || height <= 0 || width > kDrawingMaxSide || height > kDrawingMaxSide ||
        width * height > kDrawingMaxPixels)
        throw Error(std::string("the ") + what + " is " + std::to_string(width) + "x" + std::to_string(height) +
                    " pixels; each side must be 1.." + std::to_string(kDrawingMaxSide) + ", and " +
                    std::to_string(kDrawingMaxPixels >> 20) + " megapixels at most");
}

std::vector<uint8_t> preprocess_drawing(const uint8_t* gray, int width, int height, bool ink_bright) {
    check_image_size(width, height, "drawing");
    if (!gray) throw Error("no drawing was given");
    std::array<int, 256> ink{};  // gray byte -> ink, noise removed
    for (int g = 0; g < 256; ++g) {
        const int v = ink_bright ? g : 255 - g;
        ink[g] = v < kInkThreshold ? 0 : v;
    }

    // Ink bounding box and moments, in full-image coordinates (pixel centres at x + 0.5).
    int x0 = width, x1 = -1, y0 = height, y1 = -1;
    double mass = 0, mx = 0, my = 0;
    for (int y = 0; y < height; ++y) {
        const uint8_t* row = gray + static_cast<size_t>(y) * width;
        int64_t row_mass = 0, row_mx = 0;
        int first = -1, last = -1;
        for (int x = 0; x < width; ++x) {
            const int v = ink[row[x]];
            if (!v) continue;
            if (first < 0) first = x;
            last = x;
            row_mass += v;
            row_mx += static_cast<int64_t>(v) * x;
        }
        if (first < 0) continue;
        x0 = std::min(x0, first);
        x1 = std::max(x1, last);
        y0 = std::min(y0, y);
        y1 = y;
        const double m = static_cast<double>(row_mass);
        mass += m;
        mx += static_cast<double>(row_mx) + 0.5 * m;
        my += (y + 0.5) * m;
    }
    if (x1 < 0) throw Error("the drawing is empty: draw a digit first");
    if (mass < kMinInkPixels * 255.0)
        throw Error("the drawing has too little ink to read (about " + std::to_string(std::lround(mass / 255.0)) +
                    " pixel's worth): draw a larger digit");

    const int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    const double s = kBox / std::max(bw, bh);
    const AxisTaps tx = axis_taps(bw, s, kCentre - s * (mx / mass - x0));
    const AxisTaps ty = axis_taps(bh, s, kCentre - s * (my / mass - y0));

    // Rows of the box resampled across: tmp (bh x 28).
    std::vector<float> tmp(static_cast<size_t>(bh) * kSide);
    for (int r = 0; r < bh; ++r) {
        const uint8_t* row = gray + static_cast<size_t>(y0 + r) * width + x0;
        float* out = tmp.data() + static_cast<size_t>(r) * kSide;
        for (int j = 0; j < kSide; ++j) {
            const uint8_t* src = row + tx.start[j];
            const float* w = tx.weight.data() + tx.first[j];
            float acc = 0.0f;
            for (int i = 0; i < tx.count[j]; ++i) acc += w[i] * static_cast<float>(ink[src[i]]);
            out[j] = acc;
        }
    }
    // Then down the columns: 28 x 28.
    std::vector<uint8_t> result(kSide * kSide, 0);
    for (int j = 0; j < kSide; ++j) {
        const float* w = ty.weight.data() + ty.first[j];
        std::array<float, kSide> acc{};
        for (int i = 0; i < ty.count[j]; ++i) {
            const float* in = tmp.data() + static_cast<size_t>(ty.start[j] + i) * kSide;
            for (int c = 0; c < kSide; ++c) acc[c] += w[i] * in[c];
        }
        for (int c = 0; c < kSide; ++c) result[j * kSide + c] = static_cast<uint8_t>(std::min(255.0f, acc[c] + 0.5f));
    }
    return result;
}

std::vector<uint8_t> rgba_to_gray(const uint8_t* rgba, int w, int h) {
    check_image_size(w, h, "drawing");
    if (!rgba) throw Error("no image was given");
    std::vector<uint8_t> gray(static_cast<size_t>(w) * h);
    for (size_t i = 0; i < gray.size(); ++i) {
        const uint8_t* p = rgba + 4 * i;
        const int luma = (77 * p[0] + 150 * p[1] + 29 * p[2]) >> 8;
        gray[i] = static_cast<uint8_t>(255 - (p[3] * (255 - luma) + 127) / 255);
    }
    return gray;
}

}  // namespace digitnet
