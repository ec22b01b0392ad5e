#pragma once
// The vocabulary of a training run: every setting a person can give, under the
// same key in the page's settings object and the CLI's flags, with its limits
// and pairings (the initializer that suits an activation, the learning rate
// that suits an optimizer). The CLI and the WebAssembly module both read it,
// and the module hands it to the page, so that no front end restates it.
// Defaults are default_recipe()'s values (or a preset's, for the CLI).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "digitnet/recipe.hpp"

namespace digitnet {

enum class SettingKind : uint8_t { Integer, Number, Choice, Flag, Layers };

// A value as a front end hands it over: a JS number, string or boolean, or the
// CLI's text. Integer and Number settings take numbers or text that is one.
struct SettingValue {
    enum class Type : uint8_t { Number, Text, Bool };
    Type type = Type::Text;
    double number = 0.0;
    std::string text;
    bool flag = false;
    static SettingValue of(double v);
    static SettingValue of(std::string v);
    static SettingValue of(bool v);
};

struct RecipeView;  // a recipe as the settings read and write it (settings.cpp)

// One setting: everything every front end needs about it, and how it reads and
// writes a recipe. Adding a setting is adding a row to setting_vocabulary().
struct SettingInfo {
    const char* key;    // "learningRate": the page's and the module's name
    const char* flag;   // "--lr": the CLI's
    const char* label;  // "Learning rate": what a person reads
    SettingKind kind;
    double min = 0, max = 0;           // Integer and Number: the allowed range, both ends included
    std::vector<std::string> choices;  // Choice
    const char* help = "";
    // The recipe's value, and the recipe with a value applied. The value set is
    // already checked: a number (Integer, Number), a choice or text (Choice,
    // Layers) or true/false (Flag). Settings are applied in the table's order,
    // so a setting can set a default for one further down (an optimizer's
    // learning rate) that a value given for that one then replaces.
    SettingValue (*get)(const RecipeView&) = nullptr;
    void (*set)(RecipeView&, const SettingValue&) = nullptr;
    bool on_page = false;             // a field of the page's settings form
    const char* off_alias = nullptr;  // Flag: another CLI name for --no-<flag> ("--constant-lr")
};

// Named networks a person can pick instead of writing layers: the page offers
// them, each with the epochs that suit it. The first is the default's.
struct NetworkChoice {
    const char* name;    // "Small CNN"
    const char* layers;  // in the layer grammar
    int epochs;
    const char* about;  // one line for people
};
const std::vector<NetworkChoice>& network_choices();

// Every setting, in the order the CLI's help lists them and the page shows them.
const std::vector<SettingInfo>& setting_vocabulary();
// Throws Error listing the known keys.
const SettingInfo& find_setting(const std::string& key);

// Settings in the order given; a key may appear once.
using Settings = std::vector<std::pair<std::string, SettingValue>>;

// A refused setting: what() is the sentence for a person, key says which field.
struct SettingError : Error {
    SettingError(std::string key, const std::string& message) : Error(message), key(std::move(key)) {}
    std::string key;
};

Init default_init(Activation hidden);        // He for ReLU, Xavier for the others
float default_learning_rate(OptimizerKind);  // SGD 0.1, momentum 0.02, Adam 0.004

// The base recipe with the settings applied. Pairings: a new activation without
// an initializer brings default_init's; a new optimizer without a learning rate
// brings default_learning_rate's. Throws SettingError for the first value that
// is of the wrong type, out of range, not a known name, a network that cannot
// be built or trained within the memory limit, or a loss that does not fit the output.
Recipe apply_settings(const Recipe& base, const Settings& given);

// Every problem at once, for a form checked as a person types.
struct SettingsReport {
    std::map<std::string, std::string> errors;  // key -> message; empty when the settings are good
    Recipe recipe;                              // the recipe they make, when they are good
    int64_t parameters = 0;
    int64_t training_bytes = 0;    // memory a training run of it holds
    double flops_per_digit = 0.0;  // forward pass, a multiply-add counted as 2
};
SettingsReport check_settings(const Recipe& base, const Settings& given);

// The recipe's value of a setting (what a form shows for it).
SettingValue setting_value(const Recipe& r, const std::string& key);

}  // namespace digitnet
