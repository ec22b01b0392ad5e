// digitnet: train, evaluate, use and export digit networks from the command line.
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "digitnet/failure.hpp"

using namespace digitnet;
using namespace digitnet::cli;

namespace {

std::string asset(const char* name) { return std::string(DIGITNET_ASSETS_DIR) + "/" + name; }

// Options of `train` that change the recipe (a preset's, or the default one) only when given.
struct RecipeOverrides {
    std::vector<int> layers;
    std::string activation, output, loss, init, optimizer, sampling;
    float loss_scale = 0, lr = 0, momentum = 0, weight_decay = 0, input_scale = 0;
    int batch = 0, epochs = 0;
    long steps = 0;
    uint64_t seed = 0;
    bool augment = false, no_augment = false, no_bias = false, cosine = false, constant_lr = false;
};

Sampling parse_sampling(const std::string& s) {
    if (s == "shuffled") return Sampling::Shuffled;
    if (s == "in-order") return Sampling::InOrder;
    if (s == "with-replacement") return Sampling::WithReplacement;
    throw Error("unknown sampling '" + s + "' (known: shuffled, in-order, with-replacement)");
}

void apply(const CLI::App& cmd, const RecipeOverrides& o, Recipe& r) {
    auto given = [&](const char* name) { return cmd.count(name) > 0; };
    if (given("--layers") || given("--activation") || given("--output") || given("--no-bias") ||
        given("--input-scale")) {
        std::vector<int> hidden;
        for (size_t i = 0; i + 1 < r.network.layers.size(); ++i) hidden.push_back(r.network.layers[i].units);
        if (given("--layers")) hidden = o.layers;
        const Activation h = given("--activation") ? parse_activation(o.activation)
                             : r.network.layers.size() > 1 ? r.network.layers[0].activation
                                                           : Activation::ReLU;
        const Activation out = given("--output") ? parse_activation(o.output) : r.network.layers.back().activation;
        const float scale = given("--input-scale") ? o.input_scale : r.network.input_scale;
        r.network = make_spec(hidden, h, out, !o.no_bias && r.network.layers[0].bias);
        r.network.input_scale = scale;
        r.network.validate();
    }
    if (given("--loss")) r.train.loss.kind = parse_loss(o.loss);
    if (given("--loss-scale")) r.train.loss.scale = o.loss_scale;
    if (given("--init")) r.init = parse_init(o.init);
    if (given("--optimizer")) r.train.optimizer.kind = parse_optimizer(o.optimizer);
    if (given("--lr")) r.train.optimizer.learning_rate = o.lr;
    if (given("--momentum")) r.train.optimizer.momentum = o.momentum;
    if (given("--weight-decay")) r.train.optimizer.weight_decay = o.weight_decay;
    if (given("--sampling")) r.train.sampling = parse_sampling(o.sampling);
    if (given("--batch")) r.train.batch_size = o.batch;
    if (given("--epochs")) r.epochs = o.epochs, r.steps = 0;
    if (given("--steps")) r.steps = o.steps;
    if (given("--seed")) r.train.seed = o.seed;
    if (o.augment) r.train.augment.enabled = true;
    if (o.no_augment) r.train.augment.enabled = false;
    if (o.cosine) r.cosine_schedule = true;
    if (o.constant_lr) r.cosine_schedule = false;
    if (r.epochs < 0 || r.steps < 0 || (r.epochs == 0 && r.steps == 0))
        throw Error("give a positive number of --epochs or --steps");
}

// Digits only, at least `least`: CLI11 would wrap "-1" around into an unsigned option.
CLI::Validator whole_number(unsigned long long least) {
    return CLI::Validator(
        [least](std::string& text) -> std::string {
            const std::string wanted = "must be a whole number from " + std::to_string(least) + " up";
            if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
                return wanted + ", not '" + text + "'";
            errno = 0;
            const unsigned long long n = std::strtoull(text.c_str(), nullptr, 10);
            if (errno == ERANGE) return wanted + " that fits in 64 bits, not " + text;
            return n >= least ? "" : wanted + ", not " + text;
        },
        "", "whole number");
}

std::string preset_help() {
    std::string s = "train as one of the seed notebooks did:";
    for (const Preset& p : presets()) s += "\n  " + p.name + ": " + p.summary;
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"digitnet: a neural network for handwritten digits"};
    app.require_subcommand(1);

