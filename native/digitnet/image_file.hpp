#pragma once
// Image files for `digitnet predict` (native builds only): decoded after their
// header has passed the size caps, to RGBA for the ink rule (polarity.hpp).
#include <cstdint>
#include <string>
#include <vector>

namespace digitnet {

// width x height RGBA pixels (4 bytes each, not premultiplied), row-major.
struct RgbaImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;
};

// A PNG (libspng: every colour type and bit depth) or binary PGM/PPM file's
// bytes -> RGBA pixels; a file without transparency is opaque. Throws Error for another
// format, for a size outside check_image_size's caps (read from the header,
// before any pixel is decoded) and for corrupt data.
RgbaImage decode_image(const std::string& bytes);

}  // namespace digitnet
