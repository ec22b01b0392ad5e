#pragma once
// A whole training run: which network to build, how to initialize and train
// it, and for how long. The CLI's presets and the page's settings are recipes.
#include <cstddef>
#include <cstdint>

#include "digitnet/network.hpp"
#include "digitnet/trainer.hpp"

namespace digitnet {

struct Recipe {
    NetworkSpec network;
    Init init = Init::He;
    TrainConfig train;             // its seed also seeds the initialization
    int epochs = 0;                // passes over the data, or
    int64_t steps = 0;             // a number of batches, when this is not 0
    bool cosine_schedule = false;  // decay the learning rate to 0 over the whole run
    size_t limit = 0;              // train on only the first `limit` digits (0: all of them)

    // Batches in the run on n training digits.
    int64_t total_batches(size_t n) const;
    // The trainer's settings for n training digits (the schedule spans the run).
    TrainConfig config_for(size_t n) const;
    // The network, initialized from the recipe's seed.
    Network make_network() const;
};

// digitnet's default: the first of network_choices() (the CNN, ReLU/softmax) for its epochs, He
// initialization, cross-entropy, Adam (learning rate 0.004, cosine decay to 0), batch 32, augmented digits.
Recipe default_recipe();

}  // namespace digitnet
