#include "digitnet/image_file.hpp"

#include <spng.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "digitnet/preprocess.hpp"
#include "digitnet/spec.hpp"

// stb_image for the simple formats only, its functions private to this file,
// its allocations capped (a lying header gets "out of memory", not the memory).
namespace {
constexpr size_t kMaxAllocation = 4 * digitnet::kDrawingMaxPixels + 4096;  // one RGBA image and some
void* capped_malloc(size_t n) { return n <= kMaxAllocation ? std::malloc(n) : nullptr; }
[[maybe_unused]] void* capped_realloc(void* p, size_t n) { return n <= kMaxAllocation ? std::realloc(p, n) : nullptr; }
}  // namespace
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_FAILURE_USERMSG
#define STBI_ONLY_PNM
#define STBI_ONLY_BMP
#define STBI_MAX_DIMENSIONS digitnet::kDrawingMaxSide
#define STBI_MALLOC(n) capped_malloc(n)
#define STBI_REALLOC(p, n) capped_realloc(p, n)
#define STBI_FREE(p) std::free(p)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

namespace digitnet {

namespace {

bool is_png(const std::string& b) { return b.size() >= 8 && std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) == 0; }

GrayImage decode_png(const std::string& bytes) {
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
        throw Error("the PNG file's header gives a size digitnet does not read (at most " +
                    std::to_string(kDrawingMaxSide) + " pixels a side)");
    ok(rc);
    check_image_size(ihdr.width, ihdr.height, "image");
    size_t size = 0;
    ok(spng_decoded_image_size(ctx.get(), SPNG_FMT_RGBA8, &size));
    std::vector<uint8_t> rgba(size);
    ok(spng_decode_image(ctx.get(), rgba.data(), size, SPNG_FMT_RGBA8, SPNG_DECODE_TRNS));
    const int w = static_cast<int>(ihdr.width), h = static_cast<int>(ihdr.height);
    return {w, h, rgba_to_gray(rgba.data(), w, h)};
}

GrayImage decode_with_stb(const std::string& bytes) {
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int n = static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX));
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, n, &w, &h, &channels))
        throw Error("this is not an image digitnet reads: PNG, PGM, PPM or BMP");
    check_image_size(w, h, "image");
    std::unique_ptr<stbi_uc, void (*)(void*)> rgba(stbi_load_from_memory(data, n, &w, &h, &channels, 4), std::free);
    if (!rgba) throw Error(std::string("the image file is damaged: ") + stbi_failure_reason());
    check_image_size(w, h, "image");
    return {w, h, rgba_to_gray(rgba.get(), w, h)};
}

}  // namespace

GrayImage decode_image(const std::string& bytes) { return is_png(bytes) ? decode_png(bytes) : decode_with_stb(bytes); }

}  // namespace digitnet
