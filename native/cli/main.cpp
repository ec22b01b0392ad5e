// digitnet: train, evaluate, use and export digit networks from the command line.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "digitnet/failure.hpp"
#include "digitnet/settings.hpp"

using namespace digitnet;
using namespace digitnet::cli;

namespace {

std::string asset(const char* name) { return std::string(DIGITNET_ASSETS_DIR) + "/" + name; }

// Every setting of the core's vocabulary as an option of `train`: --flag VALUE,
// or --name / --no-name for true/false settings (and the row's other name for --no-name).
// Returns what was given, for apply_settings.
struct SettingOptions {
    std::vector<std::pair<const SettingInfo*, CLI::Option*>> values;
    std::vector<std::pair<const SettingInfo*, std::pair<CLI::Option*, CLI::Option*>>> flags;
    std::map<std::string, std::string> text;

    explicit SettingOptions(CLI::App& cmd) {
        for (const SettingInfo& s : setting_vocabulary()) {
            const std::string name = std::string(s.flag).substr(2);
            if (s.kind == SettingKind::Flag) {
                CLI::Option* yes = cmd.add_flag("--" + name)->description(s.help);
                const std::string off = "--no-" + name + (s.off_alias ? std::string(",") + s.off_alias : "");
                CLI::Option* no = cmd.add_flag(off)->description("the opposite of --" + name);
                flags.push_back({&s, {yes, no}});
            } else {
                std::string help = s.help;
                if (!s.choices.empty()) help += " (" + join(s.choices) + ")";
                if (s.kind == SettingKind::Integer || s.kind == SettingKind::Number)
                    help += " [" + CLI::detail::to_string(s.min) + " to " + CLI::detail::to_string(s.max) + "]";
                const char* type = s.kind == SettingKind::Integer  ? "INT"
                                   : s.kind == SettingKind::Number ? "NUMBER"
                                   : s.kind == SettingKind::Layers ? "LAYERS"
                                                                   : "NAME";
                values.push_back({&s, cmd.add_option(s.flag, text[s.key], help)->type_name(type)});
            }
        }
    }
    Settings given() const {
        Settings out;
        for (const auto& [s, option] : values)
            if (option->count()) out.push_back({s->key, SettingValue::of(text.at(s->key))});
        for (const auto& [s, pair] : flags) {
            if (pair.first->count() && pair.second->count())
                throw SettingError(s->key, std::string(s->flag) + " and its --no- form are both given");
            if (pair.first->count() || pair.second->count())
                out.push_back({s->key, SettingValue::of(pair.first->count() > 0)});
        }
        return out;
    }
    static std::string join(const std::vector<std::string>& v) {
        std::string s;
        for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
        return s;
    }
};

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
    CLI::App* t = app.add_subcommand("train", "train a network and save it");
    t->add_option("--preset", preset, preset_help());
    const SettingOptions settings(*t);
    t->add_option("--train-data", train.train_path, "training images (IDX, .gz or not, or Kaggle CSV)");
    t->add_option("--heldout-data", train.heldout_path, "held-out images, reported every epoch");
    t->add_option("--test-data", train.test_path, "a test set to evaluate on at the end");
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
    p->add_option("--ink", ink, "dark, light or auto: which way round the ink is (auto: from the image's border)");

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
            const Recipe base = preset.empty() ? default_recipe() : find_preset(preset).recipe;
            try {
                train.recipe = apply_settings(base, settings.given());
            } catch (const SettingError& e) {
                throw Error(std::string(find_setting(e.key).flag) + ": " + e.what());
            }
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
