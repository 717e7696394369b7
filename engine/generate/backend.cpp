// Backend choice with fallback to the CPU.
#include "generate/backend.h"

#include "core/error.h"
#include "core/log.h"
#include "cpu/cpu_model.h"
#include "cuda/cuda_api.h"
#include "generate/cuda_loader.h"
#include "model/model.h"

namespace quire {

BackendKind backend_kind_from_string(const std::string & s) {
    if (s == "auto") return BackendKind::AUTO;
    if (s == "cpu") return BackendKind::CPU;
    if (s == "cuda" || s == "gpu") return BackendKind::CUDA;
    fail(Status::BAD_INPUT, "unknown backend '" + s + "' (auto, cpu, cuda)");
}

bool gpu_use_bf16(const Model & model, GpuPrecision p) {
    return p == GpuPrecision::BF16 || (p == GpuPrecision::AUTO && model.info.n_params >= 1000000000ull);
}

bool gpu_wanted(BackendKind kind, const char * what) {
    if (kind == BackendKind::CPU) return false;
    const CudaDeviceInfo dev = cuda_device_status();
    if (dev.usable) return true;
    if (kind == BackendKind::CUDA) fail(Status::UNSUPPORTED, "no usable CUDA device: " + dev.error);
    log()->info("no usable CUDA device ({}); {} on the CPU", dev.error, what);
    return false;
}

void gpu_fallback(BackendKind kind, const char * what, const std::exception & e) {
    if (kind == BackendKind::CUDA) throw; // the exception being handled
    log()->warn("CUDA unavailable for {} ({}); using the CPU", what, e.what());
}

std::unique_ptr<ForwardBackend> make_backend(const Model & model, int n_ctx, BackendKind kind, GpuPrecision precision) {
    if (gpu_wanted(kind, "generation")) {
        try {
            return cuda_backend()->make_forward(model, n_ctx, gpu_use_bf16(model, precision));
        } catch (const Error & e) {
            gpu_fallback(kind, "generation", e);
        }
    }
    return std::make_unique<cpu::CpuModel>(model, n_ctx);
}

} // namespace quire
