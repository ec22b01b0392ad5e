#pragma once
// The page's training settings, given as a flat JSON object; every key is
// optional and defaults to the CLI's default recipe, trained for 10 epochs:
//   {"hidden":[128], "activation":"relu", "optimizer":"adam", "learningRate":0.002,
//    "batchSize":32, "epochs":10, "seed":1, "init":"he", "augment":true,
//    "loss":"cross-entropy", "weightDecay":0, "cosine":true, "limit":0}
// The output layer is always 10 softmax units. "cosine" decays the learning
// rate to 0 over the whole run (epochs x batches per epoch); "limit" trains on
// only the first N training digits (0: all of them).
#include <cstddef>
#include <string>

#include "digitnet/recipe.hpp"

namespace digitnet::wasm {

struct Settings {
    Recipe recipe;     // default_recipe(), for 10 epochs, with the keys applied
    size_t limit = 0;
};

// The default settings with the object's keys applied. Throws Error for text
// that is not such an object, an unknown key, a value of the wrong type, and
// (with the core's own message) a name or network the core refuses.
Settings parse_settings(const std::string& json);

}  // namespace digitnet::wasm
