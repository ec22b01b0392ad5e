#include "digitnet/polarity.hpp"

#include <algorithm>

#include "digitnet/preprocess.hpp"
#include "digitnet/spec.hpp"

namespace digitnet {

namespace {

// The outermost row and column on each side, corners once: value(i) for each pixel index i.
template <typename F>
std::vector<uint8_t> border_ring(int w, int h, F value) {
    std::vector<uint8_t> ring;
    for (int x = 0; x < w; ++x) {
        ring.push_back(value(x));
        if (h > 1) ring.push_back(value((h - 1) * w + x));
    }
    for (int y = 1; y + 1 < h; ++y) {
        ring.push_back(value(y * w));
        if (w > 1) ring.push_back(value(y * w + w - 1));
    }
    return ring;
}

uint8_t median(std::vector<uint8_t> v) {  // v not empty
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

int luma(const uint8_t* p) { return (77 * p[0] + 150 * p[1] + 29 * p[2]) >> 8; }

// Step 1: true if transparency goes over black (a transparent border around light ink).
bool over_black(const uint8_t* rgba, int w, int h) {
    if (median(border_ring(w, h, [&](int i) { return rgba[4 * i + 3]; })) >= 128) return false;
    std::vector<uint8_t> opaque;
    const size_t n = static_cast<size_t>(w) * h;
    for (size_t i = 0; i < n; ++i)
        if (rgba[4 * i + 3] >= 128) opaque.push_back(static_cast<uint8_t>(luma(rgba + 4 * i)));
    return !opaque.empty() && median(std::move(opaque)) >= 128;
}

}  // namespace

Ink parse_ink(const std::string& word) {
    if (word == "auto") return Ink::automatic;
    if (word == "dark") return Ink::dark;
    if (word == "light") return Ink::light;
    throw Error("the ink must be dark, light or auto, not \"" + word + "\"");
}

InkReading read_ink(const uint8_t* rgba, int width, int height, Ink ink) {
    InkReading r;
    r.gray = rgba_to_gray(rgba, width, height);  // checks the size; over white
    if (over_black(rgba, width, height))
        for (size_t i = 0; i < r.gray.size(); ++i)
            r.gray[i] = static_cast<uint8_t>(rgba[4 * i + 3] * luma(rgba + 4 * i) / 255);

    const int border = median(border_ring(width, height, [&](int i) { return r.gray[static_cast<size_t>(i)]; }));
    r.light_ink = ink == Ink::light || (ink == Ink::automatic && border < 128);
    // Step 3, and the output as dark ink on white: ink strength 0..255 over the ground's level.
    if (r.light_ink) {
        const int ground = border < 128 ? border : 0;
        for (uint8_t& g : r.gray) g = static_cast<uint8_t>(255 - std::max(0, g - ground) * 255 / (255 - ground));
    } else {
        const int ground = border >= 128 ? border : 255;
        for (uint8_t& g : r.gray) g = static_cast<uint8_t>(255 - std::max(0, ground - g) * 255 / ground);
    }
    return r;
}

std::string describe_ink(bool light_ink) {
    return light_ink ? "light ink on a dark ground (inverted)" : "dark ink on a light ground";
}

}  // namespace digitnet
