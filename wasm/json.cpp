#include "json.hpp"

#include <cstdlib>
#include <sstream>

namespace digitnet::wasm {

namespace {

// A cursor over the text; every failure names the character it stopped at.
class Reader {
public:
    explicit Reader(const std::string& s) : s_(s) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw Error("the settings are not a flat JSON object: " + what + " at character " + std::to_string(i_ + 1));
    }
    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    bool at_end() {
        skip_space();
        return i_ == s_.size();
    }
    char peek() {
        skip_space();
        return i_ < s_.size() ? s_[i_] : '\0';
    }
    void expect(char c) {
        if (peek() != c) fail(std::string("expected '") + c + "'");
        ++i_;
    }
    bool accept(char c) {
        if (peek() != c) return false;
        ++i_;
        return true;
    }

    std::string string() {
        expect('"');
        std::string out;
        while (i_ < s_.size() && s_[i_] != '"') {
            char c = s_[i_++];
            if (c == '\\') {
                if (i_ == s_.size()) break;
                c = s_[i_++];
                if (c != '"' && c != '\\' && c != '/') fail("unsupported escape \\" + std::string(1, c));
            }
            out += c;
        }
        if (i_ == s_.size()) fail("unterminated string");
        ++i_;
        return out;
    }

    double number() {
        skip_space();
        const char* start = s_.c_str() + i_;
        char* end = nullptr;
        const double v = std::strtod(start, &end);
        if (end == start || !(*start == '-' || (*start >= '0' && *start <= '9'))) fail("expected a value");
        i_ += static_cast<size_t>(end - start);
        return v;
    }

    bool word(const char* w) {
        skip_space();
        const std::string ws(w);
        if (s_.compare(i_, ws.size(), ws) != 0) return false;
        i_ += ws.size();
        return true;
    }

    JsonValue value() {
        JsonValue v;
        const char c = peek();
        if (c == '"') {
            v.kind = JsonValue::Kind::String;
            v.text = string();
        } else if (c == '[') {
            v.kind = JsonValue::Kind::NumberArray;
            ++i_;
            if (!accept(']')) {
                do v.numbers.push_back(number());
                while (accept(','));
                expect(']');
            }
        } else if (word("true")) {
            v.kind = JsonValue::Kind::Bool;
            v.flag = true;
        } else if (word("false")) {
            v.kind = JsonValue::Kind::Bool;
        } else {
            v.number = number();
        }
        return v;
    }

private:
    const std::string& s_;
    size_t i_ = 0;
};

}  // namespace

std::map<std::string, JsonValue> parse_flat_object(const std::string& text) {
    Reader r(text);
    std::map<std::string, JsonValue> object;
    r.expect('{');
    if (!r.accept('}')) {
        do {
            const std::string key = r.string();
            r.expect(':');
            if (!object.emplace(key, r.value()).second) r.fail("the key \"" + key + "\" appears twice");
        } while (r.accept(','));
        r.expect('}');
    }
    if (!r.at_end()) r.fail("unexpected text after the object");
    return object;
}

std::string architecture_json(const NetworkSpec& spec) {
    std::ostringstream s;
    s.precision(9);  // enough digits to give back every float exactly
    s << "{\"inputs\":" << spec.inputs() << ",\"inputScale\":" << spec.input_scale << ",\"layers\":[";
    for (size_t l = 0; l < spec.layers.size(); ++l) {
        const LayerSpec& layer = spec.layers[l];
        s << (l ? "," : "") << "{\"units\":" << layer.units << ",\"activation\":\"" << to_string(layer.activation)
          << "\",\"bias\":" << (layer.bias ? "true" : "false") << "}";
    }
    s << "]}";
    return s.str();
}

}  // namespace digitnet::wasm
