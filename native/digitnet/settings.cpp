#include "digitnet/settings.hpp"

#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>

#include "digitnet/loss.hpp"

namespace digitnet {

namespace {

constexpr double kSeedMax = 9007199254740991.0;  // 2^53 - 1: every such seed is exact in JavaScript

const char* const kSamplings[] = {"shuffled", "in-order", "with-replacement"};

std::string number_text(double x) {
    std::ostringstream s;
    s.precision(16);
    s << x;
    return s.str();
}

std::string range_text(const SettingInfo& s) {
    return (s.kind == SettingKind::Integer ? "a whole number from " : "a number from ") + number_text(s.min) + " to " +
           number_text(s.max);
}

std::string list(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
    return s;
}

// The value's number, checked against the setting's kind and range.
double number_of(const SettingInfo& s, const SettingValue& v) {
    double x = v.number;
    if (v.type == SettingValue::Type::Text) {
        const char* begin = v.text.c_str();
        char* end = nullptr;
        x = std::strtod(begin, &end);
        const bool blank = v.text.find_first_not_of(" \t") == std::string::npos;
        if (blank) throw SettingError(s.key, std::string(s.label) + " is empty: give " + range_text(s));
        while (*end == ' ' || *end == '\t') ++end;
        if (end == begin || *end != '\0' || v.text.find_first_of("xXnN") != std::string::npos)
            throw SettingError(s.key, std::string(s.label) + " must be " + range_text(s) + ", not \"" + v.text + "\"");
    } else if (v.type != SettingValue::Type::Number) {
        throw SettingError(s.key, std::string(s.label) + " must be " + range_text(s));
    }
    if (!(x >= s.min && x <= s.max) || (s.kind == SettingKind::Integer && std::floor(x) != x))
        throw SettingError(s.key, std::string(s.label) + " must be " + range_text(s) + ", not " + number_text(x));
    return x;
}

const std::string& text_of(const SettingInfo& s, const SettingValue& v) {
    if (v.type != SettingValue::Type::Text) throw SettingError(s.key, std::string(s.label) + " must be a name or text");
    if (s.kind == SettingKind::Choice) {
        for (const auto& c : s.choices)
            if (c == v.text) return v.text;
        throw SettingError(s.key, std::string(s.label) + " must be one of " + list(s.choices) + ", not \"" + v.text + "\"");
    }
    return v.text;
}

bool flag_of(const SettingInfo& s, const SettingValue& v) {
    if (v.type == SettingValue::Type::Bool) return v.flag;
    if (v.type == SettingValue::Type::Text && (v.text == "true" || v.text == "false")) return v.text == "true";
    throw SettingError(s.key, std::string(s.label) + " must be true or false");
}

// Runs f, turning a core Error into a SettingError for `key`.
template <class F>
auto for_setting(const char* key, F&& f) {
    try {
        return f();
    } catch (const SettingError&) {
        throw;
    } catch (const Error& e) {
        throw SettingError(key, e.what());
    }
}

Sampling parse_sampling(const std::string& name) {
    for (int i = 0; i < 3; ++i)
        if (name == kSamplings[i]) return static_cast<Sampling>(i);
    throw Error("unknown sampling '" + name + "'");
}

std::vector<std::string> names(const char* const* all, size_t n) { return {all, all + n}; }

// A float setting as the number a person typed: 0.002f is 0.0020000000949949026
// as a double, but 0.002 to a float's 7 significant digits.
SettingValue float_value(float f) {
    std::ostringstream s;
    s.precision(7);
    s << f;
    return SettingValue::of(std::strtod(s.str().c_str(), nullptr));
}

}  // namespace

const std::vector<SettingInfo>& setting_vocabulary() {
    static const char* const activations[] = {"relu", "tanh", "sigmoid", "identity"};
    static const char* const outputs[] = {"softmax", "sigmoid", "tanh", "identity", "relu"};
    static const char* const inits[] = {"he", "xavier", "normal", "normal-fanin", "uniform", "uniform-fan"};
    static const char* const losses[] = {"cross-entropy", "squared-error", "batch-softmax-squared-error"};
    static const char* const optimizers[] = {"adam", "momentum", "sgd"};
    static const std::vector<SettingInfo> v = {
        {"layers", "--layers", "Layers", SettingKind::Layers, 0, 0, {},
         "hidden layers, e.g. 128, 256,128 or c16k5,p2,c32k5,p2,128: N dense units, cFkK F conv filters of KxK "
         "(cFkKs: 'same' padding), pN an NxN max-pool, dR dropout of rate R; the 10-way output is added"},
        {"activation", "--activation", "Activation", SettingKind::Choice, 0, 0, names(activations, 4),
         "activation of the hidden layers"},
        {"output", "--output", "Output activation", SettingKind::Choice, 0, 0, names(outputs, 5),
         "activation of the output layer"},
        {"bias", "--bias", "Biases", SettingKind::Flag, 0, 0, {}, "whether layers have biases"},
        {"inputScale", "--input-scale", "Input scale", SettingKind::Number, 1e-9, 1e6, {},
         "input = scale x pixel byte (default 1/255)"},
        {"loss", "--loss", "Loss", SettingKind::Choice, 0, 0, names(losses, 3), "the loss to minimize"},
        {"lossScale", "--loss-scale", "Loss scale", SettingKind::Number, 1e-6, 1e6, {},
         "squared error scale: 2 for 2(a-y), 1 for (a-y)"},
        {"init", "--init", "Initialization", SettingKind::Choice, 0, 0, names(inits, 6),
         "initial weights (default: he for relu, xavier for the others)"},
        {"optimizer", "--optimizer", "Optimizer", SettingKind::Choice, 0, 0, names(optimizers, 3),
         "how the weights follow the gradient"},
        {"learningRate", "--lr", "Learning rate", SettingKind::Number, 1e-7, 100, {},
         "step size (default: 0.004 for adam, 0.02 for momentum, 0.1 for sgd)"},
        {"momentum", "--momentum", "Momentum", SettingKind::Number, 0, 0.999, {}, "momentum coefficient"},
        {"weightDecay", "--weight-decay", "Weight decay", SettingKind::Number, 0, 1, {}, "L2 weight decay"},
        {"batchSize", "--batch", "Batch size", SettingKind::Integer, 1, 65536, {},
         "digits per step (1: per digit; the set size or more: full batch)"},
        {"epochs", "--epochs", "Epochs", SettingKind::Integer, 1, 1000, {}, "passes over the training digits"},
        {"steps", "--steps", "Steps", SettingKind::Integer, 0, 100'000'000, {},
         "number of batches, instead of epochs (0: train for the epochs)"},
        {"sampling", "--sampling", "Sampling", SettingKind::Choice, 0, 0, names(kSamplings, 3),
         "the order of the training digits"},
        {"seed", "--seed", "Seed", SettingKind::Integer, 0, kSeedMax, {},
         "random seed (initialization, order, augmentation, dropout)"},
        {"augment", "--augment", "Augmentation", SettingKind::Flag, 0, 0, {},
         "random shifts, rotations and scalings of the training digits"},
        {"warp", "--warp", "Elastic warp", SettingKind::Number, 0, 4, {},
         "with augmentation, move the pixels of each training digit smoothly by up to this many pixels"},
        {"cosine", "--cosine", "Cosine decay", SettingKind::Flag, 0, 0, {},
         "decay the learning rate to 0 along a cosine over the run"},
        {"limit", "--limit", "Training digits", SettingKind::Integer, 0, 10'000'000, {},
         "use only the first N training digits (0: all)"},
    };
    return v;
}

const std::vector<NetworkChoice>& network_choices() {
    // The first is the default: the CNN's 5 epochs take about 12 s of one core in
    // the page (98.6% of the official test set); the CNN with dropout's 20, about
    // 47 s (99.1%).
    static const std::vector<NetworkChoice> v = {
        {"CNN", "c16k5,p2,c32k5,p2,128", 5, "two conv layers and a dense layer of 128: LeNet's shape"},
        {"CNN with dropout", "c16k5,p2,c32k5,p2,128,d0.25", 20,
         "the CNN with dropout, trained four times as long: 99% of new digits in under a minute"},
        {"Small CNN", "c8k5,p2,c16k5,p2", 15, "two small conv layers, each followed by a 2x2 max-pool"},
        {"Big CNN", "c32k3s,p2,c64k3s,p2,c128k3s,p2,128,d0.4", 60,
         "three wider conv layers and dropout, the shipped CNN's layers: the most accurate, the slowest"},
        {"MLP 784-128-10", "128", 30, "one hidden layer of 128 units: the classic first network"},
    };
    return v;
}

const SettingInfo& find_setting(const std::string& key) {
    for (const SettingInfo& s : setting_vocabulary())
        if (key == s.key) return s;
    std::vector<std::string> known;
    for (const SettingInfo& s : setting_vocabulary()) known.push_back(s.key);
    throw SettingError(key, "unknown setting \"" + key + "\" (known: " + list(known) + ")");
}

SettingValue SettingValue::of(double v) {
    SettingValue s;
    s.type = Type::Number, s.number = v;
    return s;
}
SettingValue SettingValue::of(std::string v) {
    SettingValue s;
    s.type = Type::Text, s.text = std::move(v);
    return s;
}
SettingValue SettingValue::of(bool v) {
    SettingValue s;
    s.type = Type::Bool, s.flag = v;
    return s;
}

Init default_init(Activation hidden) { return hidden == Activation::ReLU ? Init::He : Init::Xavier; }

float default_learning_rate(OptimizerKind o) {
    switch (o) {
        case OptimizerKind::SGD: return 0.1f;
        case OptimizerKind::Momentum: return 0.02f;
        case OptimizerKind::Adam: return 0.004f;
    }
    return 0.1f;
}

namespace {
// apply_settings, with or without the checks that weigh settings together
// (the memory a network takes at a batch size).
Recipe apply(const Recipe& base, const Settings& given, bool whole) {
    std::map<std::string, SettingValue> v;
    for (const auto& [key, value] : given) {
        const SettingInfo& s = find_setting(key);
        if (!v.emplace(key, value).second) throw SettingError(key, std::string(s.label) + " is given twice");
    }
    const auto has = [&](const char* key) { return v.count(key) > 0; };
    const auto num = [&](const char* key) { return number_of(find_setting(key), v.at(key)); };
    const auto text = [&](const char* key) { return text_of(find_setting(key), v.at(key)); };
    const auto flag = [&](const char* key) { return flag_of(find_setting(key), v.at(key)); };
    // Check every value's type and range first, in the order given.
    for (const auto& [key, value] : given) {
        const SettingInfo& s = find_setting(key);
        if (s.kind == SettingKind::Integer || s.kind == SettingKind::Number) number_of(s, value);
        if (s.kind == SettingKind::Choice || s.kind == SettingKind::Layers) text_of(s, value);
        if (s.kind == SettingKind::Flag) flag_of(s, value);
    }

    Recipe r = base;
    const NetworkSpec& old = base.network;
    const Activation hidden_act = has("activation") ? parse_activation(text("activation"))
                                  : old.layers.size() > 1 && old.layers[0].has_params() ? old.layers[0].activation
                                                                                        : Activation::ReLU;
    if (has("layers") || has("activation") || has("output") || has("bias") || has("inputScale")) {
        const bool bias = has("bias") ? flag("bias") : old.layers.front().bias || !old.layers.front().has_params();
        const std::vector<LayerSpec> hidden = for_setting("layers", [&] {
            return parse_layers(has("layers") ? text("layers") : format_layers({old.layers.begin(), old.layers.end() - 1}),
                                hidden_act, bias);
        });
        const Activation out = has("output") ? parse_activation(text("output")) : old.layers.back().activation;
        r.network = for_setting("layers", [&] {
            NetworkSpec spec = make_spec(hidden, out, bias, {1, 28, 28}, old.outputs());
            spec.input_scale = has("inputScale") ? static_cast<float>(num("inputScale")) : old.input_scale;
            spec.validate();
            return spec;
        });
    }
    if (has("init")) r.init = parse_init(text("init"));
    else if (has("activation")) r.init = default_init(hidden_act);
    if (has("loss")) r.train.loss.kind = parse_loss(text("loss"));
    if (has("lossScale")) r.train.loss.scale = static_cast<float>(num("lossScale"));
    if (has("optimizer")) {
        r.train.optimizer.kind = parse_optimizer(text("optimizer"));
        if (!has("learningRate")) r.train.optimizer.learning_rate = default_learning_rate(r.train.optimizer.kind);
    }
    if (has("learningRate")) r.train.optimizer.learning_rate = static_cast<float>(num("learningRate"));
    if (has("momentum")) r.train.optimizer.momentum = static_cast<float>(num("momentum"));
    if (has("weightDecay")) r.train.optimizer.weight_decay = static_cast<float>(num("weightDecay"));
    if (has("batchSize")) r.train.batch_size = static_cast<int>(num("batchSize"));
    if (has("epochs")) r.epochs = static_cast<int>(num("epochs")), r.steps = 0;
    if (has("steps")) r.steps = static_cast<int64_t>(num("steps"));
    if (has("sampling")) r.train.sampling = parse_sampling(text("sampling"));
    if (has("seed")) r.train.seed = static_cast<uint64_t>(num("seed"));
    if (has("augment")) r.train.augment.enabled = flag("augment");
    if (has("warp")) r.train.augment.max_warp = static_cast<float>(num("warp"));
    if (has("cosine")) r.cosine_schedule = flag("cosine");
    if (has("limit")) r.limit = static_cast<size_t>(num("limit"));
    // A preset's "full batch" is any size past the data's; the trainer checks again with the data's size.
    const int batch = static_cast<int>(std::min<double>(r.train.batch_size, find_setting("batchSize").max));
    if (whole) for_setting("layers", [&] { r.network.require_trainable(batch); });
    for_setting(has("loss") ? "loss" : "output", [&] { check_loss(r.train.loss, r.network.layers.back().activation); });
    return r;
}
}  // namespace

Recipe apply_settings(const Recipe& base, const Settings& given) { return apply(base, given, true); }

SettingsReport check_settings(const Recipe& base, const Settings& given) {
    SettingsReport report;
    // Each value alone first, so that every field with a problem gets its message;
    // then all of them together, for what depends on several (memory: layers and batch).
    for (const auto& item : given) {
        try {
            apply(base, {item}, false);
        } catch (const SettingError& e) {
            report.errors.emplace(e.key, e.what());
        }
    }
    if (report.errors.empty()) {
        try {
            report.recipe = apply_settings(base, given);
            report.parameters = report.recipe.network.parameter_count();
            report.training_bytes = report.recipe.network.training_bytes(report.recipe.train.batch_size);
            report.flops_per_digit = 2.0 * report.recipe.network.forward_macs();
        } catch (const SettingError& e) {
            report.errors.emplace(e.key, e.what());
        }
    }
    return report;
}

SettingValue setting_value(const Recipe& r, const std::string& key) {
    const NetworkSpec& n = r.network;
    const OptimizerSpec& o = r.train.optimizer;
    const std::string k = find_setting(key).key;
    if (k == "layers") return SettingValue::of(format_layers({n.layers.begin(), n.layers.end() - 1}));
    if (k == "activation")
        return SettingValue::of(std::string(to_string(n.layers.size() > 1 && n.layers[0].has_params() ? n.layers[0].activation
                                                                                                      : Activation::ReLU)));
    if (k == "output") return SettingValue::of(std::string(to_string(n.layers.back().activation)));
    if (k == "bias") return SettingValue::of(n.layers.front().bias);
    if (k == "inputScale") return float_value(n.input_scale);
    if (k == "loss") return SettingValue::of(std::string(to_string(r.train.loss.kind)));
    if (k == "lossScale") return float_value(r.train.loss.scale);
    if (k == "init") return SettingValue::of(std::string(to_string(r.init)));
    if (k == "optimizer") return SettingValue::of(std::string(to_string(o.kind)));
    if (k == "learningRate") return float_value(o.learning_rate);
    if (k == "momentum") return float_value(o.momentum);
    if (k == "weightDecay") return float_value(o.weight_decay);
    if (k == "batchSize") return SettingValue::of(static_cast<double>(r.train.batch_size));
    if (k == "epochs") return SettingValue::of(static_cast<double>(r.epochs));
    if (k == "steps") return SettingValue::of(static_cast<double>(r.steps));
    if (k == "sampling") return SettingValue::of(std::string(kSamplings[static_cast<int>(r.train.sampling)]));
    if (k == "seed") return SettingValue::of(static_cast<double>(r.train.seed));
    if (k == "augment") return SettingValue::of(r.train.augment.enabled);
    if (k == "cosine") return SettingValue::of(r.cosine_schedule);
    if (k == "warp") return float_value(r.train.augment.max_warp);
    return SettingValue::of(static_cast<double>(r.limit));  // "limit"
}

}  // namespace digitnet
