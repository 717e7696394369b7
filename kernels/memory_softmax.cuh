// The one softmax of a block-memory step. Logits s[h][t][j] (fp32, scale applied) over n_cols
// columns: the n_mem memory columns (sinks + selected blocks) always visible, then local columns
// (window + current tokens) of which query t sees the first n_win + t + 1 (n_win read from the
// device counters); masked columns get probability 0. Probabilities replace the logits in place
// and, for bf16 compute, are also written as bf16 to p for the P.V GEMM.
// Local scores: win_score[j][h] += sum_t prob[h][t][n_mem + j] for j < n_win + T, what each
// window and current token received (its keys' weight in block representatives).
// CPU twin: the attention loop of memory::MemoryModel::step.
#pragma once
#include "kv_type.cuh"

namespace quire {

struct MemorySoftmaxParams {
    float * s;             // [n_head][T][n_cols]
    void * p;              // [n_head][T][n_cols] bf16, or null for F32 compute
    const StepCounters * c;
    int n_head, T, n_cols, n_mem;
};
cudaError_t launch_memory_softmax(const MemorySoftmaxParams & p, cudaStream_t stream);
cudaError_t launch_local_scores(const MemorySoftmaxParams & p, float * win_score, cudaStream_t stream);

} // namespace quire
