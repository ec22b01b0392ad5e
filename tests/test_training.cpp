// Training end to end on tiny problems: XOR must be solved by every
// optimizer; training is deterministic for a seed; divergence is refused and
// undone; evaluation counts right.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "digitnet/evaluate.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/trainer.hpp"

using namespace digitnet;

namespace {
// XOR as four 1x2 "images" (0 or 255), repeated so epochs have several batches.
Dataset xor_set(int copies = 8) {
    Dataset d;
    d.rows = 1;
    d.cols = 2;
    for (int c = 0; c < copies; ++c)
        for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 2; ++b) {
                d.images.push_back(static_cast<uint8_t>(255 * a));
                d.images.push_back(static_cast<uint8_t>(255 * b));
                d.labels.push_back(static_cast<uint8_t>(a ^ b));
            }
    return d;
}

Network xor_net(uint64_t seed) {
    Network net(make_spec({8}, Activation::Tanh, Activation::Softmax, true, 2, 2));
    Rng rng(seed);
    net.initialize(Init::Xavier, rng);
    return net;
}
}  // namespace

TEST_CASE("XOR is learned by SGD, momentum and Adam", "[training]") {
    const Dataset data = xor_set();
    struct Case {
        OptimizerKind kind;
        float lr;
    };
    for (Case c : {Case{OptimizerKind::SGD, 0.5f}, Case{OptimizerKind::Momentum, 0.1f}, Case{OptimizerKind::Adam, 0.03f}}) {
        INFO("optimizer " << to_string(c.kind));
        Network net = xor_net(1);
        TrainConfig cfg;
        cfg.optimizer.kind = c.kind;
        cfg.optimizer.learning_rate = c.lr;
        cfg.batch_size = 4;
        Trainer t(net, data, cfg);
        const double first = t.run(1).loss;
        const Progress p = t.run(1500);
        CHECK(p.loss < 0.05);
        CHECK(p.loss < first);
        const Evaluation e = evaluate(net, data, cfg.loss);
        CHECK(e.accuracy == 1.0);
    }
}

TEST_CASE("squared error on sigmoid outputs learns XOR too (network.py style)", "[training]") {
    Network net(make_spec({8}, Activation::Sigmoid, Activation::Sigmoid, true, 2, 2));
    Rng rng(4);
    net.initialize(Init::Normal, rng);
    TrainConfig cfg;
    cfg.loss = {LossKind::SquaredError, 1.0f};
    cfg.optimizer.learning_rate = 3.0f;
    cfg.batch_size = 1;
    const Dataset data = xor_set();
    Trainer t(net, data, cfg);
    t.run(4000);
    CHECK(evaluate(net, data, cfg.loss).accuracy == 1.0);
}

TEST_CASE("the same seed trains to the same weights and progress is counted", "[training]") {
    const Dataset data = xor_set(5);  // 20 samples
    TrainConfig cfg;
    cfg.batch_size = 6;  // 4 batches an epoch, the last one short
    cfg.seed = 77;
    Network a = xor_net(2), b = xor_net(2);
    Trainer ta(a, data, cfg), tb(b, data, cfg);
    REQUIRE(ta.batches_per_epoch() == 4);
    ta.run(10);
    tb.run(3);
    const Progress p = tb.run(7);  // slices add up to the same run
    CHECK(a.params() == b.params());
    CHECK(p.batches == 10);
    CHECK(p.epoch == 2);
    CHECK(p.samples == 2 * 20 + 2 * 6);
    CHECK(p.epochs == Approx(2.6));
}

TEST_CASE("full-batch, per-sample and with-replacement sampling all train", "[training]") {
    const Dataset data = xor_set();
    for (Sampling s : {Sampling::InOrder, Sampling::Shuffled, Sampling::WithReplacement}) {
        for (int batch : {1, 5, 1000}) {
            Network net = xor_net(3);
            TrainConfig cfg;
            cfg.optimizer.kind = OptimizerKind::Adam;
            cfg.optimizer.learning_rate = 0.02f;
            cfg.sampling = s;
            cfg.batch_size = batch;
            Trainer t(net, data, cfg);
            const double before = evaluate(net, data, cfg.loss).loss;
            t.run(400);
            CHECK(evaluate(net, data, cfg.loss).loss < before);
        }
    }
}

