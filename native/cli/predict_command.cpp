#include <algorithm>
#include <cstdio>

#include "commands.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/image_file.hpp"
#include "digitnet/model_file.hpp"
#include "digitnet/preprocess.hpp"

namespace digitnet::cli {

namespace {
constexpr uint64_t kMaxImageFileBytes = uint64_t{64} << 20;

// The paper's gray level: the median of the image's border pixels.
uint8_t paper_level(const uint8_t* g, int w, int h) {
    std::vector<uint8_t> border;  // w, h >= 1 (decode_image)
    for (int x = 0; x < w; ++x) border.push_back(g[x]), border.push_back(g[(h - 1) * w + x]);
    for (int y = 0; y < h; ++y) border.push_back(g[y * w]), border.push_back(g[y * w + w - 1]);
    std::nth_element(border.begin(), border.begin() + border.size() / 2, border.end());
    return border[border.size() / 2];
}

// Stretches the levels so the paper becomes pure white (dark ink) or black
// (bright ink): gray paper is then background, not ink.
void flatten_paper(uint8_t* g, size_t n, int paper, bool ink_bright) {
    for (size_t i = 0; i < n; ++i) {
        const int v = ink_bright ? std::max(0, g[i] - paper) * 255 / std::max(1, 255 - paper)
                                 : 255 - std::max(0, paper - g[i]) * 255 / std::max(1, paper);
        g[i] = static_cast<uint8_t>(v);
    }
}
}  // namespace

int predict_command(const std::string& model_path, const std::string& image_path, const std::string& ink) {
    if (ink != "bright" && ink != "dark" && ink != "auto") throw Error("--ink must be bright, dark or auto");
    const Network net = load_model(read_file(model_path));
    net.spec().require_digit_shape();
    const std::string bytes = read_file(image_path, ReadLimit{kMaxImageFileBytes});
    GrayImage image;
    try {
        image = decode_image(bytes);
    } catch (const Error& e) {
        throw Error("cannot read image " + image_path + ": " + e.what());
    }
    const int w = image.width, h = image.height;
    uint8_t* gray = image.pixels.data();
    const uint8_t paper = paper_level(gray, w, h);
    const bool bright = ink == "bright" || (ink == "auto" && paper < 128);
    flatten_paper(gray, image.pixels.size(), paper, bright);

    const std::vector<uint8_t> seen = preprocess_drawing(gray, w, h, bright);
    Workspace ws;
    Matrix X;
    const std::vector<float> p = classify(net, seen.data(), ws, X);
    size_t best = 0;
    for (size_t k = 1; k < p.size(); ++k)
        if (p[k] > p[best]) best = k;
    std::printf("digit %zu\n", best);
    for (size_t k = 0; k < p.size(); ++k) std::printf("  %zu: %.4f\n", k, static_cast<double>(p[k]));
    std::printf("the network saw (28x28, %s ink):\n", bright ? "bright" : "dark");
    const char* shades = " .:-=+*#%@";
    for (int y = 0; y < 28; ++y) {
        std::printf("  ");
        for (int x = 0; x < 28; ++x) std::putchar(shades[seen[static_cast<size_t>(y * 28 + x)] * 9 / 255]);
        std::putchar('\n');
    }
    return 0;
}

}  // namespace digitnet::cli
