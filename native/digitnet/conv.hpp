#pragma once
// A convolution layer, stride 1, lowered to the dense layer's matrix products
// (im2col). Maps are HWC per sample (spec.hpp). With P = OH*OW output pixels
// and a patch of K*K*C inputs (ky, kx, c order, the same as a filter's weights):
//   lowered (B*P x K*K*C): row (b, oy, ox) holds the input patch under that pixel,
//                          zeros where "same" padding reaches past the map
//   Z = lowered W^T + b    (B*P x F) = B x (OH*OW*F), HWC; W (F x K*K*C), b (F)
//   A = f(Z)
//   dlowered = dZ W        (B*P x K*K*C), then summed back onto the input pixels (col2im)
//   dW = dZ^T lowered,  db = sum_rows dZ
#include "digitnet/spec.hpp"

namespace digitnet {

struct ConvGeometry {
    Shape in, out;
    int kernel = 1;
    int pad = 0;  // rows/columns of zeros before the map ("same": (K-1)/2; after it: K-1-pad)

    ConvGeometry(Shape in, const LayerSpec& layer, Shape out);
    int pixels() const { return out.height * out.width; }        // P
    int patch() const { return kernel * kernel * in.channels; }  // K*K*C
};

// in: B x (H*W*C) -> lowered: (B*P) x (K*K*C)
void im2col(const float* in, int batch, const ConvGeometry& g, float* lowered);
// dlowered: (B*P) x (K*K*C) -> dIn: B x (H*W*C), each patch entry added back onto its pixel
void col2im(const float* dlowered, int batch, const ConvGeometry& g, float* dIn);

// out (B x P*F) = f(lowered W^T + b), filling lowered on the way.
void conv_forward(const float* in, int batch, const ConvGeometry& g, const float* W, const float* b, Activation f,
                  float* lowered, float* out);
// dIn (B x H*W*C) from dZ (B x P*F), through dlowered.
void conv_backward_input(const float* dZ, int batch, const ConvGeometry& g, const float* W, float* dlowered, float* dIn);

}  // namespace digitnet
