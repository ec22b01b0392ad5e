#pragma once
// The matrix types of the core. Everything is batch-major: one sample per row.
// GCC 12's AVX-512 intrinsics (immintrin.h, first included by Eigen) leave values
// undefined on purpose (`__m512 __Y = __Y;`) and, inlined into our functions, warn
// -Wmaybe-uninitialized there (GCC bug 105593, fixed in GCC 13): that warning is
// off for what these headers hold, and only for them.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <Eigen/Core>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace digitnet {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::Matrix<float, 1, Eigen::Dynamic, Eigen::RowMajor>;  // a row
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
using VectorMap = Eigen::Map<Vector>;
using ConstVectorMap = Eigen::Map<const Vector>;

}  // namespace digitnet
