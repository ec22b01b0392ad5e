#include "digitnet/settings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <sstream>

#include "digitnet/loss.hpp"

namespace digitnet {

namespace {

constexpr double kSeedMax = 9007199254740991.0;  // 2^53 - 1: every such seed is exact in JavaScript

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

// Text no one types: a control character (a NUL would also cut short the
// message that quotes the text). Characters are counted as UTF-8 ones.
void refuse_control_characters(const SettingInfo& s, const std::string& text) {
    size_t characters = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80) ++characters;
        if ((byte < 0x20 && byte != '\t') || byte == 0x7F)
            throw SettingError(s.key, std::string(s.label) + " holds a control character (code " + std::to_string(byte) +
                                          ") at character " + std::to_string(characters) + ": write it without one");
    }
}

// The value's number, checked against the setting's kind and range.
double number_of(const SettingInfo& s, const SettingValue& v) {
    double x = v.number;
    if (v.type == SettingValue::Type::Text) {
        refuse_control_characters(s, v.text);
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
    refuse_control_characters(s, v.text);
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

// A float setting as the number a person typed: 0.002f is 0.0020000000949949026
// as a double, but 0.002 to a float's 7 significant digits.
SettingValue float_value(float f) {
    std::ostringstream s;
    s.precision(7);
    s << f;
    return SettingValue::of(std::strtod(s.str().c_str(), nullptr));
}

}  // namespace

// A recipe as the settings read and write it: the network as the parts a
// person sets, from which it is built again once one of them is set.
struct RecipeView {
    Recipe recipe;
    std::string layers;  // the hidden layers in the layer grammar
    Activation hidden;   // of the hidden layers with parameters (ReLU when there are none)
    Activation output;
    bool bias;  // of the layers with parameters
    float input_scale;
    bool network_set = false;  // one of the parts above was set
};

namespace {

RecipeView view_of(const Recipe& r) {
    const std::vector<LayerSpec>& layers = r.network.layers;
    const std::vector<LayerSpec> hidden(layers.begin(), layers.end() - 1);
    const auto has_params = [](const LayerSpec& l) { return l.has_params(); };
    const auto first_hidden = std::find_if(hidden.begin(), hidden.end(), has_params);
    return {r,
            format_layers(hidden),
            first_hidden != hidden.end() ? first_hidden->activation : Activation::ReLU,
            layers.back().activation,
            std::find_if(layers.begin(), layers.end(), has_params)->bias,
            r.network.input_scale};
}

// The view's recipe; throws Error if its network cannot be built.
Recipe recipe_of(const RecipeView& v) {
    Recipe r = v.recipe;
    if (v.network_set) {
        r.network =
            make_spec(parse_layers(v.layers, v.hidden, v.bias), v.output, v.bias, {1, 28, 28}, v.recipe.network.outputs());
        r.network.input_scale = v.input_scale;
        r.network.validate();
    }
    return r;
}

// The names a Choice setting offers, sized by the compiler.
template <size_t N>
std::vector<std::string> choices(const char* const (&names)[N]) {
    return {std::begin(names), std::end(names)};
}
constexpr const char* kHiddenActivations[] = {"relu", "tanh", "sigmoid", "identity"};  // softmax only at the output
constexpr const char* kOutputs[] = {"softmax", "sigmoid", "tanh", "identity", "relu"};
constexpr const char* kInits[] = {"he", "xavier", "normal", "normal-fanin", "uniform", "uniform-fan"};
constexpr const char* kLosses[] = {"cross-entropy", "squared-error", "batch-softmax-squared-error"};
constexpr const char* kOptimizers[] = {"adam", "momentum", "sgd"};
constexpr const char* kSamplings[] = {"shuffled", "in-order", "with-replacement"};  // in Sampling's order
static_assert(std::size(kOutputs) == static_cast<size_t>(Activation::Softmax) + 1, "an activation lacks a name");
static_assert(std::size(kInits) == static_cast<size_t>(Init::Xavier) + 1, "an initialization lacks a name");
static_assert(std::size(kLosses) == static_cast<size_t>(LossKind::BatchSoftmaxSquaredError) + 1, "a loss lacks a name");
static_assert(std::size(kOptimizers) == static_cast<size_t>(OptimizerKind::Adam) + 1, "an optimizer lacks a name");
static_assert(std::size(kSamplings) == static_cast<size_t>(Sampling::WithReplacement) + 1, "a sampling lacks a name");

Sampling parse_sampling(const std::string& name) {
    for (size_t i = 0; i < std::size(kSamplings); ++i)
        if (name == kSamplings[i]) return static_cast<Sampling>(i);
    throw Error("unknown sampling '" + name + "'");
}

SettingValue name_value(const char* name) { return SettingValue::of(std::string(name)); }
template <class T>
SettingValue count_value(T n) {
    return SettingValue::of(static_cast<double>(n));
}

constexpr bool kOnPage = true;

}  // namespace

const std::vector<SettingInfo>& setting_vocabulary() {
    using K = SettingKind;
    using V = const SettingValue&;
    static const std::vector<SettingInfo> v = {
        {"layers",
         "--layers",
         "Layers",
         K::Layers,
         0,
         0,
         {},
         "hidden layers, e.g. 128, 256,128 or c16k5,p2,c32k5,p2,128: N dense units, cFkK F conv filters of KxK "
         "(cFkKs: 'same' padding), pN an NxN max-pool, dR dropout of rate R; the 10-way output is added",
         [](const RecipeView& r) { return SettingValue::of(r.layers); },
         [](RecipeView& r, V x) { r.layers = x.text, r.network_set = true; },
         kOnPage},
        {"activation", "--activation", "Activation", K::Choice, 0, 0, choices(kHiddenActivations),
         "activation of the hidden layers", [](const RecipeView& r) { return name_value(to_string(r.hidden)); },
         [](RecipeView& r, V x) {
             r.hidden = parse_activation(x.text), r.network_set = true;
             r.recipe.init = default_init(r.hidden);  // unless an initialization is given too
         },
         kOnPage},
        {"output", "--output", "Output activation", K::Choice, 0, 0, choices(kOutputs), "activation of the output layer",
         [](const RecipeView& r) { return name_value(to_string(r.output)); },
         [](RecipeView& r, V x) { r.output = parse_activation(x.text), r.network_set = true; }},
        {"bias",
         "--bias",
         "Biases",
         K::Flag,
         0,
         0,
         {},
         "whether layers have biases",
         [](const RecipeView& r) { return SettingValue::of(r.bias); },
         [](RecipeView& r, V x) { r.bias = x.flag, r.network_set = true; }},
        {"inputScale",
         "--input-scale",
         "Input scale",
         K::Number,
         1e-9,
         1e6,
         {},
         "input = scale x pixel byte (default 1/255)",
         [](const RecipeView& r) { return float_value(r.input_scale); },
         [](RecipeView& r, V x) { r.input_scale = static_cast<float>(x.number), r.network_set = true; }},
        {"loss", "--loss", "Loss", K::Choice, 0, 0, choices(kLosses), "the loss to minimize",
         [](const RecipeView& r) { return name_value(to_string(r.recipe.train.loss.kind)); },
         [](RecipeView& r, V x) { r.recipe.train.loss.kind = parse_loss(x.text); }},
        {"lossScale",
         "--loss-scale",
         "Loss scale",
         K::Number,
         1e-6,
         1e6,
         {},
         "squared error scale: 2 for 2(a-y), 1 for (a-y)",
         [](const RecipeView& r) { return float_value(r.recipe.train.loss.scale); },
         [](RecipeView& r, V x) { r.recipe.train.loss.scale = static_cast<float>(x.number); }},
        {"init", "--init", "Initialization", K::Choice, 0, 0, choices(kInits),
         "initial weights (default: he for relu, xavier for the others)",
         [](const RecipeView& r) { return name_value(to_string(r.recipe.init)); },
         [](RecipeView& r, V x) { r.recipe.init = parse_init(x.text); }},
        {"optimizer", "--optimizer", "Optimizer", K::Choice, 0, 0, choices(kOptimizers),
         "how the weights follow the gradient",
         [](const RecipeView& r) { return name_value(to_string(r.recipe.train.optimizer.kind)); },
         [](RecipeView& r, V x) {
             OptimizerSpec& o = r.recipe.train.optimizer;
             o.kind = parse_optimizer(x.text);
             o.learning_rate = default_learning_rate(o.kind);  // unless a learning rate is given too
         },
         kOnPage},
        {"learningRate",
         "--lr",
         "Learning rate",
         K::Number,
         1e-7,
         100,
         {},
         "step size (default: 0.004 for adam, 0.02 for momentum, 0.1 for sgd)",
         [](const RecipeView& r) { return float_value(r.recipe.train.optimizer.learning_rate); },
         [](RecipeView& r, V x) { r.recipe.train.optimizer.learning_rate = static_cast<float>(x.number); },
         kOnPage},
        {"momentum",
         "--momentum",
         "Momentum",
         K::Number,
         0,
         0.999,
         {},
         "momentum coefficient",
         [](const RecipeView& r) { return float_value(r.recipe.train.optimizer.momentum); },
         [](RecipeView& r, V x) { r.recipe.train.optimizer.momentum = static_cast<float>(x.number); }},
        {"weightDecay",
         "--weight-decay",
         "Weight decay",
         K::Number,
         0,
         1,
         {},
         "L2 weight decay",
         [](const RecipeView& r) { return float_value(r.recipe.train.optimizer.weight_decay); },
         [](RecipeView& r, V x) { r.recipe.train.optimizer.weight_decay = static_cast<float>(x.number); }},
        {"batchSize",
         "--batch",
         "Batch size",
         K::Integer,
         1,
         65536,
         {},
         "digits per step (1: per digit; the set size or more: full batch)",
         [](const RecipeView& r) { return count_value(r.recipe.train.batch_size); },
         [](RecipeView& r, V x) { r.recipe.train.batch_size = static_cast<int>(x.number); },
         kOnPage},
        {"epochs",
         "--epochs",
         "Epochs",
         K::Integer,
         1,
         1000,
         {},
         "passes over the training digits",
         [](const RecipeView& r) { return count_value(r.recipe.epochs); },
         [](RecipeView& r, V x) { r.recipe.epochs = static_cast<int>(x.number), r.recipe.steps = 0; },
         kOnPage},
        {"steps",
         "--steps",
         "Steps",
         K::Integer,
         0,
         100'000'000,
         {},
         "number of batches, instead of epochs (0: train for the epochs)",
         [](const RecipeView& r) { return count_value(r.recipe.steps); },
         [](RecipeView& r, V x) { r.recipe.steps = static_cast<int64_t>(x.number); }},
        {"sampling", "--sampling", "Sampling", K::Choice, 0, 0, choices(kSamplings), "the order of the training digits",
         [](const RecipeView& r) { return name_value(kSamplings[static_cast<size_t>(r.recipe.train.sampling)]); },
         [](RecipeView& r, V x) { r.recipe.train.sampling = parse_sampling(x.text); }},
        {"seed",
         "--seed",
         "Seed",
         K::Integer,
         0,
         kSeedMax,
         {},
         "random seed (initialization, order, augmentation, dropout)",
         [](const RecipeView& r) { return count_value(r.recipe.train.seed); },
         [](RecipeView& r, V x) { r.recipe.train.seed = static_cast<uint64_t>(x.number); },
         kOnPage},
        {"augment",
         "--augment",
         "Augmentation",
         K::Flag,
         0,
         0,
         {},
         "random shifts, rotations and scalings of the training digits",
         [](const RecipeView& r) { return SettingValue::of(r.recipe.train.augment.enabled); },
         [](RecipeView& r, V x) { r.recipe.train.augment.enabled = x.flag; },
         kOnPage},
        {"warp",
         "--warp",
         "Elastic warp",
         K::Number,
         0,
         4,
         {},
         "with augmentation, move the pixels of each training digit smoothly by up to this many pixels",
         [](const RecipeView& r) { return float_value(r.recipe.train.augment.max_warp); },
         [](RecipeView& r, V x) { r.recipe.train.augment.max_warp = static_cast<float>(x.number); }},
        {"cosine",
         "--cosine",
         "Cosine decay",
         K::Flag,
         0,
         0,
         {},
         "decay the learning rate to 0 along a cosine over the run",
         [](const RecipeView& r) { return SettingValue::of(r.recipe.cosine_schedule); },
         [](RecipeView& r, V x) { r.recipe.cosine_schedule = x.flag; },
         false,
         "--constant-lr"},
        {"limit",
         "--limit",
         "Training digits",
         K::Integer,
         0,
         10'000'000,
         {},
         "use only the first N training digits (0: all)",
         [](const RecipeView& r) { return count_value(r.recipe.limit); },
         [](RecipeView& r, V x) { r.recipe.limit = static_cast<size_t>(x.number); }},
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
    // Every value checked against its kind and range first, in the order given.
    for (const auto& [key, value] : given) {
        const SettingInfo& s = find_setting(key);
        switch (s.kind) {
            case SettingKind::Integer:
            case SettingKind::Number: v[key] = SettingValue::of(number_of(s, value)); break;
            case SettingKind::Choice:
            case SettingKind::Layers: v[key] = SettingValue::of(text_of(s, value)); break;
            case SettingKind::Flag: v[key] = SettingValue::of(flag_of(s, value)); break;
        }
    }
    // Then set in the table's order (see SettingInfo::set).
    RecipeView view = view_of(base);
    for (const SettingInfo& s : setting_vocabulary()) {
        const auto given_value = v.find(s.key);
        if (given_value != v.end()) s.set(view, given_value->second);
    }
    Recipe r = for_setting("layers", [&] { return recipe_of(view); });
    // A preset's "full batch" is any size past the data's; the trainer checks again with the data's size.
    const int batch = static_cast<int>(std::min<double>(r.train.batch_size, find_setting("batchSize").max));
    if (whole) for_setting("layers", [&] { r.network.require_trainable(batch); });
    for_setting(v.count("loss") ? "loss" : "output", [&] { check_loss(r.train.loss, r.network.layers.back().activation); });
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

SettingValue setting_value(const Recipe& r, const std::string& key) { return find_setting(key).get(view_of(r)); }

}  // namespace digitnet
