// Block relevance and representatives: s(B) = s(B,H) + beta * s(B,Q) and top-k selection, and
// the representative vector of a block from the keys with the highest local scores. The CPU
// twins of the CUDA block-scoring kernels.
#pragma once

#include <cstdint>
#include <vector>

namespace quire {

struct HParams;

struct BlockScores {
    std::vector<float> s_h;      // representative . mean current query, per block
    std::vector<float> s_q;      // representative . question vector (empty without a question)
    std::vector<float> combined; // s_h + beta * s_q
    std::vector<int> anchors;    // blocks given a slot by word match (lexical_anchors.h), selected first
    std::vector<int> selected;   // indices of the top-k blocks, best first (anchors rank as +infinity)
};

// reprs: n_blocks pointers to vectors of `dim`; qmean: the current queries' mean (dim); qvec: the
// question vector (dim) or nullptr; anchors: blocks selected ahead of the scores (or nullptr). Ties
// go to the lower block index, so results are deterministic.
BlockScores block_scores(const float * const * reprs, int n_blocks, int dim, const float * qmean, const float * qvec, float beta, int topk,
                         const std::vector<int> * anchors = nullptr);

// Representative of one block for one query head: the mean of the repr_topk keys (head_dim
// each, pre-RoPE) whose local scores are highest. keys: n_tokens rows with stride key_stride;
// scores: n_tokens values. Writes head_dim floats to out.
void block_representative(const float * keys, int key_stride, const float * scores, int score_stride, int n_tokens, int head_dim,
                          int repr_topk, float * out);

// Indices of the k largest values (ties: lower index first), in descending order.
std::vector<int> top_k_indices(const float * v, int n, int k);

// The question vector of one layer: per head, the mean of the fixed-distance queries (q_mem) of
// the repr_topk question tokens that the question itself attends to most (causal attention among
// the question tokens, rotated q_rot . k_rot, gives each its local score). Writes q_dim floats.
void question_vector(const HParams & hp, int repr_topk, const float * q_mem, const float * q_rot, const float * k_rot, int T, float * out);

} // namespace quire
