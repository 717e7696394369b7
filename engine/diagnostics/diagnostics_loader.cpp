// Finding the diagnostics table in the loaded CUDA backend (backend/cuda_loader.h).
#include "backend/cuda_loader.h"
#include "diagnostics/cuda_diagnostics.h"

namespace quire {

const CudaDiagnostics * cuda_diagnostics() {
    using Entry = const CudaDiagnostics * (*)(int);
    auto entry = reinterpret_cast<Entry>(cuda_backend_symbol("quire_cuda_diagnostics"));
    return entry ? entry(kCudaDiagnosticsAbi) : nullptr;
}

} // namespace quire
