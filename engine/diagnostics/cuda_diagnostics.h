// The CUDA backend's parity checks and benchmarks (quire-cli backend-check and bench, the GPU
// test suite): a table of their own beside the production one (backend/cuda_api.h), exported by
// the same libquire-cuda.so under its own symbol, so that the harness never sits among the
// entry points the app uses.
#pragma once

#include "diagnostics/backend_check.h"
#include "diagnostics/memory_bench.h"
#include "diagnostics/memory_check.h"

#include <functional>
#include <string>
#include <vector>

namespace quire {

// Raised whenever the table or a type in it changes.
constexpr int kCudaDiagnosticsAbi = 1;

struct CudaDiagnostics {
    int abi = kCudaDiagnosticsAbi;
    BackendCheckReport (*backend_check)(unsigned seed) = nullptr;
    ModelCheck (*model_check)(const Model & model, const std::vector<int> & tokens, int n_greedy, bool bf16) = nullptr;
    std::vector<OpCheck> (*memory_checks)(const Model & model, std::vector<std::string> * summary) = nullptr;
    std::vector<OpCheck> (*flash_checks)(std::vector<std::string> * summary) = nullptr;
    std::vector<OpCheck> (*l8b_checks)(const std::string & dir, std::vector<std::string> * summary) = nullptr;
    HParams (*bench_shape)(const std::string & name, int n_layer) = nullptr;
    std::vector<BenchRow> (*memory_bench)(const HParams & hp, const Model * model, const BenchOptions & opt,
                                          const std::function<void(const BenchRow &)> & on_row) = nullptr;
};

// The loaded backend's diagnostics table; nullptr without the CUDA backend or when the library
// is of another version, `why` saying which.
const CudaDiagnostics * cuda_diagnostics(std::string * why = nullptr);

} // namespace quire

extern "C" const quire::CudaDiagnostics * quire_cuda_diagnostics(int abi);
