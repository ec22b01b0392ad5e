// Drawing preprocessing, as the page and predict call it. Input: a flags byte
// (bit 0: RGBA image bytes, read by the ink rule, else gray; bit 1: bright ink,
// or for RGBA the light-ink reading forced instead of decided), width and height
// (one byte each, 0..255), then the pixels (only as many as the size needs).
#include <cstdint>
#include <vector>

#include "digitnet/polarity.hpp"
#include "digitnet/preprocess.hpp"
#include "digitnet/spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace digitnet;
    if (size < 3) return 0;
    const bool rgba = data[0] & 1, bright = data[0] & 2;
    const int w = data[1], h = data[2];
    const size_t needed = static_cast<size_t>(w) * h * (rgba ? 4 : 1);
    if (size - 3 < needed) return 0;
    try {
        if (rgba) {
            const InkReading read = read_ink(data + 3, w, h, bright ? Ink::light : Ink::automatic);
            preprocess_drawing(read.gray.data(), w, h, false);
        } else {
            preprocess_drawing(data + 3, w, h, bright);
        }
    } catch (const Error&) {
    }
    return 0;
}
