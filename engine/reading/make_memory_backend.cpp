// Choice of the block-memory backend, with fallback to the CPU.
#include "reading/make_memory_backend.h"

#include "backend/cuda_api.h"
#include "backend/cuda_loader.h"
#include "core/error.h"
#include "cpu/memory_model.h"

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
