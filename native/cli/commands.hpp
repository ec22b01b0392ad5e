#pragma once
// The subcommands of the digitnet tool. Each returns the process exit code
// and reports bad input as digitnet::Error.
#include <string>

#include "presets.hpp"

namespace digitnet::cli {

struct TrainOptions {
    Recipe recipe;
    std::string train_path, heldout_path, test_path;  // test_path may be empty
    std::string out_path;
    bool quiet = false;
};

int train_command(const TrainOptions& options);
int eval_command(const std::string& model_path, const std::string& data_path, const std::string& loss_name);
int predict_command(const std::string& model_path, const std::string& image_path, const std::string& ink);
int bench_command(const std::string& train_path, double seconds);
int export_command(const std::string& model_path, const std::string& out_path);

}  // namespace digitnet::cli
