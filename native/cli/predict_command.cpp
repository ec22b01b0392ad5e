#include <cstdio>

#include "commands.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/image_file.hpp"
#include "digitnet/model_file.hpp"
#include "digitnet/polarity.hpp"
#include "digitnet/preprocess.hpp"

namespace digitnet::cli {

namespace {
constexpr uint64_t kMaxImageFileBytes = uint64_t{64} << 20;
}  // namespace

int predict_command(const std::string& model_path, const std::string& image_path, const std::string& ink) {
    Ink ink_rule;
    try {
        ink_rule = parse_ink(ink == "bright" ? "light" : ink);  // "bright": the flag's first name
    } catch (const Error& e) {
        throw Error(std::string("--ink: ") + e.what());
    }
    const Network net = load_model(read_file(model_path));
    net.spec().require_digit_shape();
    const std::string bytes = read_file(image_path, ReadLimit{kMaxImageFileBytes});
    RgbaImage image;
    try {
        image = decode_image(bytes);
    } catch (const Error& e) {
        throw Error("cannot read image " + image_path + ": " + e.what());
    }
    const InkReading read = read_ink(image.pixels.data(), image.width, image.height, ink_rule);
    const std::vector<uint8_t> seen = preprocess_drawing(read.gray.data(), image.width, image.height, false);
    Workspace ws;
    Matrix X;
    const std::vector<float> p = classify(net, seen.data(), ws, X);
    size_t best = 0;
    for (size_t k = 1; k < p.size(); ++k)
        if (p[k] > p[best]) best = k;
    std::printf("digit %zu\n", best);
    std::printf("read as %s\n", describe_ink(read.light_ink).c_str());
    for (size_t k = 0; k < p.size(); ++k) std::printf("  %zu: %.4f\n", k, static_cast<double>(p[k]));
    std::printf("the network saw (28x28):\n");
    const char* shades = " .:-=+*#%@";
    for (int y = 0; y < 28; ++y) {
        std::printf("  ");
        for (int x = 0; x < 28; ++x) std::putchar(shades[seen[static_cast<size_t>(y * 28 + x)] * 9 / 255]);
        std::putchar('\n');
    }
    return 0;
}

}  // namespace digitnet::cli
