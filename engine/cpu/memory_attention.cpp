#include "cpu/memory_attention.h"

#include "cpu/attention_gemm.h"
#include "cpu/blas.h"
#include "cpu/softmax_row.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace quire::cpu {

namespace {

struct Dims {
    int T, NH, KVH, HD, rep, QD, KVD, n_all, n_loc, tile_tokens, n_tiles;
};

// One (KV head g, tile of tokens) task: outputs into a.out, the weights its queries give the
// local keys into part ([rep][n_loc], zeroed here).
void tile_task(const MemoryAttentionArgs & a, const Dims & d, const float * kg, const float * vg, int g, int tile, float * part) {
    const int t0 = tile * d.tile_tokens, nt = std::min(d.tile_tokens, d.T - t0), rows = nt * d.rep;
    const int n_tile = a.n_mem + a.n_win + t0 + nt; // the keys the tile's last token sees
    thread_local std::vector<float> qm, qr, s, o, inv;
    qm.resize(static_cast<size_t>(rows) * d.HD), qr.resize(qm.size()), o.resize(qm.size()), inv.resize(static_cast<size_t>(rows));
    s.resize(static_cast<size_t>(rows) * n_tile);
    gather_group_rows(a.q_mem, d.QD, g, d.rep, d.HD, t0, nt, qm.data());
    gather_group_rows(a.q, d.QD, g, d.rep, d.HD, t0, nt, qr.data());
    const float scale = 1.0f / std::sqrt(static_cast<float>(d.HD));
    if (a.n_mem > 0) attention_logits(qm.data(), rows, d.HD, kg, d.HD, a.n_mem, scale, s.data(), n_tile);
    attention_logits(qr.data(), rows, d.HD, kg + static_cast<size_t>(a.n_mem) * d.HD, d.HD, n_tile - a.n_mem, scale, s.data() + a.n_mem, n_tile);
    std::fill(part, part + static_cast<size_t>(d.rep) * d.n_loc, 0.0f);
    for (int i = 0; i < nt; ++i) {
        const int visible = a.n_mem + a.n_win + t0 + i + 1; // causal among the current tokens
        for (int r = 0; r < d.rep; ++r) {
            const int row = i * d.rep + r;
            float * sr = s.data() + static_cast<size_t>(row) * n_tile;
            float m, l;
            softmax_numerators(sr, visible, n_tile, m, l);
            const float f = 1.0f / l;
            inv[static_cast<size_t>(row)] = f;
            float * pr = part + static_cast<size_t>(r) * d.n_loc;
            const float * loc = sr + a.n_mem;
            for (int j = 0; j < visible - a.n_mem; ++j) pr[j] += loc[j] * f;
        }
    }
    attention_values(s.data(), rows, n_tile, vg, d.HD, n_tile, d.HD, o.data());
    scatter_group_rows(o.data(), inv.data(), d.QD, g, d.rep, d.HD, t0, nt, a.out);
}

} // namespace

void memory_attention(const MemoryAttentionArgs & a) {
    blas_single_threaded();
    Dims d{};
    d.T = a.T, d.NH = a.n_head, d.KVH = a.n_head_kv, d.HD = a.head_dim, d.rep = a.n_head / a.n_head_kv;
    d.QD = d.NH * d.HD, d.KVD = d.KVH * d.HD;
    d.n_all = a.n_mem + a.n_win + a.T, d.n_loc = a.n_win + a.T;
    d.tile_tokens = std::max(1, kTileRows / d.rep);
    d.n_tiles = (a.T + d.tile_tokens - 1) / d.tile_tokens;
    const int tasks = d.KVH * d.n_tiles;
    // The calling thread's buffers, kept between layers and steps (a reading repeats the shapes).
    thread_local std::vector<float> kv, part;
    const size_t per_head = static_cast<size_t>(d.n_all) * d.HD;
    kv.resize(2 * static_cast<size_t>(d.KVH) * per_head);
    part.resize(static_cast<size_t>(tasks) * d.rep * d.n_loc);
    float * const kp = kv.data();
    float * const vp = kv.data() + static_cast<size_t>(d.KVH) * per_head;
    float * const parts = part.data();
    const bool parallel = static_cast<int64_t>(a.T) * d.n_all * d.QD > 65536;
#pragma omp parallel if (parallel)
    {
        // Each KV head's keys and values as contiguous rows.
#pragma omp for schedule(static)
        for (int j = 0; j < d.n_all; ++j)
            for (int g = 0; g < d.KVH; ++g) {
                const size_t to = static_cast<size_t>(g) * per_head + static_cast<size_t>(j) * d.HD;
                std::memcpy(kp + to, a.k_rows[j] + static_cast<size_t>(g) * d.HD, sizeof(float) * static_cast<size_t>(d.HD));
                std::memcpy(vp + to, a.v_rows[j] + static_cast<size_t>(g) * d.HD, sizeof(float) * static_cast<size_t>(d.HD));
            }
#pragma omp for schedule(dynamic, 1)
        for (int task = 0; task < tasks; ++task) {
            const int g = task % d.KVH, tile = task / d.KVH;
            tile_task(a, d, kp + static_cast<size_t>(g) * per_head, vp + static_cast<size_t>(g) * per_head, g, tile,
                      parts + static_cast<size_t>(task) * d.rep * d.n_loc);
        }
        // Local scores: each head's weights summed over its tiles, in tile order.
#pragma omp for schedule(static)
        for (int j = 0; j < d.n_loc; ++j)
            for (int h = 0; h < d.NH; ++h) {
                const int g = h / d.rep, r = h % d.rep;
                float acc = 0.0f;
                for (int tile = 0; tile < d.n_tiles; ++tile)
                    acc += parts[(static_cast<size_t>(tile * d.KVH + g) * d.rep + r) * d.n_loc + j];
                if (j < a.n_win)
                    a.win_score[static_cast<size_t>(j) * d.NH + h] += acc;
                else
                    a.cur_score[static_cast<size_t>(j - a.n_win) * d.NH + h] += acc;
            }
    }
}

} // namespace quire::cpu
