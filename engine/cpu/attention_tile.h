// Attention of a few queries at once over keys and values given as row pointers (block memory:
// sinks, selected blocks, window and current tokens live in different arrays). Keys are first
// packed transposed, so that logits come out eight keys per vector with no horizontal sums; the
// output accumulates in registers over all keys, in key order (as a one-query loop would).
#pragma once

#include <vector>

namespace quire::cpu {

constexpr int kTileQueries = 4;

// keys[j] (hd floats each, j < n) transposed into kt: kt[d * ld + j], ld = n rounded up to 8
// (padding zero, and 8 more floats at the end). Returns ld.
int pack_keys_t(const float * const * keys, int n, int hd, std::vector<float> & kt);

// s[i][j] = (q[i] . key j) * scale for i < nq (<= kTileQueries), j < n, from packed keys
// (columns j0 .. j0 + n of kt).
void dot_tile(const float * const * q, int nq, const float * kt, int ld, int j0, int n, int hd, float scale, float * const * s);

// out[i][d] = sum over j < n, in order, of p[i][j] * vals[j][d], for i < nq.
void pv_tile(const float * const * p, int nq, const float * const * vals, int n, int hd, float * const * out);

} // namespace quire::cpu
