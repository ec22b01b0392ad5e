#include "digitnet/recipe.hpp"

#include "digitnet/rng.hpp"

namespace digitnet {

int64_t Recipe::total_batches(size_t n) const {
    return steps ? steps : int64_t{epochs} * batches_per_epoch(n, train.batch_size);
}

TrainConfig Recipe::config_for(size_t n) const {
    TrainConfig c = train;
    if (cosine_schedule) c.schedule_batches = total_batches(n);
    return c;
}

Network Recipe::make_network() const {
    Network net(network);
    Rng rng(train.seed);
    net.initialize(init, rng);
    return net;
}

Recipe default_recipe() {
    Recipe r;
    r.network = make_spec({128}, Activation::ReLU, Activation::Softmax);
    r.init = Init::He;
    r.train.loss = {LossKind::CrossEntropy, 1.0f};
    r.train.optimizer.kind = OptimizerKind::Adam;
    r.train.optimizer.learning_rate = 0.002f;
    r.train.batch_size = 32;
    r.train.augment.enabled = true;
    r.cosine_schedule = true;
    r.epochs = 30;
    return r;
}

}  // namespace digitnet
