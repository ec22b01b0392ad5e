#include "digitnet/augment.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "digitnet/rng.hpp"
#include "digitnet/spec.hpp"

namespace digitnet {

namespace {
constexpr int kMaxSide = 4096;  // keeps 16.16 fixed-point coordinates inside int32
constexpr float kOne = 65536.0f;
int32_t fixed(float v) { return static_cast<int32_t>(std::lround(v * kOne)); }

constexpr int kGrid = 4;  // warp control points per side

// Per destination pixel (rows x cols), the warp's x and y displacements in
// 16.16 fixed point, bilinear between a kGrid x kGrid grid of random ones
// spread over the image (the grid's corners on the image's corners).
void warp_field(int rows, int cols, float max_warp, Rng& rng, std::vector<int32_t>& dx, std::vector<int32_t>& dy) {
    int32_t gx[kGrid * kGrid], gy[kGrid * kGrid];
    for (int i = 0; i < kGrid * kGrid; ++i) {
        gx[i] = fixed(rng.uniform(-max_warp, max_warp));
        gy[i] = fixed(rng.uniform(-max_warp, max_warp));
    }
    dx.resize(static_cast<size_t>(rows) * cols);
    dy.resize(dx.size());
    for (int y = 0; y < rows; ++y) {
        // grid position of the row, in 1/256 of a grid step
        const int ty = rows > 1 ? y * (kGrid - 1) * 256 / (rows - 1) : 0;
        const int j = std::min(ty >> 8, kGrid - 2), wy = ty - j * 256;
        for (int x = 0; x < cols; ++x) {
            const int tx = cols > 1 ? x * (kGrid - 1) * 256 / (cols - 1) : 0;
            const int i = std::min(tx >> 8, kGrid - 2), wx = tx - i * 256;
            const auto blend = [&](const int32_t* g) {
                const int64_t top = int64_t{g[j * kGrid + i]} * (256 - wx) + int64_t{g[j * kGrid + i + 1]} * wx;
                const int64_t bottom =
                    int64_t{g[(j + 1) * kGrid + i]} * (256 - wx) + int64_t{g[(j + 1) * kGrid + i + 1]} * wx;
                return static_cast<int32_t>((top * (256 - wy) + bottom * wy) >> 16);
            };
            dx[static_cast<size_t>(y) * cols + x] = blend(gx);
            dy[static_cast<size_t>(y) * cols + x] = blend(gy);
        }
    }
}
}  // namespace

void augment_image(const uint8_t* src, int rows, int cols, const AugmentSpec& spec, Rng& rng, float scale, float* dst) {
    if (rows <= 0 || cols <= 0 || rows > kMaxSide || cols > kMaxSide)
        throw Error("cannot augment a " + std::to_string(rows) + "x" + std::to_string(cols) + " image");
    const float degrees = rng.uniform(-spec.max_rotation_deg, spec.max_rotation_deg);
    const float zoom = rng.uniform(1.0f - spec.max_scale, 1.0f + spec.max_scale);
    const float shift_x = rng.uniform(-spec.max_shift, spec.max_shift);
    const float shift_y = rng.uniform(-spec.max_shift, spec.max_shift);
    // Kept between calls so that augmenting a batch does not allocate.
    thread_local std::vector<int32_t> warp_x, warp_y;
    const bool warp = spec.max_warp > 0.0f;
    if (warp) warp_field(rows, cols, spec.max_warp, rng, warp_x, warp_y);

    // Forward, about the centre c (pixel centres at integer coordinates):
    //   d = c + zoom * R(theta) (s - c) + shift.
    // Inverse, for destination pixel (x, y):
    //   s = c + R(-theta) (d - c - shift) / zoom = s(0, y) + x * (cs, -sn).
    const float theta = degrees * (3.14159265358979f / 180.0f);
    const float cs = std::cos(theta) / zoom, sn = std::sin(theta) / zoom;
    const float cx = 0.5f * static_cast<float>(cols - 1), cy = 0.5f * static_cast<float>(rows - 1);

    // src with a border of zeros (one pixel before, two after each row and
    // column), so clamped coordinates read 0 outside src without branches.
    // Kept between calls so that augmenting a batch does not allocate.
    const int pw = cols + 3;
    thread_local std::vector<uint8_t> padded;
    padded.assign(static_cast<size_t>(pw) * (rows + 3), 0);
    for (int y = 0; y < rows; ++y) std::memcpy(&padded[static_cast<size_t>(y + 1) * pw + 1], src + y * cols, cols);

    // Source coordinates in 16.16 fixed point, stepped along each destination
    // row; bilinear weights have 8 bits. A destination value is
    // value * 65536 (exact in a float, < 2^24), so zero ranges reproduce src exactly.
    const int32_t step_x = fixed(cs), step_y = fixed(-sn);
    const int32_t lo = -65536, hi_x = cols * 65536, hi_y = rows * 65536;  // [-1, side]: beyond, all is border
    const float to_value = scale / kOne;
    for (int y = 0; y < rows; ++y) {
        const float rx = -cx - shift_x, ry = static_cast<float>(y) - cy - shift_y;
        int32_t sx = fixed(cx + cs * rx + sn * ry), sy = fixed(cy - sn * rx + cs * ry);
        float* out = dst + static_cast<size_t>(y) * cols;
        const int32_t* wx = warp ? &warp_x[static_cast<size_t>(y) * cols] : nullptr;
        const int32_t* wy = warp ? &warp_y[static_cast<size_t>(y) * cols] : nullptr;
        for (int x = 0; x < cols; ++x, sx += step_x, sy += step_y) {
            const int32_t px = warp ? sx + wx[x] : sx, py = warp ? sy + wy[x] : sy;
            const int32_t ux = std::min(std::max(px, lo), hi_x) + 65536;  // padded coordinates, >= 0
            const int32_t uy = std::min(std::max(py, lo), hi_y) + 65536;
            const int fx = (ux >> 8) & 255, fy = (uy >> 8) & 255;
            const uint8_t* q = &padded[static_cast<size_t>(uy >> 16) * pw + (ux >> 16)];
            const int top = q[0] * 256 + fx * (q[1] - q[0]);
            const int bottom = q[pw] * 256 + fx * (q[pw + 1] - q[pw]);
            out[x] = to_value * static_cast<float>(top * 256 + fy * (bottom - top));
        }
    }
}

}  // namespace digitnet
