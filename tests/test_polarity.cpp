// The core's ink rule (polarity.hpp): each kind of image is read the right way
// round, and a forced reading gives the negative.
#include <catch2/catch.hpp>

#include <array>

#include "digitnet/polarity.hpp"
#include "digitnet/spec.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {

constexpr int kW = 40, kH = 30;
constexpr size_t kInk = 15 * kW + 20;  // a pixel of the bar below
constexpr size_t kGround = 3 * kW + 3;

// A kW x kH RGBA image of `ground` with an upright bar (x 16..23, y 5..24) of `ink`.
std::vector<uint8_t> bar(std::array<uint8_t, 4> ground, std::array<uint8_t, 4> ink) {
    std::vector<uint8_t> rgba;
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const auto& p = x >= 16 && x <= 23 && y >= 5 && y <= 24 ? ink : ground;
            rgba.insert(rgba.end(), p.begin(), p.end());
        }
    return rgba;
}

InkReading read(const std::vector<uint8_t>& rgba, Ink ink = Ink::automatic) { return read_ink(rgba.data(), kW, kH, ink); }

}  // namespace

TEST_CASE("dark ink on a light ground is read as it is", "[polarity]") {
    const InkReading r = read(bar({255, 255, 255, 255}, {20, 20, 20, 255}));
    CHECK_FALSE(r.light_ink);
    REQUIRE(r.gray.size() == static_cast<size_t>(kW * kH));
    CHECK(r.gray[kGround] == 255);
    CHECK(r.gray[kInk] == 20);
}

TEST_CASE("light ink on a dark ground is read inverted", "[polarity]") {
    const InkReading r = read(bar({0, 0, 0, 255}, {255, 255, 255, 255}));
    CHECK(r.light_ink);
    CHECK(r.gray[kGround] == 255);
    CHECK(r.gray[kInk] == 0);
}

TEST_CASE("dark ink on a transparent ground is read over white", "[polarity]") {
    const InkReading r = read(bar({0, 0, 0, 0}, {20, 20, 20, 255}));  // transparent black: its colour must not count
    CHECK_FALSE(r.light_ink);
    CHECK(r.gray[kGround] == 255);
    CHECK(r.gray[kInk] == 20);
}

TEST_CASE("light ink on a transparent ground is read over black, inverted", "[polarity]") {
    const InkReading r = read(bar({255, 255, 255, 0}, {250, 250, 250, 255}));  // transparent white
    CHECK(r.light_ink);
    CHECK(r.gray[kGround] == 255);
    CHECK(r.gray[kInk] == 5);
}

TEST_CASE("the ground's level is flattened: gray paper and a gray night are not ink", "[polarity]") {
    const InkReading paper = read(bar({200, 200, 200, 255}, {50, 50, 50, 255}));
    CHECK_FALSE(paper.light_ink);
    CHECK(paper.gray[kGround] == 255);
    CHECK(paper.gray[kInk] == 255 - 150 * 255 / 200);
    const InkReading night = read(bar({60, 60, 60, 255}, {220, 220, 220, 255}));
    CHECK(night.light_ink);
    CHECK(night.gray[kGround] == 255);
    CHECK(night.gray[kInk] == 255 - 160 * 255 / 195);
}

TEST_CASE("a forced reading is the image's negative", "[polarity]") {
    const auto light_on_dark = bar({0, 0, 0, 255}, {255, 255, 255, 255});
    const InkReading dark = read(light_on_dark, Ink::dark);
    CHECK_FALSE(dark.light_ink);
    CHECK(dark.gray[kGround] == 0);  // the black ground is now the ink
    CHECK(dark.gray[kInk] == 255);
    CHECK(read(light_on_dark, Ink::light).gray == read(light_on_dark).gray);
    const InkReading light = read(bar({255, 255, 255, 255}, {20, 20, 20, 255}), Ink::light);
    CHECK(light.light_ink);
    CHECK(light.gray[kGround] == 0);
    CHECK(light.gray[kInk] == 235);  // faint: its luminance, 20, is weak light ink
}

TEST_CASE("the ink's words, and how a reading is told", "[polarity]") {
    CHECK(parse_ink("auto") == Ink::automatic);
    CHECK(parse_ink("dark") == Ink::dark);
    CHECK(parse_ink("light") == Ink::light);
    CHECK_THROWS_WITH(parse_ink("white"), "the ink must be dark, light or auto, not \"white\"");
    CHECK(describe_ink(true) == "light ink on a dark ground (inverted)");
    CHECK(describe_ink(false) == "dark ink on a light ground");
    const std::vector<uint8_t> one{0, 0, 0, 255};
    CHECK(read_ink(one.data(), 1, 1, Ink::automatic).light_ink);  // a 1x1 image is all border
    CHECK_THROWS_WITH(read_ink(one.data(), 0, 1, Ink::automatic), Contains("0x1 pixels"));
}
