#pragma once
// Force-included before every source of the WebAssembly build when Eigen's
// SSE kernels are used (-msse4.2: Emscripten turns SSE intrinsics into wasm
// SIMD). Eigen is included here first, with __GNUC__ hidden so that it takes
// the compiler for a generic one and emits no x86 inline asm; the standard
// headers it uses are included before, with __GNUC__ still set. Later
// #include <Eigen/Core> lines find it already included.
#include <algorithm>
#include <array>
#include <cassert>
#include <cerrno>
#include <climits>
#include <cmath>
#include <complex>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <iostream>
#include <limits>
#include <new>
#include <sstream>
#include <string>
#include <type_traits>

#include <immintrin.h>

#pragma push_macro("__GNUC__")
#pragma push_macro("__GNUC_MINOR__")
#pragma push_macro("__GNUC_PATCHLEVEL__")
#undef __GNUC__
#undef __GNUC_MINOR__
#undef __GNUC_PATCHLEVEL__
#include <Eigen/Core>
#pragma pop_macro("__GNUC_PATCHLEVEL__")
#pragma pop_macro("__GNUC_MINOR__")
#pragma pop_macro("__GNUC__")

#ifndef EIGEN_VECTORIZE_SSE
#error "Eigen did not take its SSE path"
#endif
