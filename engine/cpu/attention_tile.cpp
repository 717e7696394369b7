#include "cpu/attention_tile.h"

#include "core/simd.h"

#include <algorithm>
#include <cstring>

namespace quire::cpu {

namespace {
// Eight floats; the compiler maps it to one AVX register in the avx2 clones, two SSE ones
// otherwise. Loaded and stored with memcpy (unaligned rows); never passed or returned by value
// (that would change the ABI between the clones).
typedef float v8 __attribute__((vector_size(32)));
#define QUIRE_LOAD8(dst, src) std::memcpy(&(dst), (src), sizeof(v8))
#define QUIRE_STORE8(dst, src) std::memcpy((dst), &(src), sizeof(v8))
} // namespace

int pack_keys_t(const float * const * keys, int n, int hd, std::vector<float> & kt) {
    const int ld = (n + 7) / 8 * 8;
    // + 8: a tile starting at an unaligned column j0 reads up to 7 columns past the last row.
    kt.assign(static_cast<size_t>(ld) * static_cast<size_t>(hd) + 8, 0.0f);
    // Eight keys at a time: each key row is read once, the eight output rows stay in cache.
    for (int j0 = 0; j0 < n; j0 += 8)
        for (int j = j0; j < std::min(n, j0 + 8); ++j) {
            const float * k = keys[j];
            for (int d = 0; d < hd; ++d) kt[static_cast<size_t>(d) * ld + j] = k[d];
        }
    return ld;
}

QUIRE_CLONES void dot_tile(const float * const * q, int nq, const float * kt, int ld, int j0, int n, int hd, float scale, float * const * s) {
    const float * qs[kTileQueries];
    for (int i = 0; i < kTileQueries; ++i) qs[i] = q[i < nq ? i : 0]; // unused lanes repeat query 0
    float tmp[8];
    for (int j = 0; j < n; j += 8) {
        v8 acc[kTileQueries] = {};
        const float * col = kt + j0 + j;
        for (int d = 0; d < hd; ++d) {
            v8 k;
            QUIRE_LOAD8(k, col + static_cast<size_t>(d) * ld);
            for (int i = 0; i < kTileQueries; ++i) acc[i] += qs[i][d] * k;
        }
        const int m = std::min(8, n - j);
        for (int i = 0; i < nq; ++i) {
            acc[i] *= scale;
            QUIRE_STORE8(tmp, acc[i]);
            std::memcpy(s[i] + j, tmp, sizeof(float) * static_cast<size_t>(m));
        }
    }
}

QUIRE_CLONES void pv_tile(const float * const * p, int nq, const float * const * vals, int n, int hd, float * const * out) {
    const float * ps[kTileQueries];
    for (int i = 0; i < kTileQueries; ++i) ps[i] = p[i < nq ? i : 0];
    int d = 0;
    for (; d + 16 <= hd; d += 16) { // 16 columns of 4 outputs in 8 registers, over all keys
        v8 lo[kTileQueries] = {}, hi[kTileQueries] = {};
        for (int j = 0; j < n; ++j) {
            v8 a, b;
            QUIRE_LOAD8(a, vals[j] + d);
            QUIRE_LOAD8(b, vals[j] + d + 8);
            for (int i = 0; i < kTileQueries; ++i) {
                const float w = ps[i][j];
                lo[i] += w * a;
                hi[i] += w * b;
            }
        }
        for (int i = 0; i < nq; ++i) {
            QUIRE_STORE8(out[i] + d, lo[i]);
            QUIRE_STORE8(out[i] + d + 8, hi[i]);
        }
    }
    for (; d < hd; ++d)
        for (int i = 0; i < nq; ++i) {
            float acc = 0.0f;
            for (int j = 0; j < n; ++j) acc += ps[i][j] * vals[j][d];
            out[i][d] = acc;
        }
}

} // namespace quire::cpu
