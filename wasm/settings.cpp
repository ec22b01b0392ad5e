#include "settings.hpp"

#include <cmath>
#include <cstdint>

#include "json.hpp"

namespace digitnet::wasm {

namespace {

const char* const kKeys =
    "hidden, activation, optimizer, learningRate, batchSize, epochs, seed, init, augment, loss, weightDecay, "
    "cosine, limit";

const JsonValue& typed(const std::string& key, const JsonValue& v, JsonValue::Kind kind, const char* what) {
    if (v.kind != kind) throw Error("the setting \"" + key + "\" must be " + what);
    return v;
}

double number(const std::string& key, const JsonValue& v) {
    return typed(key, v, JsonValue::Kind::Number, "a number").number;
}

// A whole number in [lo, hi] (limits that keep it representable; the core checks the rest).
int64_t whole(const std::string& key, double x, double lo, double hi) {
    if (!(x >= lo && x <= hi) || std::floor(x) != x)
        throw Error("the setting \"" + key + "\" must be a whole number from " + std::to_string(int64_t(lo)) +
                    " to " + std::to_string(int64_t(hi)));
    return static_cast<int64_t>(x);
}

const std::string& text(const std::string& key, const JsonValue& v) {
    return typed(key, v, JsonValue::Kind::String, "a string").text;
}

bool flag(const std::string& key, const JsonValue& v) {
    return typed(key, v, JsonValue::Kind::Bool, "true or false").flag;
}

}  // namespace

Settings parse_settings(const std::string& json) {
    constexpr double kIntMax = 2147483647.0, kSeedMax = 9007199254740991.0;  // 2^53 - 1: exact in JS
    Settings s;
    Recipe& r = s.recipe;
    r = default_recipe();
    r.epochs = 10;
    std::vector<int> hidden{128};
    Activation activation = Activation::ReLU;
    for (const auto& [key, v] : parse_flat_object(json)) {
        if (key == "hidden") {
            hidden.clear();
            for (double units : typed(key, v, JsonValue::Kind::NumberArray, "an array of layer sizes").numbers)
                hidden.push_back(static_cast<int>(whole(key, units, -kIntMax, kIntMax)));
        } else if (key == "activation") {
            activation = parse_activation(text(key, v));
        } else if (key == "optimizer") {
            r.train.optimizer.kind = parse_optimizer(text(key, v));
        } else if (key == "learningRate") {
            r.train.optimizer.learning_rate = static_cast<float>(number(key, v));
        } else if (key == "batchSize") {
            r.train.batch_size = static_cast<int>(whole(key, number(key, v), -kIntMax, kIntMax));
        } else if (key == "epochs") {
            r.epochs = whole(key, number(key, v), 1, 1000000);
        } else if (key == "seed") {
            r.train.seed = static_cast<uint64_t>(whole(key, number(key, v), 0, kSeedMax));
        } else if (key == "init") {
            r.init = parse_init(text(key, v));
        } else if (key == "augment") {
            r.train.augment.enabled = flag(key, v);
        } else if (key == "loss") {
            r.train.loss.kind = parse_loss(text(key, v));
        } else if (key == "weightDecay") {
            r.train.optimizer.weight_decay = static_cast<float>(number(key, v));
        } else if (key == "cosine") {
            r.cosine_schedule = flag(key, v);
        } else if (key == "limit") {
            s.limit = static_cast<size_t>(whole(key, number(key, v), 0, kIntMax));
        } else {
            throw Error("unknown setting \"" + key + "\" (known: " + kKeys + ")");
        }
    }
    r.network = make_spec(hidden, activation, Activation::Softmax);
    return s;
}

}  // namespace digitnet::wasm
