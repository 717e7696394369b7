// Block scoring and representatives.
#include "memory/block_select.h"

#include "cpu/ops.h"

#include <algorithm>
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
        const float h = cpu::dot(r, qmean, dim);
        s.s_h[static_cast<size_t>(b)] = h;
        float c = h;
        if (qvec) {
            const float q = cpu::dot(r, qvec, dim);
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

} // namespace quire
