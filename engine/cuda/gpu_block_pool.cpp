// Arena allocation of block slots: device first, then pinned host memory.
#include "cuda/gpu_block_pool.h"

#include "core/error.h"
#include "core/host_memory.h"
#include "core/log.h"
#include "cuda/cuda_check.h"

#include <algorithm>

namespace quire {

namespace {
constexpr uint64_t kArenaBytes = 256ull << 20;       // pinned host arenas
constexpr uint64_t kDeviceArenaBytes = 1ull << 30;   // device arenas: fewer cudaMalloc calls
}

GpuBlockPool::GpuBlockPool(size_t slot_bytes, uint64_t device_budget, bool host_offload)
    : slot_bytes_((slot_bytes + 255) & ~size_t(255)), device_budget_(device_budget), host_offload_(host_offload) {
    if (slot_bytes == 0) fail(Status::INTERNAL, "block pool of empty slots");
}

GpuBlockPool::~GpuBlockPool() {
    for (auto & a : arenas_) {
        if (a.device) cudaFree(a.p);
        else cudaFreeHost(a.p);
    }
}

void GpuBlockPool::grow() {
    Arena a;
    a.n_slots = std::max<size_t>(1, kDeviceArenaBytes / slot_bytes_);
    uint64_t bytes = a.n_slots * slot_bytes_;
    if (device_bytes_ < device_budget_) {
        // The last device arena may be smaller, so that the budget holds.
        const uint64_t room = device_budget_ - device_bytes_;
        if (room >= slot_bytes_) {
            a.n_slots = std::min<size_t>(a.n_slots, room / slot_bytes_);
            bytes = a.n_slots * slot_bytes_;
            const cudaError_t e = cudaMalloc(&a.p, bytes);
            if (e == cudaSuccess) {
                a.device = true;
                device_bytes_ += bytes;
                arenas_.push_back(a);
                return;
            }
            cudaGetLastError(); // clear the error state
            if (!host_offload_)
                fail(Status::OUT_OF_MEMORY, "out of GPU memory for memory blocks after " + std::to_string(device_bytes_ >> 20) +
                                                " MiB (lower the block budget or allow host offload)");
            log()->warn("GPU memory for blocks ran out at {} MiB; further blocks go to pinned host memory", device_bytes_ >> 20);
            device_budget_ = device_bytes_;
        }
    }
    if (!host_offload_) fail(Status::OUT_OF_MEMORY, "the GPU block budget of " + std::to_string(device_budget_ >> 20) + " MiB is full");
    a.n_slots = std::max<size_t>(1, kArenaBytes / slot_bytes_);
    bytes = a.n_slots * slot_bytes_;
    host_memory_check(bytes, "pinned host memory for offloaded memory blocks");
    const cudaError_t e = cudaHostAlloc(&a.p, bytes, cudaHostAllocMapped | cudaHostAllocPortable);
    if (e != cudaSuccess) {
        cudaGetLastError();
        fail(Status::OUT_OF_MEMORY, "cannot pin " + std::to_string(bytes >> 20) + " MiB of host memory for offloaded blocks (" +
                                        std::to_string(host_bytes_ >> 20) + " MiB pinned so far): " + cudaGetErrorString(e));
    }
    host_bytes_ += bytes;
    arenas_.push_back(a);
}

void * GpuBlockPool::alloc(bool * on_device) {
    if (arenas_.empty() || arenas_.back().used == arenas_.back().n_slots) grow();
    Arena & a = arenas_.back();
    if (on_device) *on_device = a.device;
    void * p = a.p + a.used * slot_bytes_;
    ++a.used;
    return p;
}

} // namespace quire
