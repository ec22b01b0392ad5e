#include "digitnet/evaluate.hpp"

#include <algorithm>
#include <numeric>

#include "digitnet/loss.hpp"

namespace digitnet {

Evaluation evaluate(const Network& net, const Dataset& data, const LossSpec& loss) {
    check_fits(net.spec(), data);
    if (net.spec().outputs() > 10) throw Error("evaluation needs a network with at most 10 outputs");
    check_loss(loss, net.spec().layers.back().activation);
    Evaluation e;
    e.count = data.size();
    e.predicted.resize(data.size());
    // All outputs first (n x outputs, small), in chunks so the workspace stays
    // within about 64 MB (1000 digits for MLPs, fewer for wide conv layers).
    const size_t kChunk =
        static_cast<size_t>(std::clamp<int64_t>(16'000'000 / net.spec().workspace_floats_per_sample(), 1, 1000));
    std::vector<size_t> idx(kChunk);
    std::vector<uint8_t> chunk_labels;
    Matrix X, outputs(static_cast<Eigen::Index>(data.size()), net.spec().outputs());
    Workspace ws;
    for (size_t start = 0; start < data.size(); start += kChunk) {
        const int n = static_cast<int>(std::min(kChunk, data.size() - start));
        std::iota(idx.begin(), idx.begin() + n, start);
        gather_batch(data, idx.data(), n, net.spec().input_scale, X, chunk_labels);
        outputs.middleRows(static_cast<Eigen::Index>(start), n) = net.forward(X, ws);
    }
    e.loss = loss_value(loss, outputs, data.labels.data());
    // Seed 002 reads its guesses from a softmax taken over the whole set, as its notebook did.
    if (loss.kind == LossKind::BatchSoftmaxSquaredError) {
        const Matrix logits = outputs;
        batch_softmax(logits, outputs);
    }
    size_t correct = 0;
    for (size_t i = 0; i < data.size(); ++i) {
        Eigen::Index k;
        outputs.row(static_cast<Eigen::Index>(i)).maxCoeff(&k);
        e.predicted[i] = static_cast<uint8_t>(k);
        ++e.confusion[data.labels[i]][static_cast<size_t>(k)];
        correct += static_cast<size_t>(k) == data.labels[i];
    }
    if (e.count) e.accuracy = static_cast<double>(correct) / static_cast<double>(e.count);
    return e;
}

std::vector<float> classify(const Network& net, const uint8_t* image, Workspace& ws, Matrix& X) {
    const int p = net.spec().inputs();
    X.resize(1, p);
    for (int c = 0; c < p; ++c) X(0, c) = net.spec().input_scale * static_cast<float>(image[c]);
    const Matrix& A = net.forward(X, ws);
    if (!A.allFinite())
        throw Error("the network's outputs for this image are not numbers (NaN or infinite): the model is broken");
    return std::vector<float>(A.data(), A.data() + A.size());
}

}  // namespace digitnet
