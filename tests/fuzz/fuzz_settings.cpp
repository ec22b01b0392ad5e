// The module's settings text (configure): parsed natively, as the module does.
// Only parse_settings is named here, so this follows wherever it moves.
#include <cstdint>
#include <string>

#include "settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        digitnet::wasm::parse_settings(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const digitnet::Error&) {
    }
    return 0;
}
