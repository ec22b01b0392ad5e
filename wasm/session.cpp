#include "session.hpp"

#include "digitnet/idx.hpp"
#include "digitnet/model_file.hpp"
#include "digitnet/preprocess.hpp"

namespace digitnet::wasm {

namespace {

const char* const kNoTrainingData = "there is no training data yet: call setTrainingData first";
const char* const kNoNetwork = "there is no network yet: call configure or loadModel first";

// Throws Error (the core's) if the settings do not fit the network or the data.
Session::Run make_run(Network& net, const Dataset& training, const Recipe& recipe) {
    Session::Run run;
    if (recipe.limit && recipe.limit < training.size()) run.limited = std::make_unique<Dataset>(training.head(recipe.limit));
    const Dataset& data = run.limited ? *run.limited : training;
    run.total_batches = recipe.total_batches(data.size());
    run.trainer = std::make_unique<Trainer>(net, data, recipe.config_for(data.size()));
    return run;
}

}  // namespace

Session::Session() : why_no_trainer_(kNoNetwork) {}

void Session::set_training_data(const std::string& images, const std::string& labels) {
    Dataset data = read_idx(images, labels);
    run_ = Run{};  // the trainer reads training_
    training_ = std::move(data);
    restart_trainer();
}

void Session::set_held_out_data(const std::string& images, const std::string& labels) {
    held_out_ = read_idx(images, labels);
}

void Session::configure(const Settings& settings) {
    Recipe recipe = apply_settings(default_recipe(), settings);
    auto net = std::make_unique<Network>(recipe.make_network());
    Run run;
    if (training_.size()) run = make_run(*net, training_, recipe);
    run_ = std::move(run);
    net_ = std::move(net);
    ws_ = Workspace{};
    recipe_ = std::move(recipe);
    why_no_trainer_ = run_.trainer ? "" : kNoTrainingData;
}

void Session::restart_trainer() {
    run_ = Run{};
    if (!net_) {
        why_no_trainer_ = kNoNetwork;
    } else if (!training_.size()) {
        why_no_trainer_ = kNoTrainingData;
    } else {
        try {
            run_ = make_run(*net_, training_, recipe_);
            why_no_trainer_.clear();
        } catch (const Error& e) {
            why_no_trainer_ = std::string("this network cannot be trained with the current settings: ") + e.what();
        }
    }
}

TrainStatus Session::train(long batches) {
    if (batches < 0) throw Error("the number of batches to train must be 0 or more");
    if (!run_.trainer) throw Error(why_no_trainer_);
    Trainer& trainer = *run_.trainer;
    const long slice = std::min(batches, run_.total_batches - trainer.progress().batches);
    if (slice > 0) trainer.run(slice);
    return {trainer.progress(), run_.total_batches, trainer.progress().batches >= run_.total_batches};
}

Evaluation Session::evaluate_held_out() const {
    if (!held_out_.size()) throw Error("there is no held-out data yet: call setHeldOutData first");
    return evaluate(network(), held_out_, recipe_.train.loss);
}

std::vector<float> Session::predict_drawing(const uint8_t* rgba, int width, int height, std::vector<uint8_t>& image) {
    const Network& net = network();
    const std::vector<uint8_t> gray = rgba_to_gray(rgba, width, height);
    image = preprocess_drawing(gray.data(), width, height, /*ink_bright=*/false);
    if (net.spec().inputs() != static_cast<int>(image.size()))
        throw Error("this network takes " + std::to_string(net.spec().inputs()) + " inputs, not a 28x28 image");
    return predict_image(image.data());
}

std::vector<float> Session::predict_image(const uint8_t* image) { return classify(network(), image, ws_, X_); }

const std::vector<Matrix>& Session::layer_outputs() const {
    if (ws_.A.size() != static_cast<size_t>(network().layer_count()))
        throw Error("this network has not read a digit yet: call predictDrawing or predictImage first");
    return ws_.A;
}

Explanation Session::explain_last_digit() const {
    layer_outputs();  // throws if there is no last digit: X_ is the input it read
    return explain(network(), X_.data());
}

std::string Session::save_model() const { return digitnet::save_model(network()); }

void Session::load_model(const std::string& bytes) {
    auto net = std::make_unique<Network>(digitnet::load_model(bytes));
    net->spec().require_digit_shape();
    run_ = Run{};  // the trainer works on net_
    net_ = std::move(net);
    ws_ = Workspace{};
    recipe_.network = net_->spec();
    restart_trainer();
}

Network& Session::network() {
    if (!net_) throw Error(kNoNetwork);
    return *net_;
}

const Network& Session::network() const {
    if (!net_) throw Error(kNoNetwork);
    return *net_;
}

}  // namespace digitnet::wasm
