// The CUDA backend as the rest of Quire sees it: one table of entry points. The backend is a
// shared library of its own (libquire-cuda.so: engine/cuda and kernels/, linked with cuBLAS and
// the CUDA runtime) that the engine loads at run time (backend/cuda_loader.h), as ggml loads its
// backends: one build and one package serve machines with and without an NVIDIA GPU, and a
// machine without the CUDA libraries runs on the CPU instead of failing to start.
// The table holds C++ types: the library and the engine come from the same build (abi below).
// The parity checks and benchmarks have a table of their own (diagnostics/cuda_diagnostics.h).
#pragma once

#include "backend/device_info.h"
#include "backend/forward_backend.h"
#include "backend/memory_backend.h"

#include <memory>

namespace quire {

struct Model;

// Raised whenever the table or a type in it changes.
constexpr int kCudaApiAbi = 3;

struct CudaApi {
    int abi = kCudaApiAbi;
    CudaDeviceInfo (*device_info)() = nullptr;
    // Generation and block memory on the GPU (bf16 or fp32 weights; block_budget as
    // DeviceParams::gpu_block_budget); throw Error when they cannot.
    std::unique_ptr<ForwardBackend> (*make_forward)(const Model & model, int n_ctx, bool bf16) = nullptr;
    std::unique_ptr<MemoryBackend> (*make_memory)(const Model & model, MemoryState & state, bool bf16, uint64_t block_budget) = nullptr;
};

} // namespace quire

// The symbol libquire-cuda.so exports for the loader: its table, or nullptr when the caller's
// abi differs.
extern "C" const quire::CudaApi * quire_cuda_api(int abi);
