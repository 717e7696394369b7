// Everything between the fused QKV GEMM and block-memory attention, in one pass: biases, RoPE of
// the queries at their true positions and at the fixed memory distance, RoPE of the keys, the
// head-major query copies in the compute type for the attention GEMMs, and the window append
// (pre-RoPE keys, rotated keys, values; local scores of the new rows zeroed). Positions come from
// the device counters. CPU twin: the start of memory::MemoryModel::step (matmul biases, cpu::rope).
#pragma once
#include "kv_type.cuh"

namespace quire {

struct QkvPrepareParams {
    const void * qkv;                  // [T][q_dim + 2 kv_dim] in ct: q, then k, then v
    const float * bq, * bk, * bv;      // biases or null
    const StepCounters * c;
    const float2 * rope;               // [T + 1][head_dim / 2] (cos, sin): launch_rope_table
    bool adjacent;                     // RoPE pair layout
    int T, n_head, n_head_kv, head_dim;
    KvType ct;                         // F32 or BF16
    float * q_mem, * q_rot, * k_rot;   // fp32 [T][q_dim], [T][q_dim], [T][kv_dim]
    void * qmh, * qh;                  // ct [n_head][T][head_dim]
    void * win_k, * win_krot, * win_v; // ct window rows n_win .. n_win + T - 1
    float * win_score;                 // [..][n_head]
};
cudaError_t launch_qkv_prepare(const QkvPrepareParams & p, cudaStream_t stream);
// The step's rotations: rows t < T for positions pos0 + t (device counters), row T for the fixed
// memory distance mem_pos.
cudaError_t launch_rope_table(const StepCounters * c, int mem_pos, const float * inv_freq, int T, int head_dim, float2 * table, cudaStream_t stream);

} // namespace quire
