#pragma once
// The five notebooks digitnet grew from, as training presets: each one's
// architecture, activations, loss, initialization, learning rate, batch size
// and length, with the quirks that change its results.
#include <string>
#include <vector>

#include "digitnet/spec.hpp"
#include "digitnet/trainer.hpp"

namespace digitnet::cli {

struct Recipe {
    NetworkSpec network;
    Init init = Init::He;
    TrainConfig train;
    int epochs = 0;  // passes over the data, or
    long steps = 0;  // a number of batches, when the seed counts steps instead
    bool cosine_schedule = false;  // decay the learning rate to 0 over the run
};

struct Preset {
    std::string name;      // "seed000"
    std::string summary;   // what the notebook does, in one line
    std::string reported;  // the accuracy the notebook printed, and on what data
    Recipe recipe;
};

const std::vector<Preset>& presets();
const Preset& find_preset(const std::string& name);  // throws Error listing the known names

}  // namespace digitnet::cli
