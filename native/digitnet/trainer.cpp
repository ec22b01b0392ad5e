#include "digitnet/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

#include "digitnet/loss.hpp"

namespace digitnet {

namespace {
constexpr double kRunaway = 10.0;
}  // namespace

Trainer::Trainer(Network& net, const Dataset& data, const TrainConfig& config)
    : net_(net), data_(data), config_(config), optimizer_(config.optimizer, net.param_count()), rng_(config.seed) {
    if (data_.size() == 0) throw Error("the training set is empty");
    check_fits(net_.spec(), data_);
    if (config_.batch_size < 1) throw Error("batch size must be at least 1");
    if (config_.schedule_batches < 0 || !(config_.final_lr_fraction >= 0.0f && config_.final_lr_fraction <= 1.0f))
        throw Error("the learning-rate schedule needs a non-negative length and a final fraction in [0, 1]");
    check_loss(config_.loss, net_.spec().layers.back().activation);
    config_.batch_size = static_cast<int>(std::min<size_t>(static_cast<size_t>(config_.batch_size), data_.size()));
    net_.spec().require_trainable(config_.batch_size);
    order_.resize(data_.size());
    std::iota(order_.begin(), order_.end(), size_t{0});
    if (config_.sampling == Sampling::Shuffled) rng_.shuffle(order_);
    grad_.assign(net_.param_count(), 0.0f);
    save(confirmed_);
    progress_.learning_rate = config_.optimizer.learning_rate;
}

long batches_per_epoch(size_t n, int batch_size) {
    const size_t b = std::min(n, static_cast<size_t>(std::max(batch_size, 1)));
    return b ? static_cast<long>((n + b - 1) / b) : 0;
}

long Trainer::batches_per_epoch() const { return digitnet::batches_per_epoch(data_.size(), config_.batch_size); }

float Trainer::scheduled_learning_rate() const {
    const float lr = config_.optimizer.learning_rate;
    if (config_.schedule_batches == 0) return lr;
    const double t = std::min(1.0, static_cast<double>(progress_.batches) / static_cast<double>(config_.schedule_batches));
    const double f = config_.final_lr_fraction;
    return static_cast<float>(lr * (f + (1.0 - f) * 0.5 * (1.0 + std::cos(3.141592653589793 * t))));
}

// Fills batch_indices_ with the next batch. With replacement, an "epoch" is
// counted each time as many samples as the data set holds have been drawn.
void Trainer::next_indices(int batch) {
    batch_indices_.resize(static_cast<size_t>(batch));
    if (config_.sampling == Sampling::WithReplacement) {
        for (auto& i : batch_indices_) i = static_cast<size_t>(rng_.below(data_.size()));
        position_ += static_cast<size_t>(batch);
    } else {
        std::copy_n(order_.begin() + static_cast<std::ptrdiff_t>(position_), batch, batch_indices_.begin());
        position_ += static_cast<size_t>(batch);
    }
    if (position_ >= data_.size()) {
        position_ -= data_.size();
        ++progress_.epoch;
        if (config_.sampling == Sampling::Shuffled) rng_.shuffle(order_);
    }
}

void Trainer::save(Checkpoint& c) const {
    c.params = net_.params();
    c.optimizer = optimizer_.state();
    c.progress = progress_;
    c.order = order_;
    c.position = position_;
    c.rng = rng_;
    c.loss_average = loss_average_;
}

// A loss that climbs to ten times where it started (or to 10, from a small start) has run away.
bool Trainer::healthy(double loss) const { return loss <= kRunaway * std::max(loss_start_, 1.0); }

void Trainer::undo_slice(double loss) {
    net_.params() = confirmed_.params;
    optimizer_.restore(confirmed_.optimizer);
    progress_ = confirmed_.progress;
    order_ = confirmed_.order;
    position_ = confirmed_.position;
    rng_ = confirmed_.rng;
    loss_average_ = confirmed_.loss_average;
    std::ostringstream msg;
    msg << "training diverged: ";
    if (std::isfinite(loss)) msg << "the loss rose to " << loss << " from " << loss_start_ << " at the start";
    else msg << "the loss became infinite or not a number";
    msg << ", at learning rate " << config_.optimizer.learning_rate
        << ". The weights are back to where they were after batch " << progress_.batches << ": try a smaller learning rate";
    throw Error(msg.str());
}

Progress Trainer::run(long batches) {
    // Refused before anything changes: past its end the schedule has no learning rate.
    if (config_.schedule_batches > 0 && batches > config_.schedule_batches - progress_.batches)
        throw Error("the learning-rate schedule ends after " + std::to_string(config_.schedule_batches) +
                    " batches: " + std::to_string(progress_.batches) + " are done, so " + std::to_string(batches) +
                    " more cannot be trained");
    save(candidate_);
    const float scale = net_.spec().input_scale;
    const Activation out = net_.spec().layers.back().activation;
    double loss_sum = 0.0;
    long correct = 0, seen = 0;
    for (long step = 0; step < batches; ++step) {
        // An epoch's last batch may be short, except when drawing with replacement (no epochs to end).
        const int batch =
            config_.sampling == Sampling::WithReplacement
                ? config_.batch_size
                : static_cast<int>(std::min<size_t>(static_cast<size_t>(config_.batch_size), data_.size() - position_));
        next_indices(batch);
        if (config_.augment.enabled) {
            X_.resize(batch, data_.pixels());
            batch_labels_.resize(static_cast<size_t>(batch));
            for (int r = 0; r < batch; ++r) {
                const size_t i = batch_indices_[static_cast<size_t>(r)];
                augment_image(data_.image(i), data_.rows, data_.cols, config_.augment, rng_, scale, X_.row(r).data());
                batch_labels_[static_cast<size_t>(r)] = data_.labels[i];
            }
        } else {
            gather_batch(data_, batch_indices_.data(), batch, scale, X_, batch_labels_);
        }
        const Matrix& A = net_.forward(X_, ws_, &rng_);  // dropout layers draw from the run's rng
        const double loss = loss_gradient(config_.loss, out, A, batch_labels_.data(), ws_.dZ.back());
        if (!std::isfinite(loss)) undo_slice(loss);
        if (loss_start_ < 0.0) loss_start_ = loss_average_ = loss;
        if (step == 0 && healthy(loss)) std::swap(candidate_, confirmed_);
        loss_average_ += (loss - loss_average_) / 16.0;
        if (!healthy(loss_average_)) undo_slice(loss_average_);
        for (int r = 0; r < batch; ++r) {
            Eigen::Index k;
            A.row(r).maxCoeff(&k);
            correct += k == batch_labels_[static_cast<size_t>(r)];
        }
        seen += batch;
        loss_sum += loss;
        optimizer_.set_learning_rate(scheduled_learning_rate());
        if (config_.optimizer.kind == OptimizerKind::SGD) {
            net_.sgd_backward(X_, ws_, optimizer_.spec().learning_rate, config_.optimizer.weight_decay);
        } else {
            net_.backward(X_, ws_, grad_.data(), config_.optimizer.weight_decay);
            optimizer_.step(net_.params().data(), grad_.data());
        }
        ++progress_.batches;
        progress_.samples += batch;
    }
    const auto& p = net_.params();
    if (!std::all_of(p.begin(), p.end(), [](float v) { return std::isfinite(v); }))
        undo_slice(std::numeric_limits<double>::infinity());
    progress_.epochs = progress_.epoch + static_cast<double>(position_) / static_cast<double>(data_.size());
    progress_.loss = batches ? loss_sum / static_cast<double>(batches) : 0.0;
    progress_.accuracy = seen ? static_cast<double>(correct) / static_cast<double>(seen) : 0.0;
    progress_.learning_rate = optimizer_.spec().learning_rate;
    return progress_;
}

}  // namespace digitnet
