#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "commands.hpp"
#include "digitnet/augment.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/preprocess.hpp"

namespace digitnet::cli {

namespace {
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) { return std::chrono::duration<double>(clock_type::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Median GFLOP/s of C = A B for 1024x1024 floats (2 n^3 FLOPs) over the time budget.
double matmul_gflops(double seconds) {
    const int n = 1024;
    Matrix A = Matrix::Random(n, n), B = Matrix::Random(n, n), C(n, n);
    C.noalias() = A * B;  // warm up
    std::vector<double> rates;
    const auto start = clock_type::now();
    do {
        const auto t0 = clock_type::now();
        C.noalias() = A * B;
        rates.push_back(2.0 * n * n * n / seconds_since(t0) / 1e9);
    } while (seconds_since(start) < seconds || rates.size() < 5);
    return median(rates);
}

// Median training samples/s of a network (SGD) at one batch size: slices of
// about 3,200 samples over the time budget, after a warm-up slice.
double training_rate(const Dataset& data, const NetworkSpec& spec, int batch, double seconds) {
    Network net(spec);
    Rng rng(1);
    net.initialize(Init::He, rng);
    TrainConfig cfg;
    cfg.optimizer.learning_rate = 0.01f;
    cfg.batch_size = batch;
    Trainer trainer(net, data, cfg);
    const long slice = std::max(1, 3200 / batch);
    trainer.run(slice);
    std::vector<double> rates;
    const auto start = clock_type::now();
    do {
        const auto t0 = clock_type::now();
        trainer.run(slice);
        rates.push_back(static_cast<double>(slice * batch) / seconds_since(t0));
    } while (seconds_since(start) < seconds || rates.size() < 5);
    return median(rates);
}

// Microseconds per call of f, best of several rounds of `calls` calls.
template <class F>
double best_microseconds(int calls, F&& f) {
    double best = 1e30;
    for (int round = 0; round < 20; ++round) {
        const auto t0 = clock_type::now();
        for (int i = 0; i < calls; ++i) f();
        best = std::min(best, seconds_since(t0) * 1e6 / calls);
    }
    return best;
}

// A 280x280 canvas with a ring drawn in dark ink, as the page would hand it over.
std::vector<uint8_t> drawn_ring() {
    std::vector<uint8_t> gray(280 * 280, 255);
    for (int y = 0; y < 280; ++y)
        for (int x = 0; x < 280; ++x) {
            const double r = std::hypot(x - 140.0, (y - 140.0) * 0.7);
            if (r > 60 && r < 80) gray[static_cast<size_t>(y * 280 + x)] = 0;
        }
    return gray;
}

// FLOPs of one training sample (multiply-add = 2) in the layers' products:
// forward Z = A W^T, and backward dW = dZ^T A and dA = dZ W for every layer
// but the first (a conv layer does each once per output pixel).
double flops_per_sample(const Network& net) {
    double f = 0.0;
    for (int l = 0; l < net.layer_count(); ++l) {
        const Shape out = net.out_shape(l);
        const double rows = net.layer(l).kind == LayerKind::Conv ? static_cast<double>(out.height) * out.width : 1.0;
        const double mac = rows * net.units(l) * net.fan_in(l);
        f += 2.0 * mac * (l == 0 ? 2 : 3);
    }
    return f;
}
}  // namespace

int bench_command(const std::string& train_path, double seconds) {
    const Dataset data = load_dataset(train_path);
    const NetworkSpec mlp = make_spec({128}, Activation::ReLU, Activation::Softmax);
    Network net(mlp);
    Rng rng(1);
    net.initialize(Init::He, rng);
    const double flops = flops_per_sample(net);

    std::printf("training 784-128-10 relu/softmax, SGD, on %zu digits (%.3f MFLOP/sample; medians)\n", data.size(),
                flops / 1e6);
    double rate32 = 0.0;
    for (int batch : {1, 32, 128}) {
        const double rate = training_rate(data, mlp, batch, seconds);
        if (batch == 32) rate32 = rate;
        std::printf("  batch %3d: %9.0f samples/s  %6.1f GFLOP/s\n", batch, rate, rate * flops / 1e9);
    }
    std::printf("training CNNs relu/softmax, SGD, batch 32:\n");
    std::vector<double> cnn_gflops;
    for (const char* layers : {"c8k5,p2,c16k5,p2", "c16k5,p2,c32k5,p2,128"}) {
        const NetworkSpec spec = make_spec(parse_layers(layers, Activation::ReLU), Activation::Softmax, true, {1, 28, 28});
        const double f = flops_per_sample(Network(spec));
        const double rate = training_rate(data, spec, 32, seconds);
        cnn_gflops.push_back(rate * f / 1e9);
        std::printf("  %-24s %9.0f samples/s  %6.1f GFLOP/s  (%.2f MFLOP/sample)\n", layers, rate, rate * f / 1e9, f / 1e6);
    }
    const double peak = matmul_gflops(seconds);
    std::printf("1024x1024 float matrix product (same run): %.1f GFLOP/s\n", peak);
    std::printf(
        "ratio training (batch 32) / matrix product: 784-128-10 %.2f, c8k5,p2,c16k5,p2 %.2f, "
        "c16k5,p2,c32k5,p2,128 %.2f\n",
        rate32 * flops / 1e9 / peak, cnn_gflops[0] / peak, cnn_gflops[1] / peak);

    const std::vector<uint8_t> canvas = drawn_ring();
    std::vector<uint8_t> seen;
    Workspace ws;
    Matrix X;
    const double prep = best_microseconds(50, [&] { seen = preprocess_drawing(canvas.data(), 280, 280, false); });
    const double fwd = best_microseconds(200, [&] { classify(net, seen.data(), ws, X); });
    std::printf("drawn 280x280 canvas: preprocessing %.3f ms, forward pass %.3f ms\n", prep / 1e3, fwd / 1e3);
    std::vector<float> row(784);
    AugmentSpec augment;
    const double aug =
        best_microseconds(1000, [&] { augment_image(data.image(0), 28, 28, augment, rng, 1.0f, row.data()); });
    std::printf("augmenting one 28x28 training digit: %.2f us\n", aug);
    return 0;
}

}  // namespace digitnet::cli
