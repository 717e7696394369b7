// The two products of an attention pass, for a matrix of query rows against key/value rows
// (row-major, any leading dimensions): through OpenBLAS's SGEMM for many rows (reading), through
// plain vectorised loops for a few (decoding: one token's heads of one KV head), where SGEMM's
// packing costs more than the products.
#pragma once

namespace quire::cpu {

// Query rows (tokens x the heads of one KV head) per tile, in both attention passes: a tile's
// logits over a 32K-token context stay within ~12 MiB per thread.
constexpr int kTileRows = 96;

// A tile of one KV head's query rows as one matrix (GQA: the group's n_rep heads are adjacent in
// a token's row of q_dim floats): tokens t0 .. t0 + nt of q, row i * n_rep + r = token t0 + i,
// head g * n_rep + r.
void gather_group_rows(const float * q, int q_dim, int g, int n_rep, int hd, int t0, int nt, float * rows);
// The reverse, each row times row_scale[row], into out ([T][q_dim]).
void scatter_group_rows(const float * rows, const float * row_scale, int q_dim, int g, int n_rep, int hd, int t0, int nt, float * out);

// S[r][j] = scale * (Q[r] . K[j]), r < rows, j < n; Q rows of hd at stride hd, K at stride ldk.
void attention_logits(const float * Q, int rows, int hd, const float * K, int ldk, int n, float scale, float * S, int lds);

// O[r] = sum_j P[r][j] * V[j], r < rows; P at stride lds, V rows of hd at stride ldv, O at stride hd.
void attention_values(const float * P, int rows, int lds, const float * V, int ldv, int n, int hd, float * O);

} // namespace quire::cpu
