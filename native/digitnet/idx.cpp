#include "digitnet/idx.hpp"

#include <cstring>

#include "digitnet/spec.hpp"

namespace digitnet {

namespace {

constexpr uint32_t kImageMagic = 0x00000803;
constexpr uint32_t kLabelMagic = 0x00000801;

uint32_t get_u32be(const std::string& b, size_t at) {
    return (static_cast<uint32_t>(static_cast<uint8_t>(b[at])) << 24) |
           (static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 16) |
           (static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 8) |
           static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3]));
}

void put_u32be(std::string& b, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) b.push_back(static_cast<char>((v >> shift) & 0xFF));
}

std::string hex(uint32_t v) {
    static const char digits[] = "0123456789abcdef";
    std::string s = "0x";
    for (int shift = 28; shift >= 0; shift -= 4) s.push_back(digits[(v >> shift) & 0xF]);
    return s;
}

// Checks the header of one IDX file: its size, magic and (later) payload length.
void check_header(const std::string& b, size_t header_size, uint32_t magic, const char* what) {
    if (b.size() < header_size)
        throw Error(std::string("the IDX ") + what + " file is too short: its header needs " + std::to_string(header_size) +
                    " bytes but the file has " + std::to_string(b.size()));
    const uint32_t found = get_u32be(b, 0);
    if (found != magic)
        throw Error(std::string("the IDX ") + what + " file has magic number " + hex(found) + " but " + hex(magic) +
                    " was expected");
}

// 64-bit sizes: n * rows * cols may not fit a 32-bit size_t under WebAssembly.
void check_payload(const std::string& b, uint64_t header_size, uint64_t payload, const char* what) {
    const uint64_t expected = header_size + payload;
    if (b.size() < expected)
        throw Error(std::string("the IDX ") + what + " file is truncated: expected " + std::to_string(expected) +
                    " bytes but found " + std::to_string(b.size()));
    if (b.size() > expected)
        throw Error(std::string("the IDX ") + what + " file has " + std::to_string(b.size() - expected) +
                    " bytes of trailing garbage after its " + std::to_string(expected) + " bytes");
}

}  // namespace

uint64_t idx_file_size(const std::string& header) {
    if (header.size() >= 16 && get_u32be(header, 0) == kImageMagic) {
        uint64_t pixels = 0;  // n * rows * cols, saturated: absurd headers must not wrap to small sizes
        if (__builtin_mul_overflow(static_cast<uint64_t>(get_u32be(header, 4)) * get_u32be(header, 8), get_u32be(header, 12),
                                   &pixels) ||
            pixels > UINT64_MAX - 16)
            return UINT64_MAX;
        return 16 + pixels;
    }
    if (header.size() >= 8 && get_u32be(header, 0) == kLabelMagic) return 8 + static_cast<uint64_t>(get_u32be(header, 4));
    return 0;
}

Dataset read_idx(const std::string& image_bytes, const std::string& label_bytes) {
    check_header(image_bytes, 16, kImageMagic, "images");
    check_header(label_bytes, 8, kLabelMagic, "labels");
    const uint32_t n = get_u32be(image_bytes, 4);
    const uint32_t rows = get_u32be(image_bytes, 8), cols = get_u32be(image_bytes, 12);
    if (rows != 28 || cols != 28)
        throw Error("the IDX images are " + std::to_string(rows) + "x" + std::to_string(cols) +
                    " pixels but the network needs 28x28");
    const uint32_t label_count = get_u32be(label_bytes, 4);
    if (label_count != n)
        throw Error("the IDX images file holds " + std::to_string(n) + " images but the labels file holds " +
                    std::to_string(label_count) + " labels");
    if (n == 0) throw Error("the IDX files hold no images");
    check_payload(image_bytes, 16, idx_file_size(image_bytes) - 16, "images");
    check_payload(label_bytes, 8, idx_file_size(label_bytes) - 8, "labels");

    Dataset d;
    d.rows = static_cast<int>(rows);
    d.cols = static_cast<int>(cols);
    d.labels.resize(n);
    std::memcpy(d.labels.data(), label_bytes.data() + 8, n);
    for (size_t i = 0; i < n; ++i)
        if (d.labels[i] > 9)
            throw Error("label " + std::to_string(i) + " in the IDX labels file is " + std::to_string(d.labels[i]) +
                        ", outside 0..9");
    d.images.resize(static_cast<size_t>(n) * rows * cols);
    std::memcpy(d.images.data(), image_bytes.data() + 16, d.images.size());
    return d;
}

std::string write_idx_images(const Dataset& d) {
    std::string b;
    b.reserve(16 + d.images.size());
    put_u32be(b, kImageMagic);
    put_u32be(b, static_cast<uint32_t>(d.size()));
    put_u32be(b, static_cast<uint32_t>(d.rows));
    put_u32be(b, static_cast<uint32_t>(d.cols));
    b.append(reinterpret_cast<const char*>(d.images.data()), d.images.size());
    return b;
}

std::string write_idx_labels(const Dataset& d) {
    std::string b;
    b.reserve(8 + d.labels.size());
    put_u32be(b, kLabelMagic);
    put_u32be(b, static_cast<uint32_t>(d.size()));
    b.append(reinterpret_cast<const char*>(d.labels.data()), d.labels.size());
    return b;
}

}  // namespace digitnet
