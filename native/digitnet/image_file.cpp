#include "digitnet/image_file.hpp"

#include <spng.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

#include "digitnet/preprocess.hpp"
#include "digitnet/spec.hpp"

namespace digitnet {

namespace {

bool is_png(const std::string& b) { return b.size() >= 8 && std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) == 0; }
bool is_pnm(const std::string& b) { return b.size() >= 2 && b[0] == 'P' && (b[1] == '5' || b[1] == '6'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

RgbaImage decode_png(const std::string& bytes) {
    std::unique_ptr<spng_ctx, void (*)(spng_ctx*)> ctx(spng_ctx_new(0), spng_ctx_free);
    if (!ctx) throw std::bad_alloc();
    auto ok = [](int rc) {
        if (rc) throw Error(std::string("the PNG file is damaged: ") + spng_strerror(rc));
    };
    ok(spng_set_image_limits(ctx.get(), kDrawingMaxSide, kDrawingMaxSide));
    ok(spng_set_chunk_limits(ctx.get(), 1 << 20, 4 << 20));  // text and other extra chunks
    ok(spng_set_png_buffer(ctx.get(), bytes.data(), bytes.size()));
    spng_ihdr ihdr{};
    const int rc = spng_get_ihdr(ctx.get(), &ihdr);
    if (rc == SPNG_EWIDTH || rc == SPNG_EHEIGHT || rc == SPNG_EUSER_WIDTH || rc == SPNG_EUSER_HEIGHT)
        throw Error("the PNG file's header gives a size digitnet does not read (at most " + std::to_string(kDrawingMaxSide) +
                    " pixels a side)");
    ok(rc);
    check_image_size(ihdr.width, ihdr.height, "image");
    size_t size = 0;
    ok(spng_decoded_image_size(ctx.get(), SPNG_FMT_RGBA8, &size));
    std::vector<uint8_t> rgba(size);
    ok(spng_decode_image(ctx.get(), rgba.data(), size, SPNG_FMT_RGBA8, SPNG_DECODE_TRNS));
    const int w = static_cast<int>(ihdr.width), h = static_cast<int>(ihdr.height);
    return {w, h, std::move(rgba)};
}

// Binary PGM (P5) and PPM (P6), as netpbm defines them: the magic, then width,
// height and maxval (1..65535) as decimal numbers separated by whitespace or
// '#' comments, one whitespace byte, then the samples (2 bytes big-endian each
// when maxval > 255). Read here rather than by stb_image, whose PNM reader
// (2.27, in Debian 12) overflows on 16-bit files and on long numbers.
RgbaImage decode_pnm(const std::string& b) {
    size_t at = 2;
    auto number = [&](const char* what) {
        for (;;) {
            while (at < b.size() && is_space(b[at])) ++at;
            if (at < b.size() && b[at] == '#') {
                while (at < b.size() && b[at] != '\n') ++at;
                continue;
            }
            break;
        }
        long v = 0;
        const size_t first = at;
        for (; at < b.size() && b[at] >= '0' && b[at] <= '9'; ++at)
            if ((v = v * 10 + (b[at] - '0')) > 1000000) throw Error(std::string("the PNM file's ") + what + " is too large");
        if (at == first) throw Error(std::string("the PNM file's header has no ") + what);
        return v;
    };
    const long w = number("width"), h = number("height"), maxval = number("maxval");
    if (maxval < 1 || maxval > 65535) throw Error("the PNM file's maxval is " + std::to_string(maxval) + ", not 1..65535");
    if (at >= b.size() || !is_space(b[at])) throw Error("the PNM file's header does not end in a space or line break");
    ++at;
    check_image_size(w, h, "image");
    const size_t channels = b[1] == '6' ? 3 : 1, depth = maxval > 255 ? 2 : 1;
    const size_t count = static_cast<size_t>(w) * static_cast<size_t>(h);
    if (b.size() - at < count * channels * depth)
        throw Error("the PNM file is truncated: its " + std::to_string(w) + "x" + std::to_string(h) + " pixels need " +
                    std::to_string(count * channels * depth) + " bytes, it has " + std::to_string(b.size() - at));
    auto sample = [&](size_t k) {  // sample k scaled to 0..255
        const auto* p = reinterpret_cast<const uint8_t*>(b.data()) + at + k * depth;
        const long v = std::min<long>(depth == 2 ? (p[0] << 8 | p[1]) : p[0], maxval);
        return static_cast<uint8_t>((v * 255 + maxval / 2) / maxval);
    };
    std::vector<uint8_t> rgba(4 * count, 255);
    for (size_t i = 0; i < count; ++i)
        for (size_t c = 0; c < 3; ++c) rgba[4 * i + c] = sample(i * channels + (channels == 3 ? c : 0));
    return {static_cast<int>(w), static_cast<int>(h), std::move(rgba)};
}

}  // namespace

RgbaImage decode_image(const std::string& bytes) {
    if (is_png(bytes)) return decode_png(bytes);
    if (is_pnm(bytes)) return decode_pnm(bytes);
    throw Error("this is not an image digitnet reads: PNG, or binary PGM/PPM");
}

}  // namespace digitnet
