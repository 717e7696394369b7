// The two products of an attention pass, for a matrix of query rows against key/value rows
// (row-major, any leading dimensions): through OpenBLAS's SGEMM for many rows (reading), through
// plain vectorised loops for a few (decoding: one token's heads of one KV head), where SGEMM's
// packing costs more than the products.
#pragma once

namespace quire::cpu {

// S[r][j] = scale * (Q[r] . K[j]), r < rows, j < n; Q rows of hd at stride hd, K at stride ldk.
void attention_logits(const float * Q, int rows, int hd, const float * K, int ldk, int n, float scale, float * S, int lds);

// O[r] = sum_j P[r][j] * V[j], r < rows; P at stride lds, V rows of hd at stride ldv, O at stride hd.
void attention_values(const float * P, int rows, int lds, const float * V, int ldv, int n, int hd, float * O);

} // namespace quire::cpu
