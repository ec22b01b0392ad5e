#pragma once
// Measuring a network on a labelled set, and classifying single images.
#include <array>
#include <cstdint>
#include <vector>

#include "digitnet/dataset.hpp"
#include "digitnet/network.hpp"

namespace digitnet {

struct Evaluation {
    size_t count = 0;
    double accuracy = 0.0;                            // fraction right
    double loss = 0.0;                                // mean loss
    std::array<std::array<int, 10>, 10> confusion{};  // confusion[true label][predicted label]
    std::vector<uint8_t> predicted;                   // predicted label of every sample
};

// Runs the set through the network in chunks (bounded memory).
Evaluation evaluate(const Network& net, const Dataset& data, const LossSpec& loss);

// Outputs (probabilities for a softmax network) for one image of net.spec().inputs bytes.
// Throws Error if any is NaN or infinite (finite but huge weights overflow): the model is broken.
std::vector<float> classify(const Network& net, const uint8_t* image, Workspace& ws, Matrix& X);

}  // namespace digitnet
