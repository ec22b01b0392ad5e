#include "report.hpp"

#include <iomanip>

namespace digitnet::cli {

void print_evaluation(std::ostream& out, const Evaluation& e) {
    out << std::fixed << std::setprecision(2) << "accuracy " << 100.0 * e.accuracy << "% ("
        << static_cast<size_t>(e.accuracy * static_cast<double>(e.count) + 0.5) << " of " << e.count << "), loss "
        << std::setprecision(4) << e.loss << "\n";
    out << "confusion (rows: true digit, columns: predicted)\n      ";
    for (int c = 0; c < 10; ++c) out << std::setw(6) << c;
    out << "\n";
    for (int r = 0; r < 10; ++r) {
        out << std::setw(6) << r;
        for (int c = 0; c < 10; ++c) out << std::setw(6) << e.confusion[r][c];
        out << "\n";
    }
}

}  // namespace digitnet::cli
