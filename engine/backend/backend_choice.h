// Which backend runs a model: the user's choice (auto, cpu, cuda), the GPU's weight precision,
// and the GPU-or-CPU decision shared by generation (generate/make_backend.h) and block memory
// (reading/make_memory_backend.h).
#pragma once

#include <cstdint>
#include <exception>
#include <string>

namespace quire {

enum class BackendKind { AUTO, CPU, CUDA };

// GPU weight precision. AUTO: bf16 for every model (tensor cores, the flash reading kernel, half
// the memory: SmolLM2-135M reads a 234K-token manual 1.4x faster than in fp32 with the same
// answers within a question or two, docs/performance.md); FP32 agrees with the CPU exactly (the
// parity checks).
enum class GpuPrecision { AUTO, FP32, BF16 };

// Where a generation, a reading or a question runs.
struct DeviceParams {
    BackendKind backend = BackendKind::AUTO;
    GpuPrecision precision = GpuPrecision::AUTO;
    // Block memory on the GPU: block K/V on the card up to this many bytes, beyond it in pinned
    // host memory (0: no limit).
    uint64_t gpu_block_budget = 0;
};

// "auto", "cpu" or "cuda"; throws Error(BAD_INPUT) otherwise.
BackendKind backend_kind_from_string(const std::string & s);
// "auto", "bf16" or "fp32"; throws Error(BAD_INPUT) otherwise.
GpuPrecision gpu_precision_from_string(const std::string & s);

// Whether to try the GPU for `what` (false for CPU; for AUTO without a usable device, saying why
// in the log; Error for CUDA when this build or device cannot). gpu_fallback, called in a catch
// block after a GPU attempt failed, rethrows for CUDA and logs the fallback to the CPU for AUTO.
bool gpu_wanted(BackendKind kind, const char * what);
bool gpu_use_bf16(GpuPrecision p); // AUTO and BF16: bf16
void gpu_fallback(BackendKind kind, const char * what, const std::exception & e);

} // namespace quire
