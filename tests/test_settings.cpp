// The settings vocabulary shared by the CLI and the module: values checked by
// kind and range with messages that name the setting, the pairings of
// initializer with activation and learning rate with optimizer, every field's
// problem at once, and a recipe's values read back.
#include <catch2/catch.hpp>

#include <cmath>

#include "digitnet/settings.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {
SettingValue num(double v) { return SettingValue::of(v); }
SettingValue text(const char* v) { return SettingValue::of(std::string(v)); }
// The message of the SettingError that applying `given` throws, with its key.
std::pair<std::string, std::string> refusal(const Settings& given) {
    try {
        apply_settings(default_recipe(), given);
    } catch (const SettingError& e) {
        return {e.key, e.what()};
    }
    return {"", "(accepted)"};
}
}  // namespace

TEST_CASE("settings change only what they name", "[settings]") {
    const Recipe base = default_recipe();
    CHECK(apply_settings(base, {}).network.describe() == base.network.describe());
    const Recipe r = apply_settings(base, {{"layers", text("c8k5,p2,32")}, {"epochs", num(3)}, {"seed", text("7")}});
    CHECK(r.network.describe() == "1x28x28 c8k5,p2,32,10 relu/softmax");
    CHECK(r.epochs == 3);
    CHECK(r.train.seed == 7);
    CHECK(r.train.optimizer.kind == base.train.optimizer.kind);
    CHECK(r.train.optimizer.learning_rate == base.train.optimizer.learning_rate);
    CHECK(r.train.batch_size == base.train.batch_size);
    // Numbers as text (the CLI) and as numbers (the page) are the same setting.
    CHECK(apply_settings(base, {{"learningRate", text("0.01")}}).train.optimizer.learning_rate ==
          apply_settings(base, {{"learningRate", num(0.01)}}).train.optimizer.learning_rate);
}

TEST_CASE("an optimizer brings its learning rate and an activation its initializer, unless given", "[settings]") {
    const Recipe base = default_recipe();
    CHECK(apply_settings(base, {{"optimizer", text("sgd")}}).train.optimizer.learning_rate == 0.1f);
    CHECK(apply_settings(base, {{"optimizer", text("momentum")}}).train.optimizer.learning_rate == 0.02f);
    CHECK(apply_settings(base, {{"optimizer", text("sgd")}, {"learningRate", num(0.5)}}).train.optimizer.learning_rate ==
          0.5f);
    CHECK(apply_settings(base, {{"learningRate", num(0.5)}, {"optimizer", text("sgd")}}).train.optimizer.learning_rate ==
          0.5f);
    CHECK(apply_settings(base, {{"activation", text("tanh")}}).init == Init::Xavier);
    CHECK(apply_settings(base, {{"activation", text("relu")}}).init == Init::He);
    CHECK(apply_settings(base, {{"activation", text("tanh")}, {"init", text("uniform")}}).init == Init::Uniform);
    // The activation reaches every hidden layer with parameters, not the output.
    const Recipe t = apply_settings(base, {{"activation", text("tanh")}, {"layers", text("c4k3,p2,16")}});
    CHECK(t.network.layers[0].activation == Activation::Tanh);
    CHECK(t.network.layers[1].activation == Activation::Identity);  // the pool
    CHECK(t.network.layers[2].activation == Activation::Tanh);
    CHECK(t.network.layers[3].activation == Activation::Softmax);
}

