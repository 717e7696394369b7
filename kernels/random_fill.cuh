// Random normal values (mean 0, standard deviation sd) from a counter-based hash, for models
// with random weights (benchmarks: speed does not depend on weight values). Deterministic per
// (seed, index).
#pragma once
#include "kv_type.cuh"

namespace quire {

cudaError_t launch_fill_normal(void * x, KvType t, long long n, unsigned long long seed, float sd, cudaStream_t stream);

} // namespace quire
