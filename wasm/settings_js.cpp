#include "settings_js.hpp"

using emscripten::val;

namespace digitnet::wasm {

namespace {

constexpr size_t kMaxKeys = 64, kMaxText = 1000;

val setting_to_js(const SettingValue& v) {
    switch (v.type) {
        case SettingValue::Type::Number: return val(v.number);
        case SettingValue::Type::Bool: return val(v.flag);
        case SettingValue::Type::Text: break;
    }
    return val(v.text);
}

const char* kind_name(SettingKind k) {
    switch (k) {
        case SettingKind::Integer: return "integer";
        case SettingKind::Number: return "number";
        case SettingKind::Choice: return "choice";
        case SettingKind::Flag: return "flag";
        case SettingKind::Layers: return "layers";
    }
    return "";
}

// The row of a known key, or null.
const SettingInfo* known_setting(const std::string& key) {
    for (const SettingInfo& s : setting_vocabulary())
        if (key == s.key) return &s;
    return nullptr;
}

// o[key] = value as o's own property, even for the key "__proto__" (which
// would set o's prototype instead, or nothing for a value that is not an object).
void set_own(val& o, const std::string& key, const val& value) {
    val property = val::object();
    property.set("value", value);
    property.set("enumerable", true);
    property.set("writable", true);
    property.set("configurable", true);
    val::global("Object").call<void>("defineProperty", o, key, property);
}

}  // namespace

Settings settings_from_js(const val& object) {
    if (object.typeOf().as<std::string>() != "object" || object.isNull() ||
        val::global("Array").call<bool>("isArray", object))
        throw SettingError("", "the settings must be an object of {name: value}");
    const val keys = val::global("Object").call<val>("keys", object);
    const size_t n = keys["length"].as<size_t>();
    if (n > kMaxKeys)
        throw SettingError("", "the settings have " + std::to_string(n) + " keys; there are far fewer settings");
    Settings out;
    for (size_t i = 0; i < n; ++i) {
        const val key = keys[i];
        if (key["length"].as<size_t>() > kMaxText) throw SettingError("", "a setting's name is too long");
        const std::string name = key.as<std::string>();
        const SettingInfo* info = known_setting(name);
        if (!info) {  // its value was not copied: apply_settings and check_settings refuse the key
            out.push_back({name, SettingValue{}});
            continue;
        }
        const val v = object[key];
        const std::string type = v.typeOf().as<std::string>();
        const std::string label = info->label;
        if (type == "number") {
            out.push_back({name, SettingValue::of(v.as<double>())});
        } else if (type == "boolean") {
            out.push_back({name, SettingValue::of(v.as<bool>())});
        } else if (type == "string") {
            if (v["length"].as<size_t>() > kMaxText)
                throw SettingError(name, label + " is too long (more than " + std::to_string(kMaxText) + " characters)");
            out.push_back({name, SettingValue::of(v.as<std::string>())});
        } else if (const val thrown = v["thrown"]; !thrown.isUndefined()) {
            throw SettingError(name, label + " could not be read: " + thrown.as<std::string>());
        } else {
            throw SettingError(name, label + " must be a number, a name or true/false, not " + v["type"].as<std::string>());
        }
    }
    return out;
}

val vocabulary_to_js() {
    const Recipe defaults = default_recipe();
    val settings = val::array();
    for (const SettingInfo& s : setting_vocabulary()) {
        val o = val::object();
        o.set("key", std::string(s.key));
        o.set("label", std::string(s.label));
        o.set("kind", std::string(kind_name(s.kind)));
        o.set("default", setting_to_js(setting_value(defaults, s.key)));
        if (s.kind == SettingKind::Integer || s.kind == SettingKind::Number) {
            o.set("min", s.min);
            o.set("max", s.max);
        }
        if (s.kind == SettingKind::Choice) {
            val choices = val::array();
            for (const std::string& c : s.choices) choices.call<void>("push", c);
            o.set("choices", choices);
        }
        o.set("help", std::string(s.help));
        o.set("onPage", s.on_page);
        settings.call<void>("push", o);
    }
    val rates = val::object(), inits = val::object();
    for (OptimizerKind k : {OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
        Recipe r = defaults;  // the rate as the learningRate setting shows it (0.002, not 0.0020000000949949026)
        r.train.optimizer.learning_rate = default_learning_rate(k);
        rates.set(to_string(k), setting_to_js(setting_value(r, "learningRate")));
    }
    for (Activation a : {Activation::ReLU, Activation::Tanh, Activation::Sigmoid, Activation::Identity})
        inits.set(to_string(a), std::string(to_string(default_init(a))));
    val networks = val::array();
    for (const NetworkChoice& c : network_choices()) {
        val o = val::object();
        o.set("name", std::string(c.name));
        o.set("layers", std::string(c.layers));
        o.set("epochs", c.epochs);
        o.set("about", std::string(c.about));
        networks.call<void>("push", o);
    }
    val v = val::object();
    v.set("settings", settings);
    v.set("networks", networks);
    v.set("learningRates", rates);
    v.set("initFor", inits);
    v.set("maxParameters", static_cast<double>(kMaxParameters));
    v.set("maxTrainingBytes", static_cast<double>(kMaxTrainingBytes));
    return v;
}

val settings_report_to_js(const SettingsReport& report) {
    val errors = val::object();
    for (const auto& [key, message] : report.errors) set_own(errors, key.empty() ? "settings" : key, val(message));
    val o = val::object();
    o.set("ok", report.errors.empty());
    o.set("errors", errors);
    if (report.errors.empty()) {
        o.set("parameters", static_cast<double>(report.parameters));
        o.set("bytes", static_cast<double>(report.training_bytes));
        o.set("flopsPerDigit", report.flops_per_digit);
        o.set("summary", report.recipe.network.describe());
    }
    return o;
}

val recipe_to_js(const Recipe& recipe) {
    val o = val::object();
    for (const SettingInfo& s : setting_vocabulary()) o.set(s.key, setting_to_js(setting_value(recipe, s.key)));
    return o;
}

}  // namespace digitnet::wasm
