// Finding the diagnostics table in the loaded CUDA backend (backend/cuda_loader.h).
#include "backend/cuda_loader.h"
#include "diagnostics/cuda_diagnostics.h"

namespace quire {

const CudaDiagnostics * cuda_diagnostics(std::string * why) {
    if (!cuda_backend(why)) return nullptr;
    using Entry = const CudaDiagnostics * (*)(int);
    auto entry = reinterpret_cast<Entry>(cuda_backend_symbol("quire_cuda_diagnostics"));
    const CudaDiagnostics * d = entry ? entry(kCudaDiagnosticsAbi) : nullptr;
    if (!d && why) *why = "the CUDA backend has no diagnostics of this version";
    return d;
}

} // namespace quire