    TrainOptions train;
    train.train_path = asset("train-images-idx3-ubyte.gz");
    train.heldout_path = asset("heldout-images-idx3-ubyte.gz");
    train.out_path = "digitnet.model";
    std::string preset;
    RecipeOverrides o;
    CLI::App* t = app.add_subcommand("train", "train a network and save it");
    t->add_option("--preset", preset, preset_help());
    t->add_option("--layers", o.layers, "hidden layer sizes, e.g. 128 or 256,128")->delimiter(',');
    t->add_option("--activation", o.activation, "hidden activation: sigmoid, tanh, relu, identity");
    t->add_option("--output", o.output, "output activation: softmax, sigmoid, identity");
    t->add_flag("--no-bias", o.no_bias, "layers without biases");
    t->add_option("--input-scale", o.input_scale, "input = scale * pixel byte (default 1/255)");
    t->add_option("--loss", o.loss, "cross-entropy or squared-error");
    t->add_option("--loss-scale", o.loss_scale, "squared error scale: 2 for 2(a-y), 1 for (a-y)");
    t->add_option("--init", o.init, "normal, normal-fanin, uniform, uniform-fan, he, xavier");
    t->add_option("--optimizer", o.optimizer, "sgd, momentum, adam");
    t->add_option("--lr", o.lr, "learning rate");
    t->add_option("--momentum", o.momentum, "momentum coefficient");
    t->add_option("--weight-decay", o.weight_decay, "L2 weight decay");
    t->add_option("--batch", o.batch, "batch size (1: per sample; the set size: full batch)");
    t->add_option("--epochs", o.epochs, "passes over the training set");
    t->add_option("--steps", o.steps, "number of batches (instead of epochs)");
    t->add_option("--sampling", o.sampling, "shuffled, in-order, with-replacement");
    t->add_option("--seed", o.seed, "random seed (initialization, order, augmentation)")->check(whole_number(0));
    t->add_flag("--augment", o.augment, "random shifts, rotations and scalings of the training digits");
    t->add_flag("--no-augment", o.no_augment, "train on the digits as they are");
    t->add_flag("--cosine", o.cosine, "decay the learning rate to 0 along a cosine");
    t->add_flag("--constant-lr", o.constant_lr, "keep the learning rate constant");
    t->add_option("--train-data", train.train_path, "training images (IDX, .gz or not, or Kaggle CSV)");
    t->add_option("--heldout-data", train.heldout_path, "held-out images, reported every epoch");
    t->add_option("--test-data", train.test_path, "a test set to evaluate on at the end");
    t->add_option("--limit", train.limit, "use only the first N training digits")->check(whole_number(1));
    t->add_option("-o,--out", train.out_path, "model file to write");
    t->add_flag("-q,--quiet", train.quiet, "no progress lines");

    std::string model, data, image, ink = "auto", out;
    CLI::App* e = app.add_subcommand("eval", "accuracy, loss and confusion matrix of a model on a data set");
    e->add_option("model", model, "model file")->required();
    e->add_option("data", data, "IDX images file (labels found beside it) or Kaggle CSV")->required();
    std::string eval_loss;
    e->add_option("--loss", eval_loss, "loss to report (default: cross-entropy for softmax models, else squared-error)");

    CLI::App* p = app.add_subcommand("predict", "read the digit in an image file");
    p->add_option("model", model, "model file")->required();
    p->add_option("image", image, "PNG or binary PGM/PPM of one digit")->required();
    p->add_option("--ink", ink, "bright, dark or auto (from the image border)");

    double seconds = 2.0;
    std::string bench_data = asset("train-images-idx3-ubyte.gz");
    CLI::App* b = app.add_subcommand("bench", "training throughput beside the matrix-product peak");
    b->add_option("--seconds", seconds, "time spent on each measurement");
    b->add_option("--train-data", bench_data, "training images");

    CLI::App* x = app.add_subcommand("export", "write a model as JSON");
    x->add_option("model", model, "model file")->required();
    x->add_option("out", out, "JSON file to write")->required();

    CLI11_PARSE(app, argc, argv);
    try {
        if (t->parsed()) {
            train.recipe = preset.empty() ? default_recipe() : find_preset(preset).recipe;
            apply(*t, o, train.recipe);
            return train_command(train);
        }
        if (e->parsed()) return eval_command(model, data, eval_loss);
        if (p->parsed()) return predict_command(model, image, ink);
        if (b->parsed()) return bench_command(bench_data, seconds);
        if (x->parsed()) return export_command(model, out);
    } catch (const std::exception& err) {  // digitnet::Error, and the standard library's (out of memory, ...)
        std::fprintf(stderr, "digitnet: %s\n", message_for(err).c_str());
        return 1;
    }
    return 0;
}
