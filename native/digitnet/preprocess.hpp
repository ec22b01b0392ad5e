#pragma once
// A drawing on the page -> the 28x28 image the network reads, made the way
// MNIST's digits were: ink bounding box scaled to 20 px on its longer side,
// then placed so its centre of mass is the centre of the 28x28 field.
//
// Coordinates: pixel (r, c) covers the square [c, c+1) x [r, r+1), so its
// centre is (c + 0.5, r + 0.5) and the centre of the 28x28 field is (14, 14).
// The centre of mass is sum(v * (c + 0.5)) / sum(v) (and likewise for rows).
#include <cstdint>
#include <vector>

namespace digitnet {

constexpr int kDrawingMaxSide = 10000;                   // larger canvases are refused,
constexpr int64_t kDrawingMaxPixels = int64_t{1} << 24;  // and those of more than 16 megapixels
constexpr uint8_t kInkThreshold = 32;                    // ink below this (of 255) counts as background noise
constexpr int kMinInkPixels = 3;                         // less ink than this many full pixels is a speck, not a digit

// Throws Error unless an image ("drawing", "image") of width x height pixels is
// within the caps above: checked before anything of that size is allocated.
void check_image_size(int64_t width, int64_t height, const char* what);

// gray: width*height bytes, row-major. ink_bright: true if ink is 255 on a 0
// background (MNIST's way), false for dark ink on a light background.
// Returns 784 bytes, row-major 28x28, ink 255 on background 0.
//
// Steps: ink = gray (or 255 - gray); ink below kInkThreshold becomes 0; the
// bounding box of what remains is mapped by one scale factor s = 20 / longer
// side (aspect kept) and one offset chosen so the box's centre of mass lands
// on (14, 14) exactly, not rounded to whole pixels as MNIST did. Each output
// pixel integrates that mapped image over its square: when shrinking (s <= 1)
// this is exact area averaging of the source pixels; when enlarging, the source
// is read bilinearly at 4x4 points per output pixel, so edges stay anti-aliased.
// Ink mapped outside the field is clipped.
// Throws Error for sizes outside the caps (check_image_size), for a drawing with no ink
// and for one with less than kMinInkPixels pixels' worth of it.
std::vector<uint8_t> preprocess_drawing(const uint8_t* gray, int width, int height, bool ink_bright);

// Canvas ImageData (w*h RGBA bytes, not premultiplied) -> gray, composited over
// white: gray = 255 - alpha * (255 - luma) / 255 with luma = (77 R + 150 G + 29 B) / 256.
// Dark strokes on white or on transparent both become dark ink on white: pass
// the result to preprocess_drawing with ink_bright = false.
std::vector<uint8_t> rgba_to_gray(const uint8_t* rgba, int w, int h);

}  // namespace digitnet
