#pragma once
// Printing results for people.
#include <ostream>

#include "digitnet/evaluate.hpp"

namespace digitnet::cli {

// Accuracy, loss and the 10x10 confusion matrix (rows: true digit, columns: guess).
void print_evaluation(std::ostream& out, const Evaluation& e);

}  // namespace digitnet::cli
