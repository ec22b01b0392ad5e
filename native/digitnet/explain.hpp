#pragma once
// Why the network read an image as it did: a map over the input of what pushed
// the answer towards the digit read and away from the runner-up.
//
// Method: gradient x input. With z the last layer's outputs before their
// activation (the logits; for softmax, z_a - z_b = log p_a - log p_b),
//   map_i = x_i * d(z_read - z_runner_up)/dx_i
// Positive values pushed towards the digit read, negative ones towards the
// runner-up; where x_i is 0 (no ink) the map is 0.
#include <vector>

#include "digitnet/network.hpp"

namespace digitnet {

struct Explanation {
    int digit = 0;           // the digit read: the largest output
    int runner_up = 0;       // the second largest output (the lower index on a tie)
    std::vector<float> map;  // one value per input (spec().inputs(), HWC, as x)
};

// x: one sample, the network's inputs (already scaled by input_scale). Throws
// Error if the network has fewer than two outputs or its outputs are not numbers.
Explanation explain(const Network& net, const float* x);

}  // namespace digitnet
