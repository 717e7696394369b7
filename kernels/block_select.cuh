// Query-aware block selection on the device, with no host synchronisation:
//   mean of the current queries, s(B) = repr . qmean + beta * repr . qvec for every block, top-k
//   (ties to the lower block index), and the representative of a newly cut block (mean of the
//   repr_topk pre-RoPE keys with the highest local scores, per query head).
// CPU twins: block_scores, top_k_indices and block_representative in engine/memory/block_select.h.
#pragma once
#include "kv_type.cuh"

namespace quire {

// y[c] = mean over rows of x[rows][cols].
cudaError_t launch_mean_rows(const float * x, float * y, int rows, int cols, cudaStream_t stream);

struct BlockScoreParams {
    const float * repr;   // [n_blocks][dim]
    int n_blocks, dim;
    const float * qmean;  // [dim]
    const float * qvec;   // [dim] or null
    float beta;
    float * s_h, * s_q, * combined; // [n_blocks]; s_q unused without qvec
    const float * bias;             // [n_blocks] or null: +inf for word-match anchors, else 0
    float * rank;                   // [n_blocks], with bias: combined + bias (what top-k ranks)
};
cudaError_t launch_block_scores(const BlockScoreParams & p, cudaStream_t stream);

// out[0..k) = indices of the k largest of v[0..n), best first; k <= n.
cudaError_t launch_top_k(const float * v, int n, int k, int * out, cudaStream_t stream);

// n_blocks consecutive blocks of n_tokens each: keys [n_blocks * n_tokens][kvd] in ct (F32/BF16),
// pre-RoPE; scores [n_blocks * n_tokens][n_head]; out [n_blocks][n_head][head_dim].
cudaError_t launch_block_repr(const void * keys, KvType ct, const float * scores, int n_blocks, int n_tokens, int n_head, int n_head_kv,
                              int head_dim, int repr_topk, float * out, cudaStream_t stream);
// The same for several windows at once (every layer's, when blocks are cut).
constexpr int kReprSets = 128;
struct ReprSet {
    const void * keys;
    const float * scores;
    float * out;
};
struct ReprSets {
    ReprSet s[kReprSets];
};
cudaError_t launch_block_repr_sets(const ReprSets & sets, int n_sets, KvType ct, int n_blocks, int n_tokens, int n_head, int n_head_kv, int head_dim,
                                   int repr_topk, cudaStream_t stream);

} // namespace quire
