#include <catch2/catch.hpp>

#include <cmath>

#include "digitnet/preprocess.hpp"
#include "digitnet/spec.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {

struct Image {
    int w, h;
    std::vector<uint8_t> px;
    Image(int w_, int h_, uint8_t background) : w(w_), h(h_), px(static_cast<size_t>(w_) * h_, background) {}
    void fill(int x0, int y0, int x1, int y1, uint8_t v) {  // inclusive corners
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) px[static_cast<size_t>(y) * w + x] = v;
    }
};

// What the tests look at in a 28x28 result: ink bounding box and centre of
// mass, with pixel (r, c) centred at (c + 0.5, r + 0.5) as preprocess.hpp says.
struct Ink {
    int width = 0, height = 0;
    double cx = 0, cy = 0, mass = 0;
    double box_cx = 0, box_cy = 0;  // centre of the ink bounding box
};

Ink shape_of(const std::vector<uint8_t>& img) {
    REQUIRE(img.size() == 784);
    int x0 = 28, x1 = -1, y0 = 28, y1 = -1;
    Ink s;
    for (int r = 0; r < 28; ++r)
        for (int c = 0; c < 28; ++c) {
            const double v = img[r * 28 + c];
            if (v == 0) continue;
            x0 = std::min(x0, c), x1 = std::max(x1, c), y0 = std::min(y0, r), y1 = std::max(y1, r);
            s.mass += v;
            s.cx += v * (c + 0.5);
            s.cy += v * (r + 0.5);
        }
    REQUIRE(s.mass > 0);
    s.cx /= s.mass;
    s.cy /= s.mass;
    s.width = x1 - x0 + 1;
    s.height = y1 - y0 + 1;
    s.box_cx = 0.5 * (x0 + x1 + 1);
    s.box_cy = 0.5 * (y0 + y1 + 1);
    return s;
}

void require_mnist_like(const Ink& s) {
    INFO("box " << s.width << "x" << s.height << ", centre of mass (" << s.cx << ", " << s.cy << ")");
    CHECK(std::max(s.width, s.height) >= 19);
    CHECK(std::max(s.width, s.height) <= 21);
    CHECK(std::abs(s.cx - 14.0) <= 0.5);
    CHECK(std::abs(s.cy - 14.0) <= 0.5);
}

// A thick ring ("0") of radii r0..r1 around (cx, cy), with anti-aliased gray at the edges.
void ring(Image& im, double cx, double cy, double r0, double r1, bool bright) {
    for (int y = 0; y < im.h; ++y)
        for (int x = 0; x < im.w; ++x) {
            const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
            const double ink = std::min({1.0, std::max(0.0, d - r0 + 0.5), std::max(0.0, r1 - d + 0.5)});
            if (ink > 0)
                im.px[static_cast<size_t>(y) * im.w + x] =
                    static_cast<uint8_t>(std::lround(bright ? 255 * ink : 255 * (1 - ink)));
        }
}

}  // namespace

TEST_CASE("a small block in a corner is enlarged and centred", "[preprocess]") {
    Image im(200, 200, 0);
    im.fill(2, 190, 4, 194, 255);  // 3 wide, 5 tall
    const Ink s = shape_of(preprocess_drawing(im.px.data(), im.w, im.h, true));
    require_mnist_like(s);
    CHECK(s.height >= 20);
    CHECK(s.width >= 12);  // 3/5 of 20, plus at most a partly covered pixel on each side
    CHECK(s.width <= 14);
}

TEST_CASE("an oversized drawing is shrunk and centred", "[preprocess]") {
    Image im(1000, 1000, 0);
    ring(im, 420, 560, 250, 400, true);
    const std::vector<uint8_t> out = preprocess_drawing(im.px.data(), im.w, im.h, true);
    const Ink s = shape_of(out);
    require_mnist_like(s);
    CHECK(s.width >= 20);
    CHECK(out[14 * 28 + 14] == 0);   // the hole stays a hole
    CHECK(out[14 * 28 + 5] == 255);  // the ring stays solid ink
}

TEST_CASE("a 2x2 blob becomes a full 20x20 square", "[preprocess]") {
    Image im(50, 50, 0);
    im.fill(10, 30, 11, 31, 255);
    const std::vector<uint8_t> out = preprocess_drawing(im.px.data(), im.w, im.h, true);
    const Ink s = shape_of(out);
    require_mnist_like(s);
    CHECK(s.width >= 20);
    CHECK(out[14 * 28 + 14] == 255);
    CHECK(out[5 * 28 + 5] == 255);
}

