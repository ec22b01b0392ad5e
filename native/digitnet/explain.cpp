#include "digitnet/explain.hpp"

namespace digitnet {

Explanation explain(const Network& net, const float* x) {
    const int inputs = net.spec().inputs(), outputs = net.spec().outputs();
    if (outputs < 2) throw Error("a network with one output has no runner-up to explain its answer against");
    Matrix X = ConstMatrixMap(x, 1, inputs);
    Workspace ws;
    const Matrix& A = net.forward(X, ws);  // 1 x outputs
    if (!A.allFinite())
        throw Error("the network's outputs for this image are not numbers (NaN or infinite): the model is broken");

    Explanation e;
    e.digit = A(0, 0) >= A(0, 1) ? 0 : 1;
    e.runner_up = 1 - e.digit;
    for (int d = 2; d < outputs; ++d) {
        if (A(0, d) > A(0, e.digit)) {
            e.runner_up = e.digit;
            e.digit = d;
        } else if (A(0, d) > A(0, e.runner_up)) {
            e.runner_up = d;
        }
    }
    // d(z_digit - z_runner_up)/dZ of the last layer: +1 at the digit read, -1 at the runner-up.
    Matrix& dZ = ws.dZ.back();
    dZ.setZero(1, outputs);
    dZ(0, e.digit) = 1.0f;
    dZ(0, e.runner_up) = -1.0f;
    Matrix dX;  // 1 x inputs
    net.input_gradient(X, ws, dX);
    e.map.resize(static_cast<size_t>(inputs));
    for (int i = 0; i < inputs; ++i) e.map[static_cast<size_t>(i)] = x[i] * dX(0, i);
    return e;
}

}  // namespace digitnet
