// Causal attention over a KV cache (full attention: whole readings, `--method full`, the CPU
// twin the GPU checks compare with). The queries of one KV head's heads (GQA) and of a tile of
// tokens form one matrix, so that the logits and the weighted values are two SGEMMs that read
// each key and value row once per tile; decoding splits long key ranges over the threads.
#pragma once

namespace quire::cpu {

// Causal attention of T queries (at positions n_past..) over KV cache rows 0..n_past+t, GQA.
// q, out: [T][n_head*head_dim]; k, v: [rows][n_head_kv*head_dim]. Keys and queries rotated.
void attention(const float * q, const float * k, const float * v, float * out, int T, int n_past, int n_head, int n_head_kv, int head_dim);

} // namespace quire::cpu
