#include <iomanip>
#include <sstream>

#include "commands.hpp"
#include "digitnet/file_io.hpp"
#include "digitnet/layers/kind.hpp"
#include "digitnet/model_file.hpp"

namespace digitnet::cli {

namespace {
void put_shape(std::ostream& out, Shape s) {
    out << "{\"channels\":" << s.channels << ",\"height\":" << s.height << ",\"width\":" << s.width << "}";
}
}  // namespace

// Writes a model as JSON for other tools (numpy: json.load, then np.array).
// Feature maps are HWC (height, width, channel fastest), as in the core:
// {"input":{"channels":1,"height":28,"width":28},"inputs":784,"input_scale":..,"layers":[
//   {"kind":"conv","filters":16,"kernel":5,"padding":"valid","activation":"relu",
//    "output":{shape},"weights":[[...K*K*C, (ky,kx,c) order...] x filters],"bias":[...] or null},
//   {"kind":"maxpool","size":2,"output":{shape}},  {"kind":"dropout","rate":0.25,"output":{shape}},
//   {"kind":"dense","units":128,"activation":"relu","output":{shape},
//    "weights":[[...inputs, flat HWC...] x units],"bias":[...units...] or null}, ...]}
int export_command(const std::string& model_path, const std::string& out_path) {
    const Network net = load_model(read_file(model_path));
    std::ostringstream out;
    out << std::setprecision(9);
    out << "{\"input\":";
    put_shape(out, net.spec().input);
    out << ",\"inputs\":" << net.spec().inputs() << ",\"input_scale\":" << net.spec().input_scale << ",\"layers\":[";
    for (int l = 0; l < net.layer_count(); ++l) {
        const LayerSpec& s = net.layer(l);
        const LayerKindParts& kind = layer_kind(s.kind);
        out << (l ? "," : "") << "{\"kind\":\"" << kind.name << "\",";
        kind.export_fields(out, s);
        out << "\"output\":";
        put_shape(out, net.out_shape(l));
        if (s.has_params()) {
            out << ",\"activation\":\"" << to_string(s.activation) << "\",\"weights\":[";
            const auto W = net.weights(l);
            for (Eigen::Index r = 0; r < W.rows(); ++r) {
                out << (r ? "," : "") << "[";
                for (Eigen::Index c = 0; c < W.cols(); ++c) out << (c ? "," : "") << W(r, c);
                out << "]";
            }
            out << "],\"bias\":";
            if (const float* b = net.bias(l)) {
                out << "[";
                for (int k = 0; k < s.units; ++k) out << (k ? "," : "") << b[k];
                out << "]";
            } else {
                out << "null";
            }
        }
        out << "}";
    }
    out << "]}\n";
    write_file(out_path, out.str());
    return 0;
}

}  // namespace digitnet::cli