TEST_CASE("dark ink on white is inverted", "[preprocess]") {
    Image im(280, 280, 255);
    ring(im, 100, 120, 40, 70, false);
    const std::vector<uint8_t> out = preprocess_drawing(im.px.data(), im.w, im.h, false);
    require_mnist_like(shape_of(out));
    CHECK(out[0] == 0);
    CHECK(out[14 * 28 + 14] == 0);
}

TEST_CASE("a tall thin stroke stays tall and thin", "[preprocess]") {
    Image im(280, 280, 0);
    im.fill(150, 30, 157, 249, 255);  // 8 x 220
    const std::vector<uint8_t> out = preprocess_drawing(im.px.data(), im.w, im.h, true);
    const Ink s = shape_of(out);
    require_mnist_like(s);
    CHECK(s.height >= 20);
    CHECK(s.width <= 2);
}

TEST_CASE("an L is placed by its centre of mass, not by its box", "[preprocess]") {
    // The foot pulls the centre of mass down and to the left of the box centre,
    // by 27 source pixels on each axis = 3.4 output pixels at scale 20/160.
    Image im(200, 200, 0);
    im.fill(20, 20, 39, 179, 255);    // stem: 20 x 160
    im.fill(40, 160, 139, 179, 255);  // foot: 100 x 20
    const Ink s = shape_of(preprocess_drawing(im.px.data(), im.w, im.h, true));
    INFO("centre of mass (" << s.cx << ", " << s.cy << "), box centre (" << s.box_cx << ", " << s.box_cy << ")");
    CHECK(std::abs(s.cx - 14.0) <= 0.1);
    CHECK(std::abs(s.cy - 14.0) <= 0.1);
    CHECK(s.box_cx - 14.0 == Approx(3.4).margin(0.6));
    CHECK(14.0 - s.box_cy == Approx(3.4).margin(0.6));
}

TEST_CASE("faint noise is ignored", "[preprocess]") {
    Image im(100, 100, 0);
    im.fill(0, 0, 99, 99, kInkThreshold - 1);  // a gray wash over everything
    im.fill(40, 40, 59, 59, 255);
    const Ink s = shape_of(preprocess_drawing(im.px.data(), im.w, im.h, true));
    require_mnist_like(s);
    CHECK(s.width <= 21);
    CHECK(s.height <= 21);
}

TEST_CASE("empty drawings and bad sizes are refused", "[preprocess]") {
    Image black(50, 40, 0), white(50, 40, 255), faint(50, 40, kInkThreshold - 1);
    REQUIRE_THROWS_WITH(preprocess_drawing(black.px.data(), 50, 40, true), "the drawing is empty: draw a digit first");
    REQUIRE_THROWS_WITH(preprocess_drawing(white.px.data(), 50, 40, false), Contains("empty"));
    REQUIRE_THROWS_WITH(preprocess_drawing(faint.px.data(), 50, 40, true), Contains("empty"));
    REQUIRE_THROWS_WITH(preprocess_drawing(black.px.data(), 0, 40, true), Contains("0x40"));
    REQUIRE_THROWS_WITH(preprocess_drawing(black.px.data(), 50, -1, true), Contains("50x-1"));
    REQUIRE_THROWS_WITH(preprocess_drawing(black.px.data(), 20000, 1, true), Contains("20000x1"));
    REQUIRE_THROWS_WITH(rgba_to_gray(black.px.data(), 1, 0), Contains("1x0"));
}

TEST_CASE("a speck of ink is refused as too little to read", "[preprocess]") {
    Image dot(64, 64, 255);
    dot.fill(30, 30, 30, 30, 0);  // one dark pixel
    REQUIRE_THROWS_WITH(preprocess_drawing(dot.px.data(), 64, 64, false),
                        Contains("too little ink") && Contains("about 1 pixel"));
    dot.fill(31, 30, 31, 30, 0);  // two
    REQUIRE_THROWS_WITH(preprocess_drawing(dot.px.data(), 64, 64, false), Contains("too little ink"));
    dot.fill(30, 31, 30, 31, 0);  // three: enough
    CHECK(preprocess_drawing(dot.px.data(), 64, 64, false).size() == 784);
}

TEST_CASE("RGBA is composited over white", "[preprocess]") {
    const std::vector<uint8_t> rgba = {
        0,   0,   0,   0,    // transparent
        0,   0,   0,   255,  // black
        255, 255, 255, 255,  // white
        0,   0,   0,   128,  // half-transparent black
        255, 0,   0,   255,  // red: luma 76
    };
    const std::vector<uint8_t> gray = rgba_to_gray(rgba.data(), 5, 1);
    REQUIRE(gray == std::vector<uint8_t>{255, 0, 255, 127, 76});
}
