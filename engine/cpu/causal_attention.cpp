#include "cpu/causal_attention.h"

#include "cpu/attention_gemm.h"
#include "cpu/blas.h"
#include "cpu/softmax_row.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace quire::cpu {

namespace {

// A decoding step splits the keys over the threads only in parts of at least this many keys.
constexpr int kMinSplitKeys = 1024;

struct Shape {
    int T, n_past, n_rep, hd, QD, KVD, tile_tokens, n_tiles, splits;
};

// One tile's rows over keys [k0, k1): unnormalised outputs o (rows x hd) with each row's
// maximum logit m and sum of numerators l.
void tile_part(const float * q, const float * k, const float * v, const Shape & sh, int g, int tile, int k0, int k1, float * o, float * m,
               float * l) {
    const int t0 = tile * sh.tile_tokens, nt = std::min(sh.tile_tokens, sh.T - t0), rows = nt * sh.n_rep, hd = sh.hd;
    thread_local std::vector<float> qp, s;
    qp.resize(static_cast<size_t>(rows) * hd);
    gather_group_rows(q, sh.QD, g, sh.n_rep, hd, t0, nt, qp.data());
    const int nk = std::max(0, k1 - k0);
    if (nk == 0) {
        std::fill(o, o + static_cast<size_t>(rows) * hd, 0.0f);
        std::fill(m, m + rows, -std::numeric_limits<float>::infinity());
        std::fill(l, l + rows, 0.0f);
        return;
    }
    s.resize(static_cast<size_t>(rows) * nk);
    const float * kb = k + static_cast<size_t>(k0) * sh.KVD + static_cast<size_t>(g) * hd;
    const float * vb = v + static_cast<size_t>(k0) * sh.KVD + static_cast<size_t>(g) * hd;
    attention_logits(qp.data(), rows, hd, kb, sh.KVD, nk, 1.0f / std::sqrt(static_cast<float>(hd)), s.data(), nk);
    for (int i = 0; i < nt; ++i) {
        const int visible = std::min(k1, sh.n_past + t0 + i + 1) - k0; // causal: token t sees positions <= n_past + t
        for (int r = 0; r < sh.n_rep; ++r) {
            const int row = i * sh.n_rep + r;
            softmax_numerators(s.data() + static_cast<size_t>(row) * nk, visible, nk, m[row], l[row]);
        }
    }
    attention_values(s.data(), rows, nk, vb, sh.KVD, nk, hd, o);
}

} // namespace

void attention(const float * q, const float * k, const float * v, float * out, int T, int n_past, int n_head, int n_head_kv, int head_dim) {
    blas_single_threaded();
    Shape sh{};
    sh.T = T, sh.n_past = n_past, sh.n_rep = n_head / n_head_kv, sh.hd = head_dim;
    sh.QD = n_head * head_dim, sh.KVD = n_head_kv * head_dim;
    sh.tile_tokens = std::max(1, kTileRows / sh.n_rep);
    sh.n_tiles = (T + sh.tile_tokens - 1) / sh.tile_tokens;
    const int threads = std::max(1, omp_get_max_threads()), tasks = n_head_kv * sh.n_tiles;
    // Decoding (one tile per KV head): the keys in parts, so that every thread has some.
    sh.splits = tasks >= threads ? 1 : std::clamp(threads / tasks, 1, std::max(1, (n_past + T) / kMinSplitKeys));
    const int rows_max = sh.tile_tokens * sh.n_rep;

    if (sh.splits == 1) {
#pragma omp parallel for schedule(dynamic, 1) if (static_cast<int64_t>(T) * (n_past + T) * n_head * head_dim > 65536)
        for (int task = 0; task < tasks; ++task) {
            const int g = task % n_head_kv, tile = task / n_head_kv;
            thread_local std::vector<float> o, m, l;
            o.resize(static_cast<size_t>(rows_max) * head_dim), m.resize(static_cast<size_t>(rows_max)), l.resize(static_cast<size_t>(rows_max));
            const int t0 = tile * sh.tile_tokens, nt = std::min(sh.tile_tokens, T - t0);
            tile_part(q, k, v, sh, g, tile, 0, n_past + t0 + nt, o.data(), m.data(), l.data());
            for (int r = 0; r < nt * sh.n_rep; ++r) l[static_cast<size_t>(r)] = 1.0f / l[static_cast<size_t>(r)];
            scatter_group_rows(o.data(), l.data(), sh.QD, g, sh.n_rep, sh.hd, t0, nt, out);
        }
        return;
    }

    // Parts of the key range per (KV head, tile), merged by their maxima: e^(m_s - M) rescales
    // each part's numerators to the common maximum M.
    const size_t part_rows = static_cast<size_t>(rows_max);
    const int parts = tasks * sh.splits;
    std::vector<float> po(static_cast<size_t>(parts) * part_rows * head_dim), pm(static_cast<size_t>(parts) * part_rows),
        pl(static_cast<size_t>(parts) * part_rows);
#pragma omp parallel for schedule(static)
    for (int p = 0; p < parts; ++p) {
        const int task = p / sh.splits, s = p % sh.splits;
        const int g = task % n_head_kv, tile = task / n_head_kv;
        const int t0 = tile * sh.tile_tokens, nt = std::min(sh.tile_tokens, T - t0), nk = n_past + t0 + nt;
        const int chunk = (nk + sh.splits - 1) / sh.splits;
        tile_part(q, k, v, sh, g, tile, std::min(nk, s * chunk), std::min(nk, (s + 1) * chunk), po.data() + static_cast<size_t>(p) * part_rows * head_dim,
                  pm.data() + static_cast<size_t>(p) * part_rows, pl.data() + static_cast<size_t>(p) * part_rows);
    }
    std::vector<float> o(part_rows * head_dim), f(part_rows);
    for (int task = 0; task < tasks; ++task) {
        const int g = task % n_head_kv, tile = task / n_head_kv;
        const int t0 = tile * sh.tile_tokens, nt = std::min(sh.tile_tokens, T - t0), rows = nt * sh.n_rep;
        for (int r = 0; r < rows; ++r) {
            float M = -std::numeric_limits<float>::infinity();
            for (int s = 0; s < sh.splits; ++s) M = std::max(M, pm[(static_cast<size_t>(task) * sh.splits + s) * part_rows + r]);
            float L = 0.0f;
            float * acc = o.data() + static_cast<size_t>(r) * head_dim;
            std::fill(acc, acc + head_dim, 0.0f);
            for (int s = 0; s < sh.splits; ++s) {
                const size_t base = (static_cast<size_t>(task) * sh.splits + s) * part_rows + r;
                if (pl[base] == 0.0f) continue; // a part with no visible key
                const float w = std::exp(pm[base] - M);
                L += w * pl[base];
                const float * src = po.data() + base * head_dim;
                for (int d = 0; d < head_dim; ++d) acc[d] += w * src[d];
            }
            f[static_cast<size_t>(r)] = 1.0f / L;
        }
        scatter_group_rows(o.data(), f.data(), sh.QD, g, sh.n_rep, sh.hd, t0, nt, out);
    }
}

} // namespace quire::cpu
