// A gzipped IDX images file, inflated as load_dataset does: held to what its
// header announces (here also to 1 MiB overall), then read with one label.
#include <cstdint>
#include <string>

#include "digitnet/file_io.hpp"
#include "digitnet/idx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace digitnet;
    static const std::string one_label("\0\0\x08\x01\0\0\0\x01\x07", 9);
    try {
        const std::string images = inflate_if_gzip(std::string(reinterpret_cast<const char*>(data), size), "images.gz",
                                                   ReadLimit{1 << 20, 16, idx_file_size});
        read_idx(images, one_label);
    } catch (const Error&) {
    }
    return 0;
}