TEST_CASE("shuffled sampling visits every sample once an epoch, in a new order each epoch", "[training]") {
    // Ten 1-pixel samples whose losses all differ; batches of one at a learning
    // rate too small to move the weights, so each batch's loss names its sample.
    Dataset data;
    data.rows = data.cols = 1;
    for (int i = 0; i < 10; ++i) data.images.push_back(static_cast<uint8_t>(25 * i)), data.labels.push_back(0);
    Network net(make_spec({}, Activation::Identity, Activation::Identity, true, 1, 2));
    net.params() = {1, 0, 0, 0};  // output [x, 0]: loss (x - 1)^2 / 2
    TrainConfig cfg;
    cfg.loss = {LossKind::SquaredError, 1.0f};
    cfg.optimizer.learning_rate = 1e-30f;
    cfg.batch_size = 1;
    auto order_of = [&](Sampling s, int epochs) {
        cfg.sampling = s;
        Trainer t(net, data, cfg);
        std::vector<double> losses;
        for (int b = 0; b < epochs * 10; ++b) losses.push_back(t.run(1).loss);
        return losses;
    };
    const std::vector<double> by_index = order_of(Sampling::InOrder, 1);
    std::vector<size_t> order;
    for (double l : order_of(Sampling::Shuffled, 3)) {
        size_t nearest = 0;
        for (size_t i = 0; i < by_index.size(); ++i)
            if (std::abs(by_index[i] - l) < std::abs(by_index[nearest] - l)) nearest = i;
        REQUIRE(std::abs(by_index[nearest] - l) < 1e-6);
        order.push_back(nearest);
    }
    std::vector<size_t> identity(10);
    std::iota(identity.begin(), identity.end(), size_t{0});
    std::vector<std::vector<size_t>> epochs;
    for (int e = 0; e < 3; ++e) {
        epochs.emplace_back(order.begin() + 10 * e, order.begin() + 10 * (e + 1));
        std::vector<size_t> sorted = epochs.back();
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == identity);
        CHECK(epochs.back() != identity);
    }
    CHECK(epochs[0] != epochs[1]);
    CHECK(epochs[1] != epochs[2]);
}

TEST_CASE("the learning rate follows a cosine from its value down to the final fraction", "[training]") {
    const Dataset data = xor_set();
    Network net = xor_net(1);
    TrainConfig cfg;
    cfg.optimizer.learning_rate = 0.1f;
    cfg.batch_size = 4;
    cfg.schedule_batches = 8;
    cfg.final_lr_fraction = 0.2f;
    Trainer t(net, data, cfg);
    auto expected = [](double t) { return 0.1 * (0.2 + 0.8 * 0.5 * (1.0 + std::cos(3.141592653589793 * t))); };
    // Progress reports the rate of the slice's last batch: batch b (counted from 0) runs at t = b / 8.
    CHECK(t.run(1).learning_rate == Approx(0.1));
    CHECK(t.run(2).learning_rate == Approx(expected(0.25)));   // 0.0883
    CHECK(t.run(2).learning_rate == Approx(expected(0.5)));    // 0.06
    CHECK(t.run(2).learning_rate == Approx(expected(0.75)));   // 0.0317
    CHECK(t.run(1).learning_rate == Approx(expected(0.875)));  // the last batch; past it the trainer refuses
}

TEST_CASE("with replacement every batch is whole: there are no epoch ends to cut it", "[training]") {
    const Dataset data = xor_set();  // 32 samples
    Network net = xor_net(3);
    TrainConfig cfg;
    cfg.sampling = Sampling::WithReplacement;
    cfg.batch_size = 12;
    Trainer t(net, data, cfg);
    const Progress p = t.run(3);  // 12 + 12 + 12 (not 12 + 12 + 8)
    CHECK(p.samples == 36);
    CHECK(p.epoch == 1);
    CHECK(p.epochs == Approx(36.0 / 32.0));
}

