// Block scoring and representatives.
#include "memory/block_select.h"

#include "core/vec_math.h"
#include "model/hparams.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace quire {

std::vector<int> top_k_indices(const float * v, int n, int k) {
    std::vector<int> idx(static_cast<size_t>(n));
    std::iota(idx.begin(), idx.end(), 0);
    k = std::clamp(k, 0, n);
    auto better = [v](int a, int b) { return v[a] > v[b] || (v[a] == v[b] && a < b); };
    std::partial_sort(idx.begin(), idx.begin() + k, idx.end(), better);
    idx.resize(static_cast<size_t>(k));
    return idx;
}

BlockScores block_scores(const float * const * reprs, int n_blocks, int dim, const float * qmean, const float * qvec, float beta, int topk,
                         const std::vector<int> * anchors) {
    BlockScores s;
    s.s_h.resize(static_cast<size_t>(n_blocks));
    s.combined.resize(static_cast<size_t>(n_blocks));
    if (qvec) s.s_q.resize(static_cast<size_t>(n_blocks));
    for (int b = 0; b < n_blocks; ++b) {
        const float * r = reprs[b];
        const float h = dot(r, qmean, dim);
        s.s_h[static_cast<size_t>(b)] = h;
        float c = h;
        if (qvec) {
            const float q = dot(r, qvec, dim);
            s.s_q[static_cast<size_t>(b)] = q;
            c += beta * q;
        }
        s.combined[static_cast<size_t>(b)] = c;
    }
    if (anchors && !anchors->empty()) {
        // As the CUDA twin: anchors rank as +infinity (ties: lower index first).
        std::vector<float> rank = s.combined;
        for (int b : *anchors)
            if (b >= 0 && b < n_blocks) rank[static_cast<size_t>(b)] = std::numeric_limits<float>::infinity();
        s.anchors = *anchors;
        s.selected = top_k_indices(rank.data(), n_blocks, topk);
    } else {
        s.selected = top_k_indices(s.combined.data(), n_blocks, topk);
    }
    return s;
}

void block_representative(const float * keys, int key_stride, const float * scores, int score_stride, int n_tokens, int head_dim,
                          int repr_topk, float * out) {
    std::vector<float> sc(static_cast<size_t>(n_tokens));
    for (int t = 0; t < n_tokens; ++t) sc[static_cast<size_t>(t)] = scores[static_cast<size_t>(t) * static_cast<size_t>(score_stride)];
    const auto top = top_k_indices(sc.data(), n_tokens, repr_topk);
    std::fill(out, out + head_dim, 0.0f);
    for (int t : top) {
        const float * k = keys + static_cast<size_t>(t) * static_cast<size_t>(key_stride);
        for (int d = 0; d < head_dim; ++d) out[d] += k[d];
    }
    const float inv = top.empty() ? 0.0f : 1.0f / static_cast<float>(top.size());
    for (int d = 0; d < head_dim; ++d) out[d] *= inv;
}

void question_vector(const HParams & hp, int repr_topk, const float * q_mem, const float * q_rot, const float * k_rot, int T, float * out) {
    const int HD = hp.head_dim, QD = hp.q_dim(), KVD = hp.kv_dim(), n_rep = hp.n_head / hp.n_head_kv;
    const float scale = 1.0f / std::sqrt(static_cast<float>(HD));
    std::vector<float> score(static_cast<size_t>(T)), p(static_cast<size_t>(T));
    for (int h = 0; h < hp.n_head; ++h) {
        std::fill(score.begin(), score.end(), 0.0f);
        const int kvh = h / n_rep;
        for (int t = 0; t < T; ++t) {
            for (int j = 0; j <= t; ++j)
                p[static_cast<size_t>(j)] = dot(q_rot + static_cast<size_t>(t) * QD + static_cast<size_t>(h) * HD,
                                                k_rot + static_cast<size_t>(j) * KVD + static_cast<size_t>(kvh) * HD, HD) * scale;
            softmax(p.data(), t + 1);
            for (int j = 0; j <= t; ++j) score[static_cast<size_t>(j)] += p[static_cast<size_t>(j)];
        }
        block_representative(q_mem + static_cast<size_t>(h) * HD, QD, score.data(), 1, T, HD, repr_topk, out + static_cast<size_t>(h) * HD);
    }
}

} // namespace quire
