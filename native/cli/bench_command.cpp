#include <chrono>
#include <cmath>
#include <cstdio>

#include "commands.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/augment.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/preprocess.hpp"

namespace digitnet::cli {

namespace {
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) {
    return std::chrono::duration<double>(clock_type::now() - t0).count();
}

// GFLOP/s of C = A B for 1024x1024 floats (2 n^3 FLOPs), best of a few runs.
double matmul_gflops(double seconds) {
    const int n = 1024;
    Matrix A = Matrix::Random(n, n), B = Matrix::Random(n, n), C(n, n);
    double best = 0.0;
    const auto start = clock_type::now();
    do {
        const auto t0 = clock_type::now();
        C.noalias() = A * B;
        best = std::max(best, 2.0 * n * n * n / seconds_since(t0) / 1e9);
    } while (seconds_since(start) < seconds);
    if (!std::isfinite(C(0, 0))) std::printf("unexpected matrix product result\n");
    return best;
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

// FLOPs of one training sample (multiply-add = 2): forward Z = A W^T, and
// backward dW = dZ^T A and dA = dZ W for every layer but the first.
double flops_per_sample(const Network& net) {
    double f = 0.0;
    for (int l = 0; l < net.layer_count(); ++l) {
        const double mac = static_cast<double>(net.units(l)) * net.fan_in(l);
        f += 2.0 * mac * (l == 0 ? 2 : 3);
    }
    return f;
}
}  // namespace

int bench_command(const std::string& train_path, double seconds) {
    const Dataset data = load_dataset(train_path);
    Network net(make_spec({128}, Activation::ReLU, Activation::Softmax));
    Rng rng(1);
    net.initialize(Init::He, rng);
    TrainConfig cfg;
    cfg.optimizer.learning_rate = 0.01f;
    cfg.batch_size = 32;
    Trainer trainer(net, data, cfg);
    trainer.run(50);  // warm up: caches, buffers

    // Best of slices of 100 batches, over the time budget.
    double best = 0.0;
    const auto start = clock_type::now();
    do {
        const auto t0 = clock_type::now();
        trainer.run(100);
        best = std::max(best, 100.0 * cfg.batch_size / seconds_since(t0));
    } while (seconds_since(start) < seconds);
    const double flops = flops_per_sample(net);
    const double train_gflops = best * flops / 1e9;
    const double peak = matmul_gflops(seconds / 2);

    std::printf("training 784-128-10 relu/softmax, SGD, batch 32, on %zu digits\n", data.size());
    std::printf("  %.0f samples/s, %.3f MFLOP/sample, %.1f GFLOP/s\n", best, flops / 1e6, train_gflops);
    std::printf("1024x1024 float matrix product (same run): %.1f GFLOP/s\n", peak);
    std::printf("ratio training / matrix product: %.2f\n", train_gflops / peak);

    const std::vector<uint8_t> canvas = drawn_ring();
    std::vector<uint8_t> seen;
    Workspace ws;
    Matrix X;
    const double prep = best_microseconds(50, [&] { seen = preprocess_drawing(canvas.data(), 280, 280, false); });
    const double fwd = best_microseconds(200, [&] { classify(net, seen.data(), ws, X); });
    std::printf("drawn 280x280 canvas: preprocessing %.3f ms, forward pass %.3f ms\n", prep / 1e3, fwd / 1e3);
    std::vector<float> row(784);
    AugmentSpec augment;
    const double aug = best_microseconds(1000, [&] { augment_image(data.image(0), 28, 28, augment, rng, 1.0f, row.data()); });
    std::printf("augmenting one 28x28 training digit: %.2f us\n", aug);
    return 0;
}

}  // namespace digitnet::cli
