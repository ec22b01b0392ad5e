#include "digitnet/kernels_wasm.hpp"

#ifdef DIGITNET_WASM_KERNELS
#include <wasm_simd128.h>
#include <cstddef>

namespace digitnet::kernels {

namespace {

// Row r of a row-major matrix with `cols` columns.
template <class T>
T* row(T* M, int r, int cols) {
    return M + static_cast<size_t>(r) * static_cast<size_t>(cols);
}

v128_t multiply_add(v128_t sum, v128_t a, v128_t b) { return wasm_f32x4_add(sum, wasm_f32x4_mul(a, b)); }

float horizontal_sum(v128_t v) {
    v = wasm_f32x4_add(v, wasm_i32x4_shuffle(v, v, 2, 3, 0, 1));
    v = wasm_f32x4_add(v, wasm_i32x4_shuffle(v, v, 1, 0, 3, 2));
    return wasm_f32x4_extract_lane(v, 0);
}

// The R x S block of C = A B^T at row i, column j: R x S dot products, each
// kept as four partial sums in a register until the end.
template <int R, int S>
void dot_block(const float* A, const float* B, float* C, int n, int k, int i, int j) {
    const float* a[R];
    const float* b[S];
    for (int r = 0; r < R; ++r) a[r] = row(A, i + r, k);
    for (int s = 0; s < S; ++s) b[s] = row(B, j + s, k);
    v128_t sum[R][S];
    for (auto& sums : sum)
        for (auto& v : sums) v = wasm_f32x4_splat(0.0f);
    const int k4 = k & ~3;
    for (int p = 0; p < k4; p += 4) {
        v128_t av[R];
        for (int r = 0; r < R; ++r) av[r] = wasm_v128_load(a[r] + p);
        for (int s = 0; s < S; ++s) {
            const v128_t bv = wasm_v128_load(b[s] + p);
            for (int r = 0; r < R; ++r) sum[r][s] = multiply_add(sum[r][s], av[r], bv);
        }
    }
    for (int r = 0; r < R; ++r)
        for (int s = 0; s < S; ++s) {
            float c = horizontal_sum(sum[r][s]);
            for (int p = k4; p < k; ++p) c += a[r][p] * b[s][p];
            row(C, i + r, n)[j + s] = c;
        }
}

// Rows i..i+R of C = A B^T: S columns at a time, then one at a time.
template <int R, int S>
void dot_rows(const float* A, const float* B, float* C, int n, int k, int i) {
    int j = 0;
    for (; j + S <= n; j += S) dot_block<R, S>(A, B, C, n, k, i, j);
    for (; j < n; ++j) dot_block<R, 1>(A, B, C, n, k, i, j);
}

// The R x 4S block of C (+)= alpha D^T X at row j, column p: R x 4S sums over
// the m rows of D and X, in registers, then scaled and stored once.
template <int R, int S>
void outer_block(const float* D, const float* X, float* C, int m, int n, int k, int j, int p, v128_t alpha,
                 bool accumulate) {
    v128_t sum[R][S];
    for (auto& sums : sum)
        for (auto& v : sums) v = wasm_f32x4_splat(0.0f);
    for (int b = 0; b < m; ++b) {
        const float* x = row(X, b, k) + p;
        const float* d = row(D, b, n) + j;
        v128_t xv[S];
        for (int s = 0; s < S; ++s) xv[s] = wasm_v128_load(x + 4 * s);
        for (int r = 0; r < R; ++r) {
            const v128_t dv = wasm_v128_load32_splat(d + r);
            for (int s = 0; s < S; ++s) sum[r][s] = multiply_add(sum[r][s], dv, xv[s]);
        }
    }
    for (int r = 0; r < R; ++r)
        for (int s = 0; s < S; ++s) {
            float* c = row(C, j + r, k) + p + 4 * s;
            const v128_t v = wasm_f32x4_mul(alpha, sum[r][s]);
            wasm_v128_store(c, accumulate ? wasm_f32x4_add(wasm_v128_load(c), v) : v);
        }
}

// Columns p..p+4S of C (+)= alpha D^T X: R rows at a time, then one at a time.
template <int R, int S>
void outer_columns(const float* D, const float* X, float* C, int m, int n, int k, int p, v128_t alpha, bool accumulate) {
    int j = 0;
    for (; j + R <= n; j += R) outer_block<R, S>(D, X, C, m, n, k, j, p, alpha, accumulate);
    for (; j < n; ++j) outer_block<1, S>(D, X, C, m, n, k, j, p, alpha, accumulate);
}

// The R x 4S block of C = A B at row i, column p: each row of A scales the rows
// of B into R x 4S sums, kept in registers over the n rows of B, then stored once.
template <int R, int S>
void scaled_rows_block(const float* A, const float* B, float* C, int n, int k, int i, int p) {
    v128_t sum[R][S];
    for (auto& sums : sum)
        for (auto& v : sums) v = wasm_f32x4_splat(0.0f);
    for (int j = 0; j < n; ++j) {
        const float* b = row(B, j, k) + p;
        v128_t bv[S];
        for (int s = 0; s < S; ++s) bv[s] = wasm_v128_load(b + 4 * s);
        for (int r = 0; r < R; ++r) {
            const v128_t av = wasm_v128_load32_splat(row(A, i + r, n) + j);
            for (int s = 0; s < S; ++s) sum[r][s] = multiply_add(sum[r][s], av, bv[s]);
        }
    }
    for (int r = 0; r < R; ++r)
        for (int s = 0; s < S; ++s) wasm_v128_store(row(C, i + r, k) + p + 4 * s, sum[r][s]);
}

// Rows i..i+R of C = A B: 4S columns at a time, then 4, then one at a time.
template <int R, int S>
void scaled_rows(const float* A, const float* B, float* C, int n, int k, int i) {
    int p = 0;
    for (; p + 4 * S <= k; p += 4 * S) scaled_rows_block<R, S>(A, B, C, n, k, i, p);
    for (; p + 4 <= k; p += 4) scaled_rows_block<R, 1>(A, B, C, n, k, i, p);
    for (; p < k; ++p)
        for (int r = 0; r < R; ++r) {
            float c = 0.0f;
            for (int j = 0; j < n; ++j) c += row(A, i + r, n)[j] * row(B, j, k)[p];
            row(C, i + r, k)[p] = c;
        }
}

// C (+)= alpha d^T x for one sample (m = 1): each row of C a multiple of x.
void add_outer_product(const float* d, const float* x, float* C, int n, int k, float alpha, bool accumulate) {
    const int k4 = k & ~3;
    for (int j = 0; j < n; ++j) {
        float* c = row(C, j, k);
        const float scale = alpha * d[j];
        const v128_t s = wasm_f32x4_splat(scale);
        for (int p = 0; p < k4; p += 4) {
            const v128_t v = wasm_f32x4_mul(s, wasm_v128_load(x + p));
            wasm_v128_store(c + p, accumulate ? wasm_f32x4_add(wasm_v128_load(c + p), v) : v);
        }
        for (int p = k4; p < k; ++p) c[p] = accumulate ? c[p] + scale * x[p] : scale * x[p];
    }
}

}  // namespace

void multiply_transposed(const float* A, const float* B, float* C, int m, int n, int k) {
    int i = 0;
    for (; i + 4 <= m; i += 4) dot_rows<4, 2>(A, B, C, n, k, i);
    for (; i < m; ++i) dot_rows<1, 4>(A, B, C, n, k, i);  // also a whole batch of one
}

void add_transposed_product(const float* D, const float* X, float* C, int m, int n, int k, float alpha, bool accumulate) {
    if (m == 1) return add_outer_product(D, X, C, n, k, alpha, accumulate);
    // A few rows of D at a time, so that they stay in the L1 cache while the
    // columns of C go by; C takes each stretch's sums in turn.
    constexpr int kStretch = 32;
    for (; m > kStretch; m -= kStretch) {
        add_transposed_product(D, X, C, kStretch, n, k, alpha, accumulate);
        D = row(D, kStretch, n);
        X = row(X, kStretch, k);
        accumulate = true;
    }
    const v128_t a = wasm_f32x4_splat(alpha);
    int p = 0;
    for (; p + 16 <= k; p += 16) outer_columns<2, 4>(D, X, C, m, n, k, p, a, accumulate);
    for (; p + 4 <= k; p += 4) outer_columns<2, 1>(D, X, C, m, n, k, p, a, accumulate);
    for (; p < k; ++p)
        for (int j = 0; j < n; ++j) {
            float sum = 0.0f;
            for (int b = 0; b < m; ++b) sum += row(D, b, n)[j] * row(X, b, k)[p];
            float& c = row(C, j, k)[p];
            c = accumulate ? c + alpha * sum : alpha * sum;
        }
}

void multiply(const float* A, const float* B, float* C, int m, int n, int k) {
    int i = 0;
    for (; i + 4 <= m; i += 4) scaled_rows<4, 2>(A, B, C, n, k, i);
    for (; i < m; ++i) scaled_rows<1, 4>(A, B, C, n, k, i);
}

}  // namespace digitnet::kernels

#endif
