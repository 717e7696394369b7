// Choice of the block-memory backend, with fallback to the CPU.
#include "reading/make_memory_backend.h"

#include "backend/cuda_api.h"
#include "backend/cuda_loader.h"
#include "core/error.h"
#include "cpu/memory_model.h"

namespace quire {

std::unique_ptr<MemoryBackend> make_memory_backend(const Model & model, MemoryState & state, const DeviceParams & device) {
    if (gpu_wanted(device.backend, "block memory")) {
        try {
            return cuda_backend()->make_memory(model, state, gpu_use_bf16(device.precision), device.gpu_block_budget);
        } catch (const Error & e) {
            gpu_fallback(device.backend, "block memory", e);
        }
    }
    return std::make_unique<MemoryModel>(model, state);
}

} // namespace quire
