// Causal attention of T queries over a KV cache (fp32): query t (at position n_past + t) attends
// to cache rows 0 .. n_past + t, heads grouped over KV heads (GQA). Keys and queries are already
// rotated. The reference-grade kernel that the flash-style reading kernel is checked against;
// CPU twin: the attention loop of cpu::CpuModel.
#pragma once
#include <cuda_runtime.h>

namespace quire {

struct AttentionParams {
    const float * q;      // [T][n_head * head_dim]
    const float * k;      // [n_ctx][n_head_kv * head_dim] cache rows
    const float * v;      // same layout as k
    float * out;          // [T][n_head * head_dim]
    int n_tokens;         // T
    int n_past;           // cache rows before the first query
    int n_head, n_head_kv, head_dim;
    float scale;          // 1 / sqrt(head_dim)
};

cudaError_t launch_attention_f32(const AttentionParams & p, cudaStream_t stream);

} // namespace quire
