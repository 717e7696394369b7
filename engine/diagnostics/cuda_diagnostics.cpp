// The diagnostics table of libquire-cuda.so (cuda_diagnostics.h).
#include "diagnostics/cuda_diagnostics.h"

extern "C" __attribute__((visibility("default"))) const quire::CudaDiagnostics * quire_cuda_diagnostics(int abi) {
    using namespace quire;
    static const CudaDiagnostics table{.backend_check = cuda_backend_check,
                                       .model_check = cuda_model_check,
                                       .memory_checks = cuda_memory_checks,
                                       .flash_checks = cuda_flash_checks,
                                       .l8b_checks = cuda_l8b_checks,
                                       .bench_shape = bench_shape,
                                       .memory_bench = memory_bench};
    return abi == kCudaDiagnosticsAbi ? &table : nullptr;
}
