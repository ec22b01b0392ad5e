#include <algorithm>
#include <cstdio>
#include <memory>

#include <stb/stb_image.h>

#include "commands.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/model_file.hpp"
#include "digitnet/preprocess.hpp"

namespace digitnet::cli {

namespace {
// The paper's gray level: the median of the image's border pixels.
uint8_t paper_level(const uint8_t* g, int w, int h) {
    std::vector<uint8_t> border;
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
    const Network net = load_model(read_file(model_path));
    net.spec().require_digit_shape();
    const std::string bytes = read_file(image_path);
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<uint8_t, void (*)(void*)> gray(
        stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &w, &h,
                              &channels, 1),
        stbi_image_free);
    if (!gray) throw Error("cannot read image " + image_path + ": " + stbi_failure_reason());
    const uint8_t paper = paper_level(gray.get(), w, h);
    bool bright;
    if (ink == "bright") bright = true;
    else if (ink == "dark") bright = false;
    else if (ink == "auto") bright = paper < 128;
    else throw Error("--ink must be bright, dark or auto");
    flatten_paper(gray.get(), static_cast<size_t>(w) * h, paper, bright);

    const std::vector<uint8_t> seen = preprocess_drawing(gray.get(), w, h, bright);
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
