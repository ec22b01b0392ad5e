// Kaggle CSV text: read_csv must refuse anything malformed with an Error.
#include <cstdint>
#include <string>

#include "digitnet/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        digitnet::read_csv(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const digitnet::Error&) {
    }
    return 0;
}
