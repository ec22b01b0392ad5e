#include "digitnet/evaluate.hpp"

#include <algorithm>
#include <numeric>

#include "digitnet/loss.hpp"

namespace digitnet {

Evaluation evaluate(const Network& net, const Dataset& data, const LossSpec& loss) {
    if (data.pixels() != net.spec().inputs)
        throw Error("the images have " + std::to_string(data.pixels()) + " pixels but the network takes " +
                    std::to_string(net.spec().inputs) + " inputs");
    if (net.spec().outputs() > 10) throw Error("evaluation needs a network with at most 10 outputs");
    check_loss(loss, net.spec().layers.back().activation);
    Evaluation e;
    e.count = data.size();
    e.predicted.resize(data.size());
    constexpr size_t kChunk = 1000;
    std::vector<size_t> idx(kChunk);
    std::vector<uint8_t> labels;
    Matrix X;
    Workspace ws;
    double loss_sum = 0.0;
    size_t correct = 0;
    for (size_t start = 0; start < data.size(); start += kChunk) {
        const int n = static_cast<int>(std::min(kChunk, data.size() - start));
        std::iota(idx.begin(), idx.begin() + n, start);
        gather_batch(data, idx.data(), n, net.spec().input_scale, X, labels);
        const Matrix& A = net.forward(X, ws);
        loss_sum += loss_value(loss, A, labels.data()) * n;
        for (int r = 0; r < n; ++r) {
            Eigen::Index k;
            A.row(r).maxCoeff(&k);
            e.predicted[start + static_cast<size_t>(r)] = static_cast<uint8_t>(k);
            ++e.confusion[labels[static_cast<size_t>(r)]][static_cast<size_t>(k)];
            correct += static_cast<size_t>(k) == labels[static_cast<size_t>(r)];
        }
    }
    if (e.count) {
        e.accuracy = static_cast<double>(correct) / static_cast<double>(e.count);
        e.loss = loss_sum / static_cast<double>(e.count);
    }
    return e;
}

std::vector<float> classify(const Network& net, const uint8_t* image, Workspace& ws, Matrix& X) {
    const int p = net.spec().inputs;
    X.resize(1, p);
    for (int c = 0; c < p; ++c) X(0, c) = net.spec().input_scale * static_cast<float>(image[c]);
    const Matrix& A = net.forward(X, ws);
    return std::vector<float>(A.data(), A.data() + A.size());
}

}  // namespace digitnet
