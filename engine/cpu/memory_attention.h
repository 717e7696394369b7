// The block memory's attention on the CPU: one softmax over the sinks and selected blocks (keys
// un-rotated, queries at the fixed memory distance) and over the local window plus the causal
// current tokens (true positions). Each KV head's keys and values are gathered into one matrix,
// the queries of its heads (GQA) and of a tile of tokens form another, and the logits and the
// weighted values are SGEMMs: each key row is read once per tile, not once per query.
#pragma once

namespace quire::cpu {

struct MemoryAttentionArgs {
    int T = 0, n_head = 0, n_head_kv = 0, head_dim = 0;
    int n_mem = 0;                          // key slots [0, n_mem): sinks and selected blocks
    int n_win = 0;                          // then the window's n_win, then the T current tokens
    const float * q_mem = nullptr;          // [T][n_head * head_dim] rotated to the memory distance
    const float * q = nullptr;              // [T][n_head * head_dim] rotated to their positions
    const float * const * k_rows = nullptr; // n_mem + n_win + T rows of n_head_kv * head_dim
    const float * const * v_rows = nullptr;
    float * out = nullptr;       // [T][n_head * head_dim]
    float * win_score = nullptr; // [n_win][n_head]: += the weight each head's queries give a window token
    float * cur_score = nullptr; // [T][n_head]: += the same for the current tokens
};

void memory_attention(const MemoryAttentionArgs & a);

} // namespace quire::cpu
