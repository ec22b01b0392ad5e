#pragma once
// The IDX format of the MNIST files (already decompressed bytes in and out).
//   images: u32 magic 0x00000803, u32 n, u32 rows, u32 cols, then n*rows*cols bytes
//   labels: u32 magic 0x00000801, u32 n, then n bytes (each 0..9)
// All u32 are big-endian. Images must be 28x28, the network's 784 inputs.
#include <cstdint>
#include <string>

#include "digitnet/dataset.hpp"

namespace digitnet {

// The whole size in bytes that an IDX images or labels file announces in its
// header (the first 16 or 8 bytes; more may follow), or 0 if header is not one.
// 64-bit: n * rows * cols may not fit a 32-bit size_t under WebAssembly.
uint64_t idx_file_size(const std::string& header);

// Throws Error on a short file, a wrong magic number, images that are not 28x28,
// a count mismatch between the two files, no images at all, a label outside 0..9
// or trailing bytes.
Dataset read_idx(const std::string& image_bytes, const std::string& label_bytes);

std::string write_idx_images(const Dataset& d);
std::string write_idx_labels(const Dataset& d);

}  // namespace digitnet
