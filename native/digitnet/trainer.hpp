#pragma once
// Drives training in slices: run(n) trains n batches and returns progress, so
// a caller (the CLI, the page's worker) can report, pause and resume between
// slices. A slice whose loss stops being finite is undone as a whole and
// reported as an Error: the weights stay as they were before it.
#include <cstdint>
#include <vector>

#include "digitnet/augment.hpp"
#include "digitnet/dataset.hpp"
#include "digitnet/network.hpp"
#include "digitnet/optimizer.hpp"
#include "digitnet/rng.hpp"

namespace digitnet {

enum class Sampling : uint8_t {
    Shuffled,         // a new random order every epoch (network.py)
    InOrder,          // the dataset's order, every epoch (seeds 000, 001)
    WithReplacement,  // each batch drawn at random, independently (seed 002)
};

struct TrainConfig {
    LossSpec loss;
    OptimizerSpec optimizer;
    int batch_size = 32;  // 1 = per-sample SGD; >= dataset size = full-batch descent
    Sampling sampling = Sampling::Shuffled;
    uint64_t seed = 1;  // shuffling and augmentation (initialization takes its own Rng)
    AugmentSpec augment;
    // Cosine decay of the learning rate from its value to final_lr_fraction of it
    // over schedule_batches batches (0: constant).
    int64_t schedule_batches = 0;
    float final_lr_fraction = 0.0f;
};

struct Progress {
    long batches = 0;       // batches trained so far
    long samples = 0;       // samples seen so far
    int epoch = 0;          // completed passes over the data
    double epochs = 0.0;    // passes as a fraction: epoch + position in the current one
    double loss = 0.0;      // mean batch loss over the last slice
    double accuracy = 0.0;  // training accuracy over the last slice
    float learning_rate = 0.0f;
};

// Batches in one pass over n samples (the last one may be short).
long batches_per_epoch(size_t n, int batch_size);

class Trainer {
public:
    // The network and data must outlive the trainer.
    Trainer(Network& net, const Dataset& data, const TrainConfig& config);

    Progress run(long batches);
    const Progress& progress() const { return progress_; }
    long batches_per_epoch() const;
    const TrainConfig& config() const { return config_; }

private:
    void next_indices(int batch);
    float scheduled_learning_rate() const;
    // Puts back the confirmed checkpoint and throws Error.
    [[noreturn]] void undo_slice(double loss);

    Network& net_;
    const Dataset& data_;
    TrainConfig config_;
    Optimizer optimizer_;
    Rng rng_;
    Progress progress_;
    std::vector<size_t> order_;  // this epoch's order of sample indices
    size_t position_ = 0;        // next index in order_
    // Reused across batches so the loop does not allocate.
    std::vector<size_t> batch_indices_;
    std::vector<uint8_t> batch_labels_;
    std::vector<float> grad_;
    // Divergence watch: the first batch's loss, and a running average of the
    // batch losses (weight 1/16 for the newest).
    double loss_start_ = -1.0, loss_average_ = 0.0;
    // Everything training changes. A slice's start is saved as a candidate; it is
    // confirmed once the slice's first batch shows its weights still work (a loss
    // sees the damage of an update only one batch later). Divergence returns to
    // the confirmed one.
    struct Checkpoint {
        std::vector<float> params;
        Optimizer::State optimizer;
        Progress progress;
        std::vector<size_t> order;
        size_t position = 0;
        Rng rng;
        double loss_average = 0.0;
    };
    Checkpoint candidate_, confirmed_;
    void save(Checkpoint& c) const;
    bool healthy(double loss) const;
    Matrix X_;
    Workspace ws_;
};

}  // namespace digitnet
