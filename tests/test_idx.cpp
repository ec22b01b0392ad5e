#include <catch2/catch.hpp>

#include "digitnet/idx.hpp"
#include "digitnet/spec.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {

Dataset sample(size_t n) {
    Dataset d;
    for (size_t i = 0; i < n; ++i) {
        d.labels.push_back(static_cast<uint8_t>(i % 10));
        for (int p = 0; p < 784; ++p) d.images.push_back(static_cast<uint8_t>((i * 31 + p) % 256));
    }
    return d;
}

void set_u32be(std::string& b, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + i] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
}

}  // namespace

TEST_CASE("IDX files round trip", "[idx]") {
    const Dataset d = sample(3);
    const std::string images = write_idx_images(d), labels = write_idx_labels(d);
    REQUIRE(images.size() == 16 + 3 * 784);
    REQUIRE(labels.size() == 8 + 3);
    REQUIRE(images.substr(0, 4) == std::string("\0\0\x08\x03", 4));
    const Dataset e = read_idx(images, labels);
    REQUIRE(e.rows == 28);
    REQUIRE(e.cols == 28);
    REQUIRE(e.labels == d.labels);
    REQUIRE(e.images == d.images);
}

TEST_CASE("IDX files with no samples are refused", "[idx]") {
    const Dataset d;
    REQUIRE_THROWS_WITH(read_idx(write_idx_images(d), write_idx_labels(d)), "the IDX files hold no images");
}

TEST_CASE("an IDX header announces its file's size", "[idx]") {
    const Dataset d = sample(3);
    CHECK(idx_file_size(write_idx_images(d)) == 16 + 3 * 784);
    CHECK(idx_file_size(write_idx_images(d).substr(0, 16)) == 16 + 3 * 784);
    CHECK(idx_file_size(write_idx_labels(d).substr(0, 8)) == 8 + 3);
    CHECK(idx_file_size(write_idx_images(d).substr(0, 15)) == 0);
    CHECK(idx_file_size("not an IDX file") == 0);
    std::string huge = write_idx_images(d).substr(0, 16);
    set_u32be(huge, 4, 0xFFFFFFFF);
    set_u32be(huge, 8, 0xFFFF);
    set_u32be(huge, 12, 0xFFFF);
    CHECK(idx_file_size(huge) == 16 + 0xFFFFFFFFull * 0xFFFF * 0xFFFF);
    set_u32be(huge, 12, 0xFFFFFFFF);  // n * rows * cols past 2^64: no wrap-around
    CHECK(idx_file_size(huge) == UINT64_MAX);
}

TEST_CASE("IDX refusals say what is wrong", "[idx]") {
    const Dataset d = sample(2);
    const std::string images = write_idx_images(d), labels = write_idx_labels(d);

    SECTION("short header") {
        REQUIRE_THROWS_WITH(read_idx(images.substr(0, 10), labels), Contains("too short") && Contains("16 bytes"));
        REQUIRE_THROWS_WITH(read_idx(images, labels.substr(0, 5)), Contains("labels file is too short"));
    }
    SECTION("truncated data") {
        REQUIRE_THROWS_WITH(read_idx(images.substr(0, images.size() - 1), labels),
                            Contains("images file is truncated") && Contains("expected 1584 bytes but found 1583"));
        REQUIRE_THROWS_WITH(read_idx(images, labels.substr(0, 9)), Contains("labels file is truncated"));
    }
    SECTION("wrong magic") {
        const std::string long_labels = write_idx_labels(sample(20));
        REQUIRE_THROWS_WITH(read_idx(long_labels, labels), Contains("magic number 0x00000801 but 0x00000803 was expected"));
        REQUIRE_THROWS_WITH(read_idx(images, images), Contains("magic number 0x00000803 but 0x00000801 was expected"));
    }
    SECTION("wrong dimensions") {
        std::string bad = images;
        set_u32be(bad, 8, 32);
        REQUIRE_THROWS_WITH(read_idx(bad, labels), Contains("32x28") && Contains("28x28"));
    }
    SECTION("count mismatch") {
        Dataset three = sample(3);
        REQUIRE_THROWS_WITH(read_idx(images, write_idx_labels(three)),
                            Contains("holds 2 images but the labels file holds 3 labels"));
    }
    SECTION("label out of range") {
        std::string bad = labels;
        bad[8 + 1] = 12;
        REQUIRE_THROWS_WITH(read_idx(images, bad), Contains("label 1") && Contains("is 12, outside 0..9"));
    }
    SECTION("trailing garbage") {
        REQUIRE_THROWS_WITH(read_idx(images + "xyz", labels), Contains("3 bytes of trailing garbage"));
        REQUIRE_THROWS_WITH(read_idx(images, labels + "x"), Contains("labels file has 1 bytes of trailing garbage"));
    }
}
