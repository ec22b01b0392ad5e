// The settings vocabulary (the CLI's flags and the module's settings object):
// lines "key=value" given as text, checked field by field and applied whole.
#include <cstdint>
#include <sstream>
#include <string>

#include "digitnet/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace digitnet;
    std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
    Settings given;
    for (std::string line; std::getline(lines, line);) {
        const size_t eq = line.find('=');
        given.push_back({line.substr(0, eq), SettingValue::of(eq == std::string::npos ? "" : line.substr(eq + 1))});
    }
    check_settings(default_recipe(), given);
    try {
        apply_settings(default_recipe(), given).make_network();
    } catch (const Error&) {
    }
    return 0;
}
