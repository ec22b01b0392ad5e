#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "digitnet/augment.hpp"
#include "digitnet/rng.hpp"

using namespace digitnet;

namespace {

// A 28x28 "0": a ring of ink with soft edges, off the centre a little.
std::vector<uint8_t> digit() {
    std::vector<uint8_t> img(784);
    for (int r = 0; r < 28; ++r)
        for (int c = 0; c < 28; ++c) {
            const double d = std::hypot(c - 13.0, r - 14.5);
            const double ink = std::min({1.0, std::max(0.0, d - 4.5), std::max(0.0, 8.5 - d)});
            img[r * 28 + c] = static_cast<uint8_t>(std::lround(255 * ink));
        }
    return img;
}

std::vector<float> augmented(const std::vector<uint8_t>& src, const AugmentSpec& spec, Rng& rng, float scale) {
    std::vector<float> out(784, -1.0f);
    augment_image(src.data(), 28, 28, spec, rng, scale, out.data());
    return out;
}

}  // namespace

TEST_CASE("zero ranges give the scaled image exactly", "[augment]") {
    const std::vector<uint8_t> src = digit();
    AugmentSpec none;
    none.max_rotation_deg = 0, none.max_scale = 0, none.max_shift = 0;
    Rng rng(3);
    const float scale = 1.0f / 255.0f;
    const std::vector<float> out = augmented(src, none, rng, scale);
    std::vector<float> expected(784);
    for (int i = 0; i < 784; ++i) expected[i] = scale * static_cast<float>(src[i]);
    REQUIRE(out == expected);
}

TEST_CASE("augmentation draws exactly four uniforms", "[augment]") {
    const std::vector<uint8_t> src = digit();
    Rng a(11), b(11);
    augmented(src, AugmentSpec{}, a, 1.0f);
    for (int i = 0; i < 4; ++i) b.uniform();
    REQUIRE(a.next_u64() == b.next_u64());
}

TEST_CASE("a warp draws 32 more uniforms and moves the ink without losing much of it", "[augment]") {
    const std::vector<uint8_t> src = digit();
    AugmentSpec spec;
    spec.max_warp = 1.5f;
    Rng a(11), b(11), c(11);
    const std::vector<float> warped = augmented(src, spec, a, 1.0f);
    for (int i = 0; i < 36; ++i) b.uniform();
    REQUIRE(a.next_u64() == b.next_u64());
    spec.max_warp = 0;
    const std::vector<float> plain = augmented(src, spec, c, 1.0f);  // the same first four draws
    CHECK(warped != plain);
    const double ink = std::accumulate(warped.begin(), warped.end(), 0.0);
    const double plain_ink = std::accumulate(plain.begin(), plain.end(), 0.0);
    CHECK(std::abs(ink - plain_ink) < 0.15 * plain_ink);
}

TEST_CASE("the same seed gives the same images", "[augment]") {
    const std::vector<uint8_t> src = digit();
    Rng a(5), b(5);
    const AugmentSpec spec;
    const std::vector<float> first = augmented(src, spec, a, 1.0f);
    REQUIRE(augmented(src, spec, b, 1.0f) == first);
    REQUIRE(augmented(src, spec, a, 1.0f) != first);  // the next draw differs
}

TEST_CASE("rotation keeps the ink and moves it", "[augment]") {
    const std::vector<uint8_t> src = digit();
    AugmentSpec turn;
    turn.max_rotation_deg = 30, turn.max_scale = 0, turn.max_shift = 0;
    const double before = std::accumulate(src.begin(), src.end(), 0.0);
    Rng rng(9);
    for (int i = 0; i < 20; ++i) {
        const std::vector<float> out = augmented(src, turn, rng, 1.0f);
        const double after = std::accumulate(out.begin(), out.end(), 0.0);
        REQUIRE(after == Approx(before).epsilon(0.10));
        REQUIRE(*std::min_element(out.begin(), out.end()) >= 0.0f);
        REQUIRE(*std::max_element(out.begin(), out.end()) <= 255.0f);
    }
}

TEST_CASE("shifts move the ink by up to max_shift", "[augment]") {
    const std::vector<uint8_t> src = digit();
    AugmentSpec shift;
    shift.max_rotation_deg = 0, shift.max_scale = 0, shift.max_shift = 2.5f;
    auto centre_x = [](const float* img) {
        double m = 0, mx = 0;
        for (int i = 0; i < 784; ++i) m += img[i], mx += img[i] * (i % 28);
        return mx / m;
    };
    std::vector<float> plain(784);
    for (int i = 0; i < 784; ++i) plain[i] = src[i];
    Rng rng(2);
    double largest = 0;
    for (int i = 0; i < 50; ++i) {
        const double moved = centre_x(augmented(src, shift, rng, 1.0f).data()) - centre_x(plain.data());
        REQUIRE(std::abs(moved) <= 2.5 + 1e-3);
        largest = std::max(largest, std::abs(moved));
    }
    REQUIRE(largest > 1.0);
}

TEST_CASE("rotation turns the ink by the drawn angle, clockwise on screen", "[augment]") {
    // A horizontal bar through the centre; its principal axis after augmenting
    // must point at the angle the transform drew (the first uniform).
    std::vector<uint8_t> bar(784, 0);
    for (int r = 13; r <= 14; ++r)
        for (int c = 2; c <= 25; ++c) bar[r * 28 + c] = 255;
    auto axis_degrees = [](const std::vector<float>& img) {  // y down, so clockwise is positive
        double m = 0, mx = 0, my = 0;
        for (int i = 0; i < 784; ++i) m += img[i], mx += img[i] * (i % 28), my += img[i] * (i / 28);
        mx /= m, my /= m;
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < 784; ++i) {
            const double dx = i % 28 - mx, dy = i / 28 - my;
            xx += img[i] * dx * dx, yy += img[i] * dy * dy, xy += img[i] * dx * dy;
        }
        return 0.5 * std::atan2(2 * xy, xx - yy) * 180.0 / 3.14159265358979;
    };
    AugmentSpec turn;
    turn.max_rotation_deg = 30, turn.max_scale = 0, turn.max_shift = 0;
    Rng rng(4);
    double largest = 0;
    for (int i = 0; i < 20; ++i) {
        Rng draw = rng;
        const double degrees = draw.uniform(-30.0f, 30.0f);
        const double measured = axis_degrees(augmented(bar, turn, rng, 1.0f));
        INFO("drawn " << degrees << " degrees, measured " << measured);
        CHECK(measured == Approx(degrees).margin(1.0));
        largest = std::max(largest, std::abs(degrees));
    }
    CHECK(largest > 15.0);
}
