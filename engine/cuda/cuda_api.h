// The CUDA backend as the rest of Quire sees it: one table of entry points. The backend is a
// shared library of its own (libquire-cuda.so: engine/cuda and kernels/, linked with cuBLAS and
// the CUDA runtime) that the engine loads at run time (generate/cuda_loader), as ggml loads its
// backends: one build and one package serve machines with and without an NVIDIA GPU, and a
// machine without the CUDA libraries runs on the CPU instead of failing to start.
// The table holds C++ types: the library and the engine come from the same build (abi below).
#pragma once

#include "cuda/backend_check.h"
#include "cuda/cuda_device.h"
#include "cuda/memory_bench.h"
#include "cuda/memory_check.h"
#include "generate/backend.h"
#include "memory/memory_backend.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace quire {

// Raised whenever the table or a type in it changes.
constexpr int kCudaApiAbi = 1;

struct CudaApi {
    int abi = kCudaApiAbi;
    CudaDeviceInfo (*device_info)() = nullptr;
    // Generation and block memory on the GPU (bf16 or fp32 weights); throw Error when they cannot.
    std::unique_ptr<ForwardBackend> (*make_forward)(const Model & model, int n_ctx, bool bf16) = nullptr;
    std::unique_ptr<MemoryBackend> (*make_memory)(const Model & model, MemoryState & state, bool bf16) = nullptr;
    // quire-cli backend-check and bench.
    BackendCheckReport (*backend_check)(unsigned seed) = nullptr;
    ModelCheck (*model_check)(const Model & model, const std::vector<int> & tokens, int n_greedy, bool bf16) = nullptr;
    std::vector<OpCheck> (*memory_checks)(const Model & model, std::vector<std::string> * summary) = nullptr;
    std::vector<OpCheck> (*flash_checks)(std::vector<std::string> * summary) = nullptr;
    std::vector<OpCheck> (*l8b_checks)(const std::string & dir, std::vector<std::string> * summary) = nullptr;
    HParams (*bench_shape)(const std::string & name, int n_layer) = nullptr;
    std::vector<BenchRow> (*memory_bench)(const HParams & hp, const Model * model, const BenchOptions & opt,
                                          const std::function<void(const BenchRow &)> & on_row) = nullptr;
};

} // namespace quire

// The one symbol libquire-cuda.so exports for the loader: its table, or nullptr when the
// caller's abi differs.
extern "C" const quire::CudaApi * quire_cuda_api(int abi);
