// Choice of the block-memory backend, with fallback to the CPU.
#include "memory/memory_backend.h"

#include "core/error.h"
#include "memory/memory_model.h"
#include "model/model.h"
#include "cuda/cuda_api.h"
#include "generate/cuda_loader.h"

namespace quire {

std::unique_ptr<MemoryBackend> make_memory_backend(const Model & model, MemoryState & state, BackendKind kind, GpuPrecision precision) {
    if (gpu_wanted(kind, "block memory")) {
        try {
            return cuda_backend()->make_memory(model, state, gpu_use_bf16(model, precision));
        } catch (const Error & e) {
            gpu_fallback(kind, "block memory", e);
        }
    }
    return std::make_unique<MemoryModel>(model, state);
}

} // namespace quire
