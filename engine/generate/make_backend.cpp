// Backend choice for generation, with fallback to the CPU.
#include "generate/make_backend.h"

#include "backend/cuda_api.h"
#include "backend/cuda_loader.h"
#include "core/error.h"
#include "cpu/cpu_model.h"

namespace quire {

std::unique_ptr<ForwardBackend> make_backend(const Model & model, int n_ctx, BackendKind kind, GpuPrecision precision) {
    if (gpu_wanted(kind, "generation")) {
        try {
            return cuda_backend()->make_forward(model, n_ctx, gpu_use_bf16(precision));
        } catch (const Error & e) {
            gpu_fallback(kind, "generation", e);
        }
    }
    return std::make_unique<cpu::CpuModel>(model, n_ctx);
}

} // namespace quire
