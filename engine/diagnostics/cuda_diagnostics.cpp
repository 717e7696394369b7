// The diagnostics table of libquire-cuda.so (cuda_diagnostics.h).
#include "diagnostics/cuda_diagnostics.h"

namespace quire {
namespace {

CudaDiagnostics make_table() {
    CudaDiagnostics t;
    t.backend_check = cuda_backend_check;
    t.model_check = cuda_model_check;
    t.memory_checks = cuda_memory_checks;
    t.flash_checks = cuda_flash_checks;
    t.l8b_checks = cuda_l8b_checks;
    t.bench_shape = bench_shape;
    t.memory_bench = memory_bench;
    return t;
}

} // namespace
} // namespace quire

extern "C" __attribute__((visibility("default"))) const quire::CudaDiagnostics * quire_cuda_diagnostics(int abi) {
    static const quire::CudaDiagnostics table = quire::make_table();
    return abi == quire::kCudaDiagnosticsAbi ? &table : nullptr;
}
