// Backend choice with fallback to the CPU.
#include "generate/backend.h"

#include "core/error.h"
#include "core/log.h"
#include "cpu/cpu_model.h"
#include "model/model.h"
#ifdef QUIRE_HAVE_CUDA
#include "cuda/cuda_device.h"
#include "cuda/cuda_model.h"
#endif

namespace quire {

BackendKind backend_kind_from_string(const std::string & s) {
    if (s == "auto") return BackendKind::AUTO;
    if (s == "cpu") return BackendKind::CPU;
    if (s == "cuda" || s == "gpu") return BackendKind::CUDA;
    fail(Status::BAD_INPUT, "unknown backend '" + s + "' (auto, cpu, cuda)");
}

std::unique_ptr<ForwardBackend> make_backend(const Model & model, int n_ctx, BackendKind kind, GpuPrecision precision) {
    if (kind == BackendKind::CPU) return std::make_unique<cpu::CpuModel>(model, n_ctx);
#ifdef QUIRE_HAVE_CUDA
    const CudaDeviceInfo dev = cuda_device_info();
    if (dev.usable) {
        try {
            const bool bf16 = precision == GpuPrecision::BF16 || (precision == GpuPrecision::AUTO && model.info.n_params >= 1000000000ull);
            return std::make_unique<CudaModel>(model, n_ctx, bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32);
        } catch (const Error & e) {
            if (kind == BackendKind::CUDA) throw;
            log()->warn("CUDA backend unavailable ({}); using the CPU", e.what());
        }
    } else if (kind == BackendKind::CUDA) {
        fail(Status::UNSUPPORTED, "no usable CUDA device: " + dev.error);
    } else {
        log()->info("no usable CUDA device ({}); using the CPU", dev.error);
    }
#else
    if (kind == BackendKind::CUDA) fail(Status::UNSUPPORTED, "this build of Quire has no CUDA backend");
#endif
    return std::make_unique<cpu::CpuModel>(model, n_ctx);
}

} // namespace quire
