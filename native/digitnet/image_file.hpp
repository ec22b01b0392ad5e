#pragma once
// Image files for `digitnet predict` (native builds only): decoded after their
// header has passed the size caps, then made gray on white paper.
#include <cstdint>
#include <string>
#include <vector>

namespace digitnet {

// width x height gray bytes, row-major, 255 = white paper.
struct GrayImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;
};

// A PNG (libspng: every colour type and bit depth) or binary PGM/PPM file's
// bytes -> gray levels. Transparent pixels are composited over white
// paper, as the page's canvas is (rgba_to_gray). Throws Error for another
// format, for a size outside check_image_size's caps (read from the header,
// before any pixel is decoded) and for corrupt data.
GrayImage decode_image(const std::string& bytes);

}  // namespace digitnet
