// Image files for predict: PNG (libspng), binary PGM/PPM.
#include <cstdint>
#include <string>

#include "digitnet/image_file.hpp"
#include "digitnet/spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        digitnet::decode_image(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const digitnet::Error&) {
    }
    return 0;
}
