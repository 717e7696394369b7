#include "cuda/host_stager.h"

#include "cuda/cuda_check.h"

#include <cstring>

namespace quire {

HostStager::HostStager(cudaStream_t stream) : stream_(stream) {
    slots_.resize(kSlots);
    CUDA_CHECK(cudaHostAlloc(&mem_, kSlotBytes * slots_.size(), cudaHostAllocDefault)); // one pinning call
    for (size_t i = 0; i < slots_.size(); ++i) {
        slots_[i].p = mem_ + i * kSlotBytes;
        CUDA_CHECK(cudaEventCreateWithFlags(&slots_[i].done, cudaEventDisableTiming));
    }
}

HostStager::~HostStager() {
    for (auto & s : slots_)
        if (s.done) cudaEventDestroy(s.done);
    if (mem_) cudaFreeHost(mem_);
}

void HostStager::copy(void * dst, const void * src, size_t n) {
    if (n > kSlotBytes) {
        CUDA_CHECK(cudaMemcpyAsync(dst, src, n, cudaMemcpyHostToDevice, stream_));
        return;
    }
    Slot & s = slots_[next_++ % slots_.size()];
    CUDA_CHECK(cudaEventSynchronize(s.done)); // the slot's previous copy has run
    std::memcpy(s.p, src, n);
    CUDA_CHECK(cudaMemcpyAsync(dst, s.p, n, cudaMemcpyHostToDevice, stream_));
    CUDA_CHECK(cudaEventRecord(s.done, stream_));
}

} // namespace quire