TEST_CASE("refused settings name the setting and what is allowed", "[settings]") {
    CHECK(refusal({{"epochs", num(-1)}}) ==
          std::make_pair(std::string("epochs"), std::string("Epochs must be a whole number from 1 to 1000, not -1")));
    CHECK(refusal({{"epochs", num(2.5)}}).second == "Epochs must be a whole number from 1 to 1000, not 2.5");
    CHECK(refusal({{"epochs", text("")}}).second == "Epochs is empty: give a whole number from 1 to 1000");
    CHECK(refusal({{"epochs", SettingValue::of(true)}}).second == "Epochs must be a whole number from 1 to 1000");
    CHECK(refusal({{"epochs", num(1000000)}}).first == "epochs");
    CHECK(refusal({{"learningRate", text("abc")}}).second ==
          "Learning rate must be a number from 1e-07 to 100, not \"abc\"");
    CHECK(refusal({{"learningRate", num(0)}}).first == "learningRate");
    CHECK(refusal({{"learningRate", text("nan")}}).first == "learningRate");
    CHECK(refusal({{"batchSize", num(1.5)}}).first == "batchSize");
    CHECK(refusal({{"seed", num(-1)}}).second == "Seed must be a whole number from 0 to 9007199254740991, not -1");
    CHECK(refusal({{"seed", num(1e20)}}).first == "seed");
    CHECK(refusal({{"limit", num(-1)}}).first == "limit");
    CHECK(refusal({{"optimizer", text("rmsprop")}}).second ==
          "Optimizer must be one of adam, momentum, sgd, not \"rmsprop\"");
    CHECK(refusal({{"augment", num(1)}}).second == "Augmentation must be true or false");
    CHECK(refusal({{"colour", text("red")}}).first == "colour");
    CHECK_THAT(refusal({{"colour", text("red")}}).second, Contains("unknown setting \"colour\""));
    CHECK(refusal({{"epochs", num(2)}, {"epochs", num(3)}}).second == "Epochs is given twice");
    const auto layers = refusal({{"layers", text("16,,8")}});
    CHECK(layers.first == "layers");
    CHECK_THAT(layers.second, Contains("layer item 2 is empty"));
    CHECK_THAT(refusal({{"layers", text("c8k5,p2,c8k5,p2,c8k5")}}).second,
               Contains("layer 5 (c8k5): a 5x5 conv does not fit"));
    const auto big = refusal({{"layers", text("65535,65535,65535")}});
    CHECK(big.first == "layers");
    CHECK_THAT(big.second, Contains("MB") && Contains("limit"));
    const auto memory = refusal({{"layers", text("c256k3s,c256k3s")}, {"batchSize", num(4096)}});
    CHECK(memory.first == "layers");
    CHECK_THAT(memory.second, Contains("would need about") && Contains("MB of memory"));
    CHECK(refusal({{"loss", text("batch-softmax-squared-error")}}).first == "loss");  // needs an identity output
}

TEST_CASE("check_settings gives every field's problem at once and the network's size", "[settings]") {
    const SettingsReport bad = check_settings(
        default_recipe(), {{"layers", text("16,,8")}, {"epochs", num(-1)}, {"learningRate", text("abc")}, {"seed", num(0)}});
    CHECK(bad.errors.size() == 3);
    CHECK(bad.errors.count("layers"));
    CHECK(bad.errors.count("epochs"));
    CHECK(bad.errors.count("learningRate"));
    const SettingsReport good = check_settings(default_recipe(), {{"layers", text("c16k5,p2,c32k5,p2,128")}});
    CHECK(good.errors.empty());
    // 16*25+16 + 32*400+32 + 512*128+128 + 128*10+10
    CHECK(good.parameters == 416 + 12832 + 65664 + 1290);
    CHECK(good.flops_per_digit == 2.0 * (24 * 24 * 16 * 25 + 8 * 8 * 32 * 400 + 512 * 128 + 128 * 10));
    CHECK(good.training_bytes == good.recipe.network.training_bytes(32));
    // Memory weighs the layers with the batch: too much at the default batch of 32, fine at 4.
    const Settings wide{{"layers", text("c512k5s,c512k5s")}};
    CHECK(check_settings(default_recipe(), wide).errors.count("layers"));
    Settings small_batch = wide;
    small_batch.push_back({"batchSize", num(4)});
    CHECK(check_settings(default_recipe(), small_batch).errors.empty());
    CHECK_NOTHROW(apply_settings(default_recipe(), small_batch));
}

TEST_CASE("a recipe's settings read back as the values that make it", "[settings]") {
    const Recipe r = apply_settings(default_recipe(), {{"layers", text("c8k5s,p2,d0.25,64")},
                                                       {"optimizer", text("momentum")},
                                                       {"learningRate", num(0.002)},
                                                       {"augment", SettingValue::of(false)},
                                                       {"warp", num(1.5)}});
    CHECK(setting_value(r, "layers").text == "c8k5s,p2,d0.25,64");
    CHECK(setting_value(r, "optimizer").text == "momentum");
    CHECK(setting_value(r, "learningRate").number == 0.002);  // not 0.0020000000949949026
    CHECK(setting_value(r, "warp").number == 1.5);
    CHECK_FALSE(setting_value(r, "augment").flag);
    // Applying every value read back from a recipe gives the same recipe.
    Settings all;
    for (const SettingInfo& s : setting_vocabulary())
        if (std::string(s.key) != "steps") all.push_back({s.key, setting_value(r, s.key)});
    const Recipe again = apply_settings(default_recipe(), all);
    CHECK(again.network.describe() == r.network.describe());
    CHECK(again.train.optimizer.learning_rate == r.train.optimizer.learning_rate);
    CHECK(again.train.augment.max_warp == r.train.augment.max_warp);
    CHECK(again.init == r.init);
}

