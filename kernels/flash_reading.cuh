// Reading attention of an execution block (T queries) over the block memory, flash-style on
// tensor cores (bf16 inputs, fp32 accumulation, online softmax, nothing of size T x keys in
// global memory): memory keys (sinks + gathered blocks, pre-RoPE) against the fixed-distance
// queries, then local keys (window + causal current tokens, rotated) against the rotated queries,
// all in ONE softmax per query and head. A second pass recomputes the local logits and adds each
// local key's probability, summed over the queries, to its local score. Head dims 64 and 128;
// the batched-GEMM path covers the rest, fp32, and single-query steps. CPU twin: the attention
// loop of memory::MemoryModel::step.
#pragma once
#include "kv_type.cuh"

namespace quire {

struct FlashReadingParams {
    const void * qmh, * qh;       // bf16 [n_head][T][head_dim]: fixed-distance and rotated queries
    const void * mem_k, * mem_v;  // bf16 [n_mem][kv_dim]
    const void * win_k, * win_v;  // bf16 [rows][kv_dim]: window then current tokens (rotated keys)
    const StepCounters * c;       // n_win: window rows before the step
    int n_mem, T, n_head, n_head_kv, head_dim;
    int n_loc_max;                // host bound on n_win + T (the second pass's grid)
    float scale;
    void * out;                   // bf16 [T][n_head * head_dim] (the output projection's input)
    float * stats;                // scratch [n_head][T][2]: row max and sum
    float * win_score;            // [rows][n_head] local scores, accumulated
};
bool flash_reading_supported(int head_dim); // 64 and 128
// The output and each row's max and sum (stats).
cudaError_t launch_flash_reading(const FlashReadingParams & p, cudaStream_t stream);
// Then the local scores, from the stats of launch_flash_reading.
cudaError_t launch_flash_local_scores(const FlashReadingParams & p, cudaStream_t stream);

} // namespace quire
