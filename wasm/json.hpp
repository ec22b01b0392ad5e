#pragma once
// The little JSON the page and the module exchange: flat objects in (the
// settings), a network's architecture out.
#include <map>
#include <string>
#include <vector>

#include "digitnet/spec.hpp"

namespace digitnet::wasm {

// One value of a flat object: a number, a string, true/false, or an array of numbers.
struct JsonValue {
    enum class Kind { Number, String, Bool, NumberArray };
    Kind kind = Kind::Number;
    double number = 0.0;
    std::string text;
    bool flag = false;
    std::vector<double> numbers;
};

// {"key": value, ...} with the values above and nothing nested deeper.
// Throws Error naming the character where the text stops being such an object,
// or the key that appears twice.
std::map<std::string, JsonValue> parse_flat_object(const std::string& text);

// {"inputs":784,"inputScale":0.003921569,"layers":[{"units":128,"activation":"relu","bias":true},...]}
std::string architecture_json(const NetworkSpec& spec);

}  // namespace digitnet::wasm
