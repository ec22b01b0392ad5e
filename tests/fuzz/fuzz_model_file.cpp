// Model files: load_model must refuse anything that is not a model with an
// Error, never crash, read out of bounds or allocate what a header claims.
#include <cstdint>
#include <string>

#include "digitnet/model_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        digitnet::load_model(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const digitnet::Error&) {
    }
    return 0;
}