TEST_CASE("a slice past the end of the learning-rate schedule is refused before it starts", "[training]") {
    const Dataset data = xor_set();
    Network net = xor_net(3);
    TrainConfig cfg;
    cfg.schedule_batches = 5;
    Trainer t(net, data, cfg);
    t.run(3);
    const std::vector<float> after3 = net.params();
    CHECK_THROWS_WITH(t.run(3), Catch::Contains("schedule ends after 5 batches: 3 are done"));
    CHECK(net.params() == after3);
    CHECK(t.progress().batches == 3);
    CHECK(t.run(2).batches == 5);
}

TEST_CASE("a learning rate that diverges is refused and the weights are kept", "[training]") {
    const Dataset data = xor_set();
    Network net(make_spec({8}, Activation::ReLU, Activation::Identity, true, 2, 2));
    Rng rng(5);
    net.initialize(Init::He, rng);
    TrainConfig cfg;
    cfg.loss = {LossKind::SquaredError, 1.0f};
    cfg.optimizer.learning_rate = 0.05f;
    Trainer t(net, data, cfg);
    t.run(20);
    const std::vector<float> good = net.params();
    TrainConfig wild = cfg;
    wild.optimizer.learning_rate = 1e6f;
    Trainer w(net, data, wild);
    CHECK_THROWS_WITH(w.run(50), Catch::Contains("diverged") && Catch::Contains("smaller learning rate"));
    CHECK(net.params() == good);
    CHECK(w.progress().batches == 0);
}

TEST_CASE("Adam's bounded steps that only make the loss climb are refused too", "[training]") {
    // Adam moves each weight by about lr per step, so nothing becomes infinite:
    // the loss climbing far above where it started is what gives it away. Every
    // input carries both labels, so no weights can fit them: the best is 50/50
    // (loss ln 2), and steps of 10^4 make the outputs confident and half of them
    // wrong, on any CPU (on XOR alone, some CPUs' rounding let such steps
    // settle on a perfect fit instead).
    Dataset data = xor_set();
    const Dataset flipped = data;
    for (size_t i = 0; i < flipped.size(); ++i) {
        data.images.insert(data.images.end(), flipped.image(i), flipped.image(i) + flipped.pixels());
        data.labels.push_back(static_cast<uint8_t>(1 - flipped.labels[i]));
    }
    Network net = xor_net(6);
    const std::vector<float> start = net.params();
    TrainConfig cfg;
    cfg.optimizer.kind = OptimizerKind::Adam;
    cfg.optimizer.learning_rate = 1e4f;
    cfg.batch_size = 4;
    Trainer t(net, data, cfg);
    CHECK_THROWS_WITH(t.run(200), Catch::Contains("the loss rose to") && Catch::Contains("learning rate 10000"));
    CHECK(net.params() == start);
    CHECK(t.progress().batches == 0);
    CHECK(t.progress().epochs == 0.0);
}

