// Image files for predict: PNG through libspng, binary PGM/PPM read here; seen
// here as gray on white paper (transparent pixels composited onto it); every refusal says why.
#include <catch2/catch.hpp>

#include "digitnet/file_io.hpp"
#include "digitnet/image_file.hpp"
#include "digitnet/preprocess.hpp"
#include "digitnet/spec.hpp"

using namespace digitnet;
using Catch::Contains;
using namespace std::string_literals;

namespace {
const std::string kData = std::string(DIGITNET_SOURCE_DIR) + "/tests/data/";

struct GrayImage {
    int width, height;
    std::vector<uint8_t> pixels;
};
GrayImage decode_gray(const std::string& bytes) {
    const RgbaImage im = decode_image(bytes);
    return {im.width, im.height, rgba_to_gray(im.pixels.data(), im.width, im.height)};
}
}  // namespace

TEST_CASE("binary PGM and PPM, 8 and 16 bits, with comments", "[image]") {
    const GrayImage g = decode_gray("P5 3 1 255\n\x00\x80\xff"s);
    CHECK(g.width == 3);
    CHECK(g.height == 1);
    CHECK(g.pixels == std::vector<uint8_t>{0, 128, 255});
    const GrayImage g16 = decode_gray("P5\n# made by hand\n2 1\n65535\n\x00\x00\xff\xff"s);
    CHECK(g16.pixels == std::vector<uint8_t>{0, 255});
    const GrayImage low = decode_gray("P5 2 1 1\n\x00\x01"s);  // maxval 1: 0 black, 1 white
    CHECK(low.pixels == std::vector<uint8_t>{0, 255});
    const GrayImage rgb = decode_gray("P6 1 1 255\n\xff\x00\x00"s);  // red: luma 76
    CHECK(rgb.pixels == std::vector<uint8_t>{76});
}

TEST_CASE("a transparent PNG's background becomes white paper", "[image]") {
    const GrayImage g = decode_gray(read_file(kData + "digit-7-transparent.png"));
    REQUIRE(g.width == 64);
    REQUIRE(g.height == 64);
    CHECK(g.pixels[0] == 255);           // transparent corner: paper
    CHECK(g.pixels[22 * 64 + 30] == 0);  // the 7's bar: black ink
}

TEST_CASE("image files that are not whole are refused with the reason", "[image]") {
    CHECK_THROWS_WITH(decode_image("GIF89a"), Contains("not an image digitnet reads"));
    CHECK_THROWS_WITH(decode_image("P6"), Contains("header has no width"));
    CHECK_THROWS_WITH(decode_image("P5 2 2 255\n\x01\x02"), Contains("truncated") && Contains("need 4 bytes, it has 2"));
    CHECK_THROWS_WITH(decode_image("P5 2 2 0\n"), Contains("maxval is 0"));
    CHECK_THROWS_WITH(decode_image("P5 99999999999999999999 2 255\n"), Contains("width is too large"));
    CHECK_THROWS_WITH(decode_image("P5 20000 1 255\n"), Contains("the image is 20000x1 pixels"));
    CHECK_THROWS_WITH(decode_image("P5 5000 5000 255\n"), Contains("16 megapixels at most"));
    CHECK_THROWS_WITH(decode_image("P5 2 2 255"), Contains("does not end in a space"));
    CHECK_THROWS_WITH(decode_image(read_file(kData + "hostile/huge.png")), Contains("at most 10000 pixels a side"));
    CHECK_THROWS_WITH(decode_image(read_file(kData + "hostile/big-idat.png")), Contains("the PNG file is damaged"));
}
