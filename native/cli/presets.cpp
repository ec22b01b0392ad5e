#include "presets.hpp"

namespace digitnet::cli {

namespace {

Preset seed000() {
    Preset p{"seed000",
             "784-100-10 sigmoid/softmax, cross-entropy, per-sample SGD lr 0.08, one pass in order",
             "95.71% (trained on 50,000 digits)",
             {}};
    Recipe& r = p.recipe;
    r.network = make_spec({100}, Activation::Sigmoid, Activation::Softmax);
    r.init = Init::NormalFanIn;  // W ~ N(0, 1/sqrt(fan_in)), b ~ N(0, 1)
    r.train.loss = {LossKind::CrossEntropy, 1.0f};
    r.train.optimizer.learning_rate = 0.08f;
    r.train.batch_size = 1;
    r.train.sampling = Sampling::InOrder;
    r.epochs = 1;
    return p;
}

Preset seed001() {
    Preset p{"seed001",
             "784-16-16-10 sigmoid everywhere, squared error 2(a-y), per-sample SGD lr 0.01, 15 passes",
             "94.31% after 15 epochs (trained on 60,000 digits)",
             {}};
    Recipe& r = p.recipe;
    r.network = make_spec({16, 16}, Activation::Sigmoid, Activation::Sigmoid);
    r.init = Init::Uniform;
    r.train.loss = {LossKind::SquaredError, 2.0f};
    r.train.optimizer.learning_rate = 0.01f;
    r.train.batch_size = 1;
    r.train.sampling = Sampling::InOrder;
    r.epochs = 15;
    return p;
}

Preset seed002() {
    Preset p{"seed002",
             "784-128-10 sigmoid without biases, raw 0-255 inputs, softmax over the batch axis, "
             "squared error 2(a-y) with an elementwise softmax derivative, SGD lr 0.001, "
             "10,000 batches of 128 drawn at random",
             "83.83% (trained on 50,000 digits)",
             {}};
    Recipe& r = p.recipe;
    // The notebook's softmax sums over the batch, not over the ten classes, and its
    // derivative is taken elementwise: the loss reproduces both on the logits.
    r.network = make_spec({128}, Activation::Sigmoid, Activation::Identity, /*bias=*/false);
    r.network.input_scale = 1.0f;  // the notebook never divides the pixels by 255
    r.init = Init::UniformFan;
    r.train.loss = {LossKind::BatchSoftmaxSquaredError, 2.0f};
    r.train.optimizer.learning_rate = 0.001f;
    r.train.batch_size = 128;
    r.train.sampling = Sampling::WithReplacement;
    r.steps = 10000;
    return p;
}

Preset seed003() {
    Preset p{"seed003",
             "784-10-10 relu/softmax, cross-entropy, full-batch gradient descent lr 0.1, 2,000 steps",
             "89.6% training accuracy after 1,800 steps (Kaggle CSV, 41,000 digits)",
             {}};
    Recipe& r = p.recipe;
    r.network = make_spec({10}, Activation::ReLU, Activation::Softmax);
    r.init = Init::Uniform;
    r.train.loss = {LossKind::CrossEntropy, 1.0f};
    r.train.optimizer.learning_rate = 0.1f;
    r.train.batch_size = 1 << 30;  // the whole set in every step
    r.train.sampling = Sampling::InOrder;
    r.steps = 2000;
    return p;
}

Preset seed004() {
    Preset p{"seed004",
             "784-30-10 sigmoid everywhere, squared error (a-y), SGD lr 3.0, batches of 10, 30 passes",
             "about 95% after 30 epochs (trained on 50,000 digits)",
             {}};
    Recipe& r = p.recipe;
    r.network = make_spec({30}, Activation::Sigmoid, Activation::Sigmoid);
    r.init = Init::Normal;
    r.train.loss = {LossKind::SquaredError, 1.0f};
    r.train.optimizer.learning_rate = 3.0f;
    r.train.batch_size = 10;
    r.train.sampling = Sampling::Shuffled;
    r.epochs = 30;
    return p;
}

}  // namespace

const std::vector<Preset>& presets() {
    static const std::vector<Preset> all{seed000(), seed001(), seed002(), seed003(), seed004()};
    return all;
}

const Preset& find_preset(const std::string& name) {
    std::string known;
    for (const Preset& p : presets()) {
        if (p.name == name) return p;
        known += (known.empty() ? "" : ", ") + p.name;
    }
    throw Error("unknown preset '" + name + "' (known: " + known + ")");
}

}  // namespace digitnet::cli