TEST_CASE("the named networks are valid layer texts", "[settings]") {
    for (const NetworkChoice& c : network_choices()) {
        INFO(c.name);
        CHECK_NOTHROW(apply_settings(default_recipe(), {{"layers", text(c.layers)}, {"epochs", num(c.epochs)}}));
    }
}

namespace {
// Values worth trying for a setting: its ends and middle, every choice, both flags, some layers.
std::vector<SettingValue> candidates(const SettingInfo& s) {
    switch (s.kind) {
        case SettingKind::Integer: return {num(s.min), num(s.max), num(std::floor((s.min + s.max) / 2)), num(s.min + 1)};
        case SettingKind::Number: return {num(s.min), num(s.max), num(s.max / 2)};
        case SettingKind::Choice: {
            std::vector<SettingValue> all;
            for (const std::string& c : s.choices) all.push_back(SettingValue::of(c));
            return all;
        }
        case SettingKind::Flag: return {SettingValue::of(true), SettingValue::of(false)};
        case SettingKind::Layers: return {text("16"), text("c8k5,p2,32"), text("d0.5,64")};
    }
    return {};
}
bool same(const SettingValue& a, const SettingValue& b) {
    return a.type == b.type && a.number == b.number && a.text == b.text && a.flag == b.flag;
}
}  // namespace

TEST_CASE("every setting's value is read back as it was set, for every row of the vocabulary", "[settings]") {
    // Squared error, so that every output activation can be tried.
    const Recipe base = apply_settings(default_recipe(), {{"loss", text("squared-error")}});
    for (const SettingInfo& s : setting_vocabulary()) {
        INFO(s.key);
        CHECK(&find_setting(s.key) == &s);
        CHECK(std::string(s.flag).rfind("--", 0) == 0);
        CHECK(std::string(s.label) != "");
        CHECK(std::string(s.help) != "");
        CHECK((s.kind == SettingKind::Choice) == !s.choices.empty());
        const SettingValue before = setting_value(base, s.key);
        CHECK(same(setting_value(apply_settings(base, {{s.key, before}}), s.key), before));
        int changed = 0;  // values that are not the default's, accepted and read back
        for (const SettingValue& value : candidates(s)) {
            INFO(value.text << value.number << value.flag);
            const SettingsReport report = check_settings(base, {{s.key, value}});
            if (!report.errors.empty()) continue;  // e.g. a loss that does not fit the default's output
            CHECK(same(setting_value(report.recipe, s.key), value));
            changed += !same(value, before);
        }
        CHECK(changed > 0);
    }
}

TEST_CASE("the page's settings are rows of the vocabulary, in its order", "[settings]") {
    std::vector<std::string> page;
    for (const SettingInfo& s : setting_vocabulary())
        if (s.on_page) page.push_back(s.key);
    CHECK(page == std::vector<std::string>{"layers", "activation", "optimizer", "learningRate", "batchSize", "epochs",
                                           "seed", "augment"});
}

TEST_CASE("text with a control character is refused whole, not cut short at a NUL", "[settings]") {
    CHECK(refusal({{"layers", SettingValue::of(std::string("c8k5,\0p2", 8))}}) ==
          std::make_pair(std::string("layers"),
                         std::string("Layers holds a control character (code 0) at character 6: write it without one")));
    CHECK(refusal({{"optimizer", text("ad\x01"
                                      "am")}})
              .second == "Optimizer holds a control character (code 1) at character 3: write it without one");
    CHECK(refusal({{"epochs", text("1\n")}}).second ==
          "Epochs holds a control character (code 10) at character 2: write it without one");
    CHECK(refusal({{"layers", text("\xc3\xa9\x7f")}}).second ==
          "Layers holds a control character (code 127) at character 2: write it without one");
    CHECK_NOTHROW(apply_settings(default_recipe(), {{"epochs", text("\t3 ")}}));
}
