#include <iostream>

#include "commands.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/loss.hpp"
#include "digitnet/model_file.hpp"
#include "report.hpp"

namespace digitnet::cli {

int eval_command(const std::string& model_path, const std::string& data_path, const std::string& loss_name) {
    const Network net = load_model(read_file(model_path));
    const Dataset data = load_dataset(data_path);
    // Unless named: cross-entropy if the model ends in softmax, else squared error.
    LossSpec loss;
    if (!loss_name.empty()) loss.kind = parse_loss(loss_name);
    else if (net.spec().layers.back().activation != Activation::Softmax) loss.kind = LossKind::SquaredError;
    std::cout << net.spec().describe() << " on " << data.size() << " digits of " << data_path << ": ";
    print_evaluation(std::cout, evaluate(net, data, loss));
    return 0;
}

}  // namespace digitnet::cli
