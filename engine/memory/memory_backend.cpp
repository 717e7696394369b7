// Choice of the block-memory backend, with fallback to the CPU.
#include "memory/memory_backend.h"

#include "core/error.h"
#include "core/log.h"
#include "memory/memory_model.h"
#include "model/model.h"
#ifdef QUIRE_HAVE_CUDA
#include "cuda/cuda_device.h"
#include "cuda/cuda_memory_model.h"
#endif

namespace quire {

std::unique_ptr<MemoryBackend> make_memory_backend(const Model & model, MemoryState & state, BackendKind kind, GpuPrecision precision) {
    if (kind == BackendKind::CPU) return std::make_unique<MemoryModel>(model, state);
#ifdef QUIRE_HAVE_CUDA
    const CudaDeviceInfo dev = cuda_device_info();
    if (dev.usable) {
        try {
            const bool bf16 = precision == GpuPrecision::BF16 || (precision == GpuPrecision::AUTO && model.info.n_params >= 1000000000ull);
            auto m = std::make_unique<CudaMemoryModel>(GpuWeights::upload(model, bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32), state.cfg);
            if (state.n_tokens > 0) m->upload(state);
            return m;
        } catch (const Error & e) {
            if (kind == BackendKind::CUDA) throw;
            log()->warn("CUDA block memory unavailable ({}); using the CPU", e.what());
        }
    } else if (kind == BackendKind::CUDA) {
        fail(Status::UNSUPPORTED, "no usable CUDA device: " + dev.error);
    } else {
        log()->info("no usable CUDA device ({}); block memory on the CPU", dev.error);
    }
#else
    (void)precision;
    if (kind == BackendKind::CUDA) fail(Status::UNSUPPORTED, "this build of Quire has no CUDA backend");
#endif
    return std::make_unique<MemoryModel>(model, state);
}

} // namespace quire
