#include "cpu/attention_gemm.h"

#include "core/simd.h"
#include "core/vec_math.h"

#include <cblas.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace quire::cpu {

namespace {

// Up to this many query rows the loops below beat SGEMM (SmolLM2 decoding: 3 rows of 64 over a
// few hundred keys spent ~10% of a token in SGEMM's packing).
constexpr int kFewRows = 8;

QUIRE_CLONES void values_few(const float * P, int rows, int lds, const float * V, int ldv, int n, int hd, float * O) {
    std::fill(O, O + static_cast<ptrdiff_t>(rows) * hd, 0.0f);
    for (int j = 0; j < n; ++j) {
        const float * v = V + static_cast<ptrdiff_t>(j) * ldv;
        for (int r = 0; r < rows; ++r) {
            const float w = P[static_cast<ptrdiff_t>(r) * lds + j];
            if (w == 0.0f) continue; // keys the row may not see
            float * o = O + static_cast<ptrdiff_t>(r) * hd;
            for (int d = 0; d < hd; ++d) o[d] += w * v[d];
        }
    }
}

} // namespace

void gather_group_rows(const float * q, int q_dim, int g, int n_rep, int hd, int t0, int nt, float * rows) {
    const size_t group = static_cast<size_t>(n_rep) * static_cast<size_t>(hd); // contiguous in a token's row
    for (int i = 0; i < nt; ++i)
        std::memcpy(rows + static_cast<size_t>(i) * group, q + static_cast<size_t>(t0 + i) * static_cast<size_t>(q_dim) + static_cast<size_t>(g) * group,
                    sizeof(float) * group);
}

void scatter_group_rows(const float * rows, const float * row_scale, int q_dim, int g, int n_rep, int hd, int t0, int nt, float * out) {
    const size_t group = static_cast<size_t>(n_rep) * static_cast<size_t>(hd);
    for (int i = 0; i < nt; ++i)
        for (int r = 0; r < n_rep; ++r) {
            const int row = i * n_rep + r;
            const float f = row_scale[row];
            const float * src = rows + static_cast<size_t>(row) * static_cast<size_t>(hd);
            float * dst = out + static_cast<size_t>(t0 + i) * static_cast<size_t>(q_dim) + static_cast<size_t>(g) * group + static_cast<size_t>(r) * static_cast<size_t>(hd);
            for (int d = 0; d < hd; ++d) dst[d] = src[d] * f;
        }
}

void attention_logits(const float * Q, int rows, int hd, const float * K, int ldk, int n, float scale, float * S, int lds) {
    if (rows > kFewRows) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, n, hd, scale, Q, hd, K, ldk, 0.0f, S, lds);
        return;
    }
    for (int j = 0; j < n; ++j) {
        const float * k = K + static_cast<ptrdiff_t>(j) * ldk;
        for (int r = 0; r < rows; ++r) S[static_cast<ptrdiff_t>(r) * lds + j] = scale * dot(Q + static_cast<ptrdiff_t>(r) * hd, k, hd);
    }
}

void attention_values(const float * P, int rows, int lds, const float * V, int ldv, int n, int hd, float * O) {
    if (rows > kFewRows) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, hd, n, 1.0f, P, lds, V, ldv, 0.0f, O, hd);
        return;
    }
    values_few(P, rows, lds, V, ldv, n, hd, O);
}

} // namespace quire::cpu
