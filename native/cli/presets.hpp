#pragma once
// The five notebooks digitnet grew from, as training presets: each one's
// architecture, activations, loss, initialization, learning rate, batch size
// and length, with the quirks that change its results.
#include <string>
#include <vector>

#include "digitnet/recipe.hpp"

namespace digitnet::cli {

struct Preset {
    std::string name;      // "seed000"
    std::string summary;   // what the notebook does, in one line
    std::string reported;  // the accuracy the notebook printed, and on what data
    Recipe recipe;
};

const std::vector<Preset>& presets();
const Preset& find_preset(const std::string& name);  // throws Error listing the known names

}  // namespace digitnet::cli
