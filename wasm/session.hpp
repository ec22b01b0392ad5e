#pragma once
// What one page's digitnet instance holds between calls: its data, settings,
// network and trainer. Plain C++ over the core; bindings.cpp converts to JS.
// Every failing call throws Error and leaves the session as it was.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "digitnet/evaluate.hpp"
#include "digitnet/explain.hpp"
#include "digitnet/recipe.hpp"
#include "digitnet/settings.hpp"
#include "digitnet/trainer.hpp"

namespace digitnet::wasm {

struct TrainStatus {
    Progress progress;
    long total_batches = 0;  // epochs x batches per epoch
    bool done = false;       // progress.batches reached total_batches
};

class Session {
public:
    // A training run: the trainer and what it reads besides the network.
    struct Run {
        std::unique_ptr<Dataset> limited;  // the first recipe.limit training digits, when that cuts them
        std::unique_ptr<Trainer> trainer;
        long total_batches = 0;  // epochs x batches per epoch
    };

    Session();

    // Uncompressed IDX bytes (read_idx). New training data restarts the trainer.
    void set_training_data(const std::string& images, const std::string& labels);
    void set_held_out_data(const std::string& images, const std::string& labels);
    const Dataset& held_out() const { return held_out_; }

    // A fresh network and trainer from default_recipe() with the settings applied
    // (apply_settings: throws SettingError naming the setting).
    void configure(const Settings& settings);
    // The recipe of the current run (a loaded model's architecture with the run's settings).
    const Recipe& recipe() const { return recipe_; }
    // Trains up to `batches` more batches, never past the end of the run.
    TrainStatus train(long batches);
    Evaluation evaluate_held_out() const;

    // Canvas RGBA bytes (width x height, dark ink on white or transparent) ->
    // the 28x28 image the network reads (into image) and its output (10 floats).
    std::vector<float> predict_drawing(const uint8_t* rgba, int width, int height, std::vector<uint8_t>& image);
    // Output for one image of network().spec().inputs bytes.
    std::vector<float> predict_image(const uint8_t* image);
    // Every layer's output for the last digit predicted with the current network:
    // [l] is 1 x network().out_shape(l).size(), maps HWC. Throws Error when this
    // network has not read a digit yet.
    const std::vector<Matrix>& layer_outputs() const;
    // Why the current network reads the last digit predicted as it does: the
    // map over its input (explain.hpp). Throws Error as layer_outputs() does.
    Explanation explain_last_digit() const;

    std::string save_model() const;
    // Replaces the network; the trainer starts over on it with the current settings
    // (the recipe's network becomes the loaded one).
    void load_model(const std::string& bytes);

    // Throws Error if there is no network yet.
    Network& network();
    const Network& network() const;

private:
    // Builds the trainer for the current network, data and settings, or notes why there is none.
    void restart_trainer();

    Recipe recipe_ = default_recipe();  // the defaults until configure()
    Dataset training_, held_out_;
    std::unique_ptr<Network> net_;
    Run run_;                     // empty when it cannot be built:
    std::string why_no_trainer_;  // this says why
    Workspace ws_;  // for predictions: ws_.A holds the last one's layer outputs (emptied when the network changes)
    Matrix X_;
};

}  // namespace digitnet::wasm
