// The entry table of libquire-cuda.so (backend/cuda_api.h).
#include "backend/cuda_api.h"

#include "cuda/cuda_device.h"
#include "cuda/cuda_memory_model.h"
#include "cuda/cuda_model.h"
#include "cuda/gpu_weights.h"
#include "model/model.h"

namespace quire {
namespace {

std::unique_ptr<ForwardBackend> make_forward(const Model & model, int n_ctx, bool bf16) {
    return std::make_unique<CudaModel>(model, n_ctx, bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32);
}

std::unique_ptr<MemoryBackend> make_memory(const Model & model, MemoryState & state, bool bf16, uint64_t block_budget) {
    CudaMemoryOptions opt;
    if (block_budget > 0) opt.block_budget = block_budget;
    auto m = std::make_unique<CudaMemoryModel>(GpuWeights::shared(model, bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32), state.cfg, opt);
    if (state.n_tokens > 0) m->upload(state);
    return m;
}

} // namespace
} // namespace quire

extern "C" __attribute__((visibility("default"))) const quire::CudaApi * quire_cuda_api(int abi) {
    static const quire::CudaApi table{.device_info = quire::cuda_device_info, .make_forward = quire::make_forward, .make_memory = quire::make_memory};
    return abi == quire::kCudaApiAbi ? &table : nullptr;
}
