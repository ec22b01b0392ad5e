#pragma once
// The IDX format of the MNIST files (already decompressed bytes in and out).
//   images: u32 magic 0x00000803, u32 n, u32 rows, u32 cols, then n*rows*cols bytes
//   labels: u32 magic 0x00000801, u32 n, then n bytes (each 0..9)
// All u32 are big-endian. Images must be 28x28, the network's 784 inputs.
#include <string>

#include "digitnet/dataset.hpp"

namespace digitnet {

// Throws Error on a short file, a wrong magic number, images that are not 28x28,
// a count mismatch between the two files, a label outside 0..9 or trailing bytes.
Dataset read_idx(const std::string& image_bytes, const std::string& label_bytes);

std::string write_idx_images(const Dataset& d);
std::string write_idx_labels(const Dataset& d);

}  // namespace digitnet
