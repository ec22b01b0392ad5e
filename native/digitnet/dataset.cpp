#include "digitnet/dataset.hpp"

#include <algorithm>
#include <cstring>

namespace digitnet {

Dataset Dataset::head(size_t n) const {
    Dataset d;
    d.rows = rows;
    d.cols = cols;
    n = std::min(n, size());
    d.labels.assign(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(n));
    d.images.assign(images.begin(), images.begin() + static_cast<std::ptrdiff_t>(n * pixels()));
    return d;
}

void check_fits(const NetworkSpec& spec, const Dataset& d) {
    if (d.pixels() != spec.inputs())
        throw Error("the images have " + std::to_string(d.pixels()) + " pixels but the network takes " +
                    std::to_string(spec.inputs()) + " inputs");
    const auto top = std::max_element(d.labels.begin(), d.labels.end());
    if (top != d.labels.end() && *top >= spec.outputs())
        throw Error("the labels go up to " + std::to_string(*top) + " but the network has only " +
                    std::to_string(spec.outputs()) + " outputs");
}

void gather_batch(const Dataset& d, const size_t* indices, int batch, float scale, Matrix& X, std::vector<uint8_t>& labels) {
    const int p = d.pixels();
    X.resize(batch, p);
    labels.resize(static_cast<size_t>(batch));
    for (int r = 0; r < batch; ++r) {
        const uint8_t* src = d.image(indices[r]);
        float* dst = X.row(r).data();
        for (int c = 0; c < p; ++c) dst[c] = scale * static_cast<float>(src[c]);
        labels[static_cast<size_t>(r)] = d.labels[indices[r]];
    }
}

}  // namespace digitnet