TEST_CASE("divergence goes back past a slice whose update did the damage", "[training]") {
    // Slices of one batch, as a page's first slice may be: the first batch's loss
    // is fine, but its update (Adam at learning rate 1e9) already wrecked the
    // weights, which only the next batch's loss shows. The weights must come back
    // to before that update.
    const Dataset data = load_dataset(std::string(DIGITNET_SOURCE_DIR) + "/assets/heldout-images-idx3-ubyte.gz");
    Network net(make_spec({32}, Activation::ReLU, Activation::Softmax));
    Rng rng(3);
    net.initialize(Init::He, rng);
    const std::vector<float> start = net.params();
    TrainConfig cfg;
    cfg.optimizer.kind = OptimizerKind::Adam;
    cfg.optimizer.learning_rate = 1e9f;
    Trainer t(net, data, cfg);
    t.run(1);
    CHECK(net.params() != start);
    int slices = 1;
    bool refused = false;
    for (; slices < 50 && !refused; ++slices) {
        try {
            t.run(1);
        } catch (const Error& e) {
            refused = true;
            CHECK_THAT(e.what(), Catch::Contains("back to where they were after batch 0"));
        }
    }
    INFO("refused after " << slices << " slices");
    REQUIRE(refused);
    CHECK(net.params() == start);
    CHECK(t.progress().batches == 0);
}
TEST_CASE("bad training settings are refused with a message", "[training]") {
    const Dataset data = xor_set();
    Network net = xor_net(1);
    TrainConfig cfg;
    cfg.optimizer.learning_rate = -1.0f;
    CHECK_THROWS_WITH(Trainer(net, data, cfg), Catch::Contains("learning rate"));
    cfg.optimizer.learning_rate = 0.1f;
    cfg.batch_size = 0;
    CHECK_THROWS_WITH(Trainer(net, data, cfg), Catch::Contains("batch size"));
    cfg.batch_size = 4;
    Network sig(make_spec({4}, Activation::ReLU, Activation::Sigmoid, true, 2, 2));
    CHECK_THROWS_WITH(Trainer(sig, data, cfg), Catch::Contains("cross-entropy needs a softmax"));
    Network wide(make_spec({4}, Activation::ReLU, Activation::Softmax, true, 3, 2));
    CHECK_THROWS_WITH(Trainer(wide, data, cfg), Catch::Contains("pixels"));
    Dataset empty;
    CHECK_THROWS_WITH(Trainer(net, empty, cfg), Catch::Contains("empty"));
    Network narrow(make_spec({4}, Activation::ReLU, Activation::Softmax, true, 2, 1));
    CHECK_THROWS_WITH(Trainer(narrow, data, cfg),
                      Catch::Contains("the labels go up to 1 but the network has only 1 outputs"));
    CHECK_THROWS_WITH(evaluate(narrow, data, cfg.loss), Catch::Contains("labels go up to 1"));
}

TEST_CASE("a network and batch that would not fit in memory are refused before training", "[training]") {
    Dataset blank;  // 256 empty 28x28 digits
    blank.rows = blank.cols = 28;
    blank.images.assign(256 * 784, 0);
    blank.labels.assign(256, 0);
    // 1024 filters of 9x9 keep 28x28: about 7.5 MB of workspace per digit, 1.9 GB for a batch of 256.
    std::vector<LayerSpec> hidden = {LayerSpec::conv(1024, 9, Padding::Same, Activation::ReLU), LayerSpec::maxpool(4)};
    Network net(make_spec(hidden, Activation::Softmax, true, Shape{1, 28, 28}));
    TrainConfig cfg;
    cfg.batch_size = 1000;  // clamped to the 256 digits there are
    CHECK_THROWS_WITH(Trainer(net, blank, cfg),
                      Catch::Contains("at batch size 256 would need about") && Catch::Contains("MB of memory"));
    cfg.batch_size = 16;
    CHECK_NOTHROW(Trainer(net, blank, cfg));
}

TEST_CASE("evaluation fills the confusion matrix from the predictions", "[evaluate]") {
    // A 1-pixel "image" network whose output is [x, 1 - x]: class 0 for bright pixels.
    Network net(make_spec({}, Activation::Identity, Activation::Softmax, true, 1, 10));
    net.params().assign(net.param_count(), 0.0f);
    net.params()[0] = 10.0f;      // W[0][0]: bright pixel -> class 0
    net.params()[10 + 1] = 5.0f;  // b[1]: otherwise class 1
    Dataset d;
    d.rows = d.cols = 1;
    d.images = {255, 0, 0, 255};
    d.labels = {0, 1, 0, 3};
    const Evaluation e = evaluate(net, d, {});
    CHECK(e.confusion[0][0] == 1);
    CHECK(e.confusion[1][1] == 1);
    CHECK(e.confusion[0][1] == 1);
    CHECK(e.confusion[3][0] == 1);
    CHECK(e.accuracy == Approx(0.5));
    CHECK(e.predicted == std::vector<uint8_t>{0, 1, 1, 0});
}
