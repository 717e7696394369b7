#include "cuda/gpu_step_io.h"

#include <algorithm>

namespace quire {

void GpuStepIo::allocate(int max_tokens, int n_vocab) {
    n_vocab_ = n_vocab;
    ids_.resize(static_cast<size_t>(max_tokens));
    r_.resize(1);
    pick_.resize(1);
    logits_.resize(static_cast<size_t>(n_vocab));
    *pick_.get() = -1;
}

void GpuStepIo::set_ids(const int * ids, int n, HostStager & stage) { stage.copy(ids_.get(), ids, sizeof(int) * static_cast<size_t>(n)); }

void GpuStepIo::set_sampling(const SamplerParams & sp, double r, HostStager & stage) {
    samp_ = sp;
    samp_.top_k = std::min(sp.top_k, n_vocab_);
    stage.copy(r_.get(), &r, sizeof r);
}

void GpuStepIo::pick_to_host(cudaStream_t stream) {
    CUDA_CHECK(cudaMemcpyAsync(pick_.get(), ids_.get(), sizeof(int), cudaMemcpyDeviceToHost, stream));
}

void GpuStepIo::logits_to_host(const float * logits, cudaStream_t stream) {
    CUDA_CHECK(cudaMemcpyAsync(logits_.get(), logits, sizeof(float) * static_cast<size_t>(n_vocab_), cudaMemcpyDeviceToHost, stream));
}

} // namespace quire
