// Model files: load_model must refuse anything that is not a model with an
// Error, never crash, read out of bounds or allocate what a header claims.
//
// The input's last 4 bytes are first replaced by the checksum of the rest, so
// that mutated files get past the CRC check and reach the layer records, the
// shapes, the cost limits and the parameters (the checksum's own refusal is a
// unit test's). A network that loads then reads two inputs (if that costs
// little: the fuzzer must stay fast), and saving it must give a file that loads
// as the same network and saves to the same bytes: the input itself when it
// was a version-2 file. Any difference aborts.
//
// Seeds (corpus/model_file/): version-1 dense files and version-2 files of
// every layer kind, both paddings, with and without biases (make_model_seeds.sh).
//
// PNG decoding, for fuzz_image: the system libspng is not built with the
// fuzzer's instrumentation, so libFuzzer sees only digitnet's side of
// decode_image (coverage stays about 175) and cannot steer inputs through
// libspng's chunk parser. To see into it, build libspng from its Debian source
// (apt-get source libspng) with clang -fsanitize=fuzzer-no-link,address,undefined
// and link fuzz_image against that static library instead of pkg-config's spng.
#include <cstdint>
#include <cstring>
#include <string>

#include "digitnet/model_file.hpp"

namespace {
constexpr double kMaxFuzzMacs = 2e6;
constexpr int64_t kMaxFuzzFloats = 1'000'000;

void require(bool ok) {
    if (!ok) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.size() >= 8) {
        const uint32_t crc = digitnet::crc32(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size() - 4);
        for (int i = 0; i < 4; ++i) bytes[bytes.size() - 4 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
    }
    try {
        const digitnet::Network net = digitnet::load_model(bytes);
        const digitnet::NetworkSpec& spec = net.spec();
        if (spec.forward_macs() <= kMaxFuzzMacs && spec.inference_floats_per_sample() <= kMaxFuzzFloats) {
            digitnet::Workspace ws;
            const digitnet::Matrix X = digitnet::Matrix::Constant(2, spec.inputs(), 0.5f);
            const digitnet::Matrix& A = net.forward(X, ws);
            require(A.rows() == 2 && A.cols() == spec.outputs());
        }
        const std::string saved = digitnet::save_model(net);
        const digitnet::Network back = digitnet::load_model(saved);
        require(back.params() == net.params());
        require(digitnet::save_model(back) == saved);
        const bool version2 = bytes.size() >= 8 && bytes[4] == 2 && bytes[5] == 0 && bytes[6] == 0 && bytes[7] == 0;
        require(!version2 || saved == bytes);
    } catch (const digitnet::Error&) {
    }
    return 0;
}
