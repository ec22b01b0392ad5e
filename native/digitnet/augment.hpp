#pragma once
// Training augmentation: each sample is seen through a small random affine
// transform (rotation and scaling about the image centre, then a shift), so
// the network learns digits a little turned, sized and placed differently.
#include <cstdint>

namespace digitnet {

class Rng;

struct AugmentSpec {
    float max_rotation_deg = 12;  // angle uniform in [-max, max] degrees (positive: clockwise on screen)
    float max_scale = 0.12f;      // zoom uniform in [1 - max, 1 + max]
    float max_shift = 2.5f;       // shift in x and in y, each uniform in [-max, max] pixels
    // Elastic warp: a smooth random displacement of every pixel, up to this many
    // pixels, interpolated from a 4x4 grid of random displacements (0: none).
    float max_warp = 0.0f;
    bool enabled = false;  // whether the trainer augments at all
};

// dst (rows*cols floats, row-major) <- scale * src seen through a random
// transform; src is rows*cols bytes. Each destination pixel centre is mapped
// back into src by the inverse transform and read bilinearly (0 outside src),
// in fixed point: coordinates to 1/65536 px, interpolation weights to 1/256.
// Draws exactly four rng.uniform() values, in this order: angle, zoom, shift x,
// shift y, then with a warp 32 more (the grid's x and y displacements, row by
// row); each becomes lo + (hi - lo) * u, so native and WebAssembly builds draw
// the same transforms (up to the last bit of sin and cos). The warp is added
// to the source coordinates in fixed point, bilinear between grid points.
// With all ranges 0 the output is scale * src exactly.
// spec.enabled is not looked at: the caller decides whether to augment.
void augment_image(const uint8_t* src, int rows, int cols, const AugmentSpec& spec, Rng& rng, float scale, float* dst);

}  // namespace digitnet
