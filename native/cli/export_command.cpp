#include <iomanip>
#include <sstream>

#include "commands.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/model_file.hpp"

namespace digitnet::cli {

// Writes a model as JSON for other tools (numpy: json.load, then np.array):
// {"inputs":784,"input_scale":..,"layers":[{"units":128,"activation":"relu",
//  "weights":[[...fan_in...] x units],"bias":[...units...] or null}, ...]}
int export_command(const std::string& model_path, const std::string& out_path) {
    const Network net = load_model(read_file(model_path));
    std::ostringstream out;
    out << std::setprecision(9);
    out << "{\"inputs\":" << net.spec().inputs << ",\"input_scale\":" << net.spec().input_scale << ",\"layers\":[";
    for (int l = 0; l < net.layer_count(); ++l) {
        const LayerSpec& s = net.spec().layers[static_cast<size_t>(l)];
        out << (l ? "," : "") << "{\"units\":" << s.units << ",\"activation\":\"" << to_string(s.activation)
            << "\",\"weights\":[";
        const auto W = net.weights(l);
        for (Eigen::Index r = 0; r < W.rows(); ++r) {
            out << (r ? "," : "") << "[";
            for (Eigen::Index c = 0; c < W.cols(); ++c) out << (c ? "," : "") << W(r, c);
            out << "]";
        }
        out << "],\"bias\":";
        if (!s.bias) {
            out << "null";
        } else {
            const float* b = net.params().data() + net.bias_offset(l);
            out << "[";
            for (int k = 0; k < s.units; ++k) out << (k ? "," : "") << b[k];
            out << "]";
        }
        out << "}";
    }
    out << "]}\n";
    write_file(out_path, out.str());
    return 0;
}

}  // namespace digitnet::cli
