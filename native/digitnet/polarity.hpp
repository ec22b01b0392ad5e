#pragma once
// Which way round an image's ink is: dark ink on a light ground (paper, as a
// drawing on the pad) or light ink on a dark ground (as MNIST's digits look).
// The rule is the core's, shared by `digitnet predict` and the page.
//
// The rule, for an image of RGBA pixels (not premultiplied):
// 1. Transparency is composited over white, unless the border is transparent
//    and the ink is light: when the median alpha of the border ring (the
//    outermost row and column on each side) is below 128 and the median
//    luminance of the opaque pixels (alpha >= 128) is 128 or more, over black.
// 2. On that gray image the ground's level is the median of the border ring:
//    below 128 is a dark ground, so light ink (the image is read inverted);
//    otherwise dark ink. Ink::dark or Ink::light forces the reading instead.
// 3. The ground is flattened: its level becomes pure white (dark ink) or pure
//    black (light ink), so gray paper is not taken as ink. A forced reading
//    whose ground is not the border's (say light ink on a white border) keeps
//    the extremes as the ground.
#include <cstdint>
#include <string>
#include <vector>

namespace digitnet {

enum class Ink { automatic, dark, light };

// "auto", "dark" or "light" -> Ink; throws Error for other words.
Ink parse_ink(const std::string& word);

// An image read the way the rule says: gray, dark ink on white (255) paper,
// ready for preprocess_drawing(gray, width, height, /*ink_bright=*/false).
struct InkReading {
    std::vector<uint8_t> gray;  // width*height, row-major
    bool light_ink = false;     // true if the image was read inverted (light ink on a dark ground)
};

// rgba: width*height*4 bytes. Throws Error for sizes outside check_image_size's caps.
InkReading read_ink(const uint8_t* rgba, int width, int height, Ink ink);

// How an image was read, for a person: "dark ink on a light ground" or
// "light ink on a dark ground (inverted)".
std::string describe_ink(bool light_ink);

}  // namespace digitnet
