// IDX images and labels: the first two bytes say where the input splits into
// the images file and the labels file.
#include <algorithm>
#include <cstdint>
#include <string>

#include "digitnet/idx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) return 0;
    const std::string rest(reinterpret_cast<const char*>(data) + 2, size - 2);
    const size_t split = std::min<size_t>(rest.size(), data[0] | (data[1] << 8));
    try {
        digitnet::read_idx(rest.substr(0, split), rest.substr(split));
    } catch (const digitnet::Error&) {
    }
    return 0;
}
