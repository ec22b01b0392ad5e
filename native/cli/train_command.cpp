#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/model_file.hpp"
#include "report.hpp"

namespace digitnet::cli {

int train_command(const TrainOptions& o) {
    using clock = std::chrono::steady_clock;
    Dataset train = load_dataset(o.train_path);
    if (o.recipe.limit) train = train.head(o.recipe.limit);
    const Dataset heldout = load_dataset(o.heldout_path);
    // Everything that could fail after training is checked before it.
    const Dataset test = o.test_path.empty() ? Dataset{} : load_dataset(o.test_path);
    if (o.out_path.empty()) throw Error("the model file's name (-o) is empty: the trained model would not be saved");
    check_writable(o.out_path);

    const Recipe& r = o.recipe;
    Network net = r.make_network();
    Trainer trainer(net, train, r.config_for(train.size()));
    const int64_t total = r.total_batches(train.size());
    const int64_t report_every = r.steps ? std::max<int64_t>(1, r.steps / 10) : trainer.batches_per_epoch();

    std::printf("training %s on %zu digits: %s lr %g, batch %d, %lld batches%s\n", net.spec().describe().c_str(),
                train.size(), to_string(r.train.optimizer.kind), static_cast<double>(r.train.optimizer.learning_rate),
                trainer.config().batch_size, static_cast<long long>(total), r.train.augment.enabled ? ", augmented" : "");
    const auto start = clock::now();
    double train_seconds = 0.0;
    for (int64_t done = 0; done < total;) {
        const long slice = static_cast<long>(std::min(report_every, total - done));
        const auto t0 = clock::now();
        Progress p;
        try {
            p = trainer.run(slice);
        } catch (const Error& e) {  // the trainer has undone the slice: keep what was learnt before it,
            // but never over a file that was there before this run (a failed run leaves it alone).
            if (trainer.progress().batches == 0) throw;
            const bool taken = std::filesystem::exists(o.out_path);
            const std::string path = taken ? o.out_path + ".before-divergence" : o.out_path;
            write_file(path, save_model(net));
            throw Error(std::string(e.what()) + " (the weights from before are saved in " + path +
                        (taken ? "; " + o.out_path + " is left as it was)" : ")"));
        }
        const double dt = std::chrono::duration<double>(clock::now() - t0).count();
        train_seconds += dt;
        done += slice;
        if (!o.quiet) {
            const Evaluation h = evaluate(net, heldout, r.train.loss);
            std::printf("epoch %6.2f  batches %7ld  loss %.4f  train acc %6.2f%%  held-out acc %6.2f%%  %9.0f samples/s\n",
                        p.epochs, p.batches, p.loss, 100.0 * p.accuracy, 100.0 * h.accuracy,
                        static_cast<double>(slice) * trainer.config().batch_size / dt);
            std::fflush(stdout);
        }
    }
    const double total_seconds = std::chrono::duration<double>(clock::now() - start).count();
    std::printf("trained in %.2f s (%.2f s in training steps, %.0f samples/s)\n", total_seconds, train_seconds,
                static_cast<double>(trainer.progress().samples) / train_seconds);

    std::cout << "held-out set (" << o.heldout_path << "): ";
    print_evaluation(std::cout, evaluate(net, heldout, r.train.loss));
    if (!o.test_path.empty()) {
        std::cout << "test set (" << o.test_path << "): ";
        print_evaluation(std::cout, evaluate(net, test, r.train.loss));
    }
    write_file(o.out_path, save_model(net));
    std::printf("saved %s\n", o.out_path.c_str());
    return 0;
}

}  // namespace digitnet::cli
