#include "backend/backend_choice.h"

#include "backend/cuda_loader.h"
#include "core/error.h"
#include "core/log.h"

namespace quire {

BackendKind backend_kind_from_string(const std::string & s) {
    if (s == "auto") return BackendKind::AUTO;
    if (s == "cpu") return BackendKind::CPU;
    if (s == "cuda" || s == "gpu") return BackendKind::CUDA;
    fail(Status::BAD_INPUT, "unknown backend '" + s + "' (auto, cpu, cuda)");
}

GpuPrecision gpu_precision_from_string(const std::string & s) {
    if (s == "auto") return GpuPrecision::AUTO;
    if (s == "bf16") return GpuPrecision::BF16;
    if (s == "fp32") return GpuPrecision::FP32;
    fail(Status::BAD_INPUT, "unknown GPU precision '" + s + "' (auto, bf16, fp32)");
}

bool gpu_use_bf16(GpuPrecision p) { return p != GpuPrecision::FP32; }

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

} // namespace quire
