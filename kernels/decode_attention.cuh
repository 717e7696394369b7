// Block-memory attention of ONE query (decoding), split over the keys: pass 1 gives each
// (head, split) the logits, max, sum and unnormalised output of its share of the keys (memory
// keys with the fixed-distance query, local keys with the rotated query; local keys past
// n_win + 1 are masked); pass 2 merges the splits, writes the output in the compute type for the
// next GEMM, and adds each local key's probability to its local score. Pass 1 serves all query
// heads of a KV head at once (GQA: each key row is read once). Replaces the batched GEMMs +
// softmax + local scores of the reading path when T = 1 (opt-in: inside the decode graph on the
// H200 it is still ~0.5 ms per token slower than those, docs/performance.md). CPU twin: the
// attention loop of memory::MemoryModel::step.
#pragma once
#include "kv_type.cuh"

namespace quire {

struct DecodeAttentionParams {
    const float * q_mem, * q_rot;   // [n_head][head_dim] fp32
    const void * mem_k, * mem_v;     // [n_mem][kv_dim] ct
    const void * win_k, * win_v;     // [n_loc_cap][kv_dim] ct (rotated keys)
    const StepCounters * c;          // n_win: window rows before this token (it is row n_win)
    int n_mem, n_loc_cap;            // n_loc_cap bounds the local rows considered
    int n_head, n_head_kv, head_dim;
    float scale;
    KvType ct;
    float * logits;                  // scratch [n_head][n_loc_cap]: the local keys' logits
    float * part;                    // scratch [n_head][splits][head_dim + 2]
    void * out;                      // [n_head * head_dim] ct
    float * win_score;               // [..][n_head]
};
// Scratch sizes for `part`: n_head * decode_attention_splits() * (head_dim + 2) floats.
int decode_attention_splits();
// Shapes the kernel takes: up to 8 query heads per KV head, head dim up to 128 (a multiple of
// the lane share), up to 64 x 512 visible keys.
bool decode_attention_supported(int n_head, int n_head_kv, int head_dim, int max_keys);
cudaError_t launch_decode_attention(const DecodeAttentionParams & p, cudaStream_t stream);

} // namespace quire
