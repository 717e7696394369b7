// Choice of the block-memory backend, with fallback to the CPU.
#include "memory/memory_backend.h"

#include "core/error.h"
#include "memory/memory_model.h"
#include "model/model.h"
#ifdef QUIRE_HAVE_CUDA
#include "cuda/cuda_memory_model.h"
#endif

namespace quire {

std::unique_ptr<MemoryBackend> make_memory_backend(const Model & model, MemoryState & state, BackendKind kind, GpuPrecision precision) {
    if (gpu_wanted(kind, "block memory")) {
#ifdef QUIRE_HAVE_CUDA
        try {
            const bool bf16 = gpu_use_bf16(model, precision);
            CudaMemoryOptions opt;
            if (state.cfg.gpu_budget_bytes > 0) opt.block_budget = state.cfg.gpu_budget_bytes;
            auto m = std::make_unique<CudaMemoryModel>(GpuWeights::upload(model, bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32), state.cfg, opt);
            if (state.n_tokens > 0) m->upload(state);
            return m;
        } catch (const Error & e) {
            gpu_fallback(kind, "block memory", e);
        }
#endif
    }
    (void)precision;
    return std::make_unique<MemoryModel>(model, state);
}

} // namespace quire
