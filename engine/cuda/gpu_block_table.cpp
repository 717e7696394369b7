#include "cuda/gpu_block_table.h"

#include "core/error.h"

#include <algorithm>

namespace quire {

GpuBlockTable::GpuBlockTable(int n_layer, int topk, size_t slot_bytes, uint64_t device_budget, bool host_offload, uint64_t cache_bytes)
    : n_layer_(n_layer), topk_(topk), cache_bytes_(cache_bytes) {
    pools_.push_back(std::make_shared<GpuBlockPool>(slot_bytes, device_budget, host_offload));
}

void GpuBlockTable::reserve(int cap, int n_now, cudaStream_t stream) {
    if (cap <= cap_) return;
    const size_t NL = static_cast<size_t>(n_layer_), nb = static_cast<size_t>(n_now);
    auto grow = [&](auto & buf) {
        std::remove_reference_t<decltype(buf)> nbuf(static_cast<size_t>(cap) * NL);
        if (nb) CUDA_CHECK(cudaMemcpyAsync(nbuf.get(), buf.get(), nb * NL * sizeof(*buf.get()), cudaMemcpyDeviceToDevice, stream));
        CUDA_CHECK(cudaStreamSynchronize(stream));
        buf = std::move(nbuf);
    };
    grow(tab_k_);
    grow(tab_v_);
    grow(scale_k_);
    grow(scale_v_);
    cap_ = cap;
}

void GpuBlockTable::append(int nb, int nb_new, HostStager & stage) {
    if (nb + nb_new > cap_) fail(Status::INTERNAL, "block table appended past its capacity");
    const size_t n = static_cast<size_t>(nb_new) * static_cast<size_t>(n_layer_);
    for (size_t i = 0; i < n; ++i) {
        bool dk = false, dv = false;
        home_k_.push_back(pools_.back()->alloc(&dk));
        home_v_.push_back(pools_.back()->alloc(&dv));
        home_dev_.push_back(dk && dv);
        any_host_ = any_host_ || !(dk && dv);
    }
    start_cache();
    if (n == 0) return;
    const size_t at = static_cast<size_t>(nb) * static_cast<size_t>(n_layer_);
    stage.copy(tab_k_.get() + at, home_k_.data() + at, n * sizeof(void *));
    stage.copy(tab_v_.get() + at, home_v_.data() + at, n * sizeof(void *));
}

void GpuBlockTable::share(const GpuBlockTable & o, int nb, cudaStream_t stream) {
    const size_t n = static_cast<size_t>(nb) * static_cast<size_t>(n_layer_);
    pools_.insert(pools_.begin(), o.pools_.begin(), o.pools_.end()); // pools_.back() stays this one's own
    // The tables from the homes: the parent's entries may point into its own cache.
    home_k_ = o.home_k_, home_v_ = o.home_v_, home_dev_ = o.home_dev_, any_host_ = o.any_host_;
    start_cache();
    if (n == 0) return;
    CUDA_CHECK(cudaMemcpyAsync(tab_k_.get(), home_k_.data(), n * sizeof(void *), cudaMemcpyHostToDevice, stream));
    CUDA_CHECK(cudaMemcpyAsync(tab_v_.get(), home_v_.data(), n * sizeof(void *), cudaMemcpyHostToDevice, stream));
    CUDA_CHECK(cudaMemcpyAsync(scale_k_.get(), o.scale_k_.get(), n * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    CUDA_CHECK(cudaMemcpyAsync(scale_v_.get(), o.scale_v_.get(), n * sizeof(float), cudaMemcpyDeviceToDevice, stream));
}

// Offload mode: a cache of GPU slots for the host-resident blocks that steps select.
void GpuBlockTable::start_cache() {
    if (cache_ || cache_bytes_ == 0 || !any_host_) return;
    const size_t slot = pools_.back()->slot_bytes();
    const uint64_t want = cache_bytes_ == UINT64_MAX ? 4ull * std::max(topk_, 1) * n_layer_ * 2 * slot : cache_bytes_;
    const int pairs = static_cast<int>(want / (2 * slot));
    if (pairs <= 0) return;
    try {
        cache_ = std::make_unique<GpuBlockCache>(slot, pairs, n_layer_, topk_);
    } catch (const Error & e) {
        if (e.status() != Status::OUT_OF_MEMORY) throw;
        cache_bytes_ = 0; // no room: blocks are read from host memory in place
    }
}

void GpuBlockTable::after_step(cudaStream_t stream, const std::vector<const int *> & sel, int n_sel, HostStager & stage) {
    if (!cache_) return;
    const GpuBlockCache::Tables t{tab_k_.get(), tab_v_.get(), &home_k_, &home_v_, &home_dev_,
                                  [&stage](void * dst, const void * src, size_t n) { stage.copy(dst, src, n); }};
    cache_->after_step(stream, sel, n_sel, t);
}

uint64_t GpuBlockTable::budget_left() const {
    const GpuBlockPool & own = *pools_.back();
    return own.device_budget() > own.device_bytes() ? own.device_budget() - own.device_bytes() : 0;
}

uint64_t GpuBlockTable::device_bytes() const {
    uint64_t b = 0;
    for (const auto & p : pools_) b += p->device_bytes();
    return b;
}

uint64_t GpuBlockTable::host_bytes() const {
    uint64_t b = 0;
    for (const auto & p : pools_) b += p->host_bytes();
    return b;
}

} // namespace quire
