// Element types of the block memory's keys and values on the device: fp32 (exact agreement with
// the CPU backend), bf16 (the compute type of tensor-core GEMMs) and fp8 e4m3 with one fp32 scale
// per stored block (storage only: blocks are widened to the compute type when gathered).
#pragma once
#include <cstddef>
#include <cuda_runtime.h>

namespace quire {

enum class KvType : int { F32 = 0, BF16 = 1, FP8 = 2 };

inline size_t kv_type_size(KvType t) { return t == KvType::F32 ? 4 : t == KvType::BF16 ? 2 : 1; }

// Counters of a block-memory step that live on the device, so that a captured decode graph can
// replay without host updates: position of the step's first token, and tokens in the local window
// before the step.
struct StepCounters {
    int pos0;
    int n_win;
};

} // namespace quire
