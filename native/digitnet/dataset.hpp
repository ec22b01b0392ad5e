#pragma once
// A labelled set of digit images, kept as bytes (0 = background, 255 = ink);
// batches are made as floats only when they are used.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "digitnet/spec.hpp"
#include "digitnet/tensor.hpp"

namespace digitnet {

struct Dataset {
    int rows = 28, cols = 28;
    std::vector<uint8_t> images;  // size() * rows * cols, one image after another, row-major
    std::vector<uint8_t> labels;  // size(), each 0..9

    size_t size() const { return labels.size(); }
    int pixels() const { return rows * cols; }
    const uint8_t* image(size_t i) const { return images.data() + i * static_cast<size_t>(pixels()); }
    // The first n samples (or all, if fewer): a slice for quick runs and tests.
    Dataset head(size_t n) const;
};

// Throws Error unless the images have as many pixels as the network has inputs
// and every label names one of its outputs.
void check_fits(const NetworkSpec& spec, const Dataset& d);

// X (batch x pixels) <- scale * pixels of the samples at indices[0..batch).
void gather_batch(const Dataset& d, const size_t* indices, int batch, float scale, Matrix& X, std::vector<uint8_t>& labels);

}  // namespace digitnet
