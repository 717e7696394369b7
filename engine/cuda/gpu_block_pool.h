// Where the keys and values of memory blocks live for the CUDA backend: slots of one block each,
// in GPU memory while a budget lasts, then in mapped pinned host memory that the gather kernel
// reads in place over the bus (offload). Slots come from large arenas and are never freed one by
// one; a pool lives as long as any state holding its blocks (a document and its ask sessions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quire {

class GpuBlockPool {
public:
    // slot_bytes: one block's keys (or values); device_budget: bytes of GPU memory for slots;
    // host_offload: beyond the budget, pinned host memory (else Error(OUT_OF_MEMORY)).
    GpuBlockPool(size_t slot_bytes, uint64_t device_budget, bool host_offload);
    ~GpuBlockPool();
    GpuBlockPool(const GpuBlockPool &) = delete;
    GpuBlockPool & operator=(const GpuBlockPool &) = delete;

    // A slot's pointer, valid on the device (device memory, or mapped host memory under UVA);
    // *on_device (if given) says which.
    void * alloc(bool * on_device = nullptr);

    void set_device_budget(uint64_t bytes) { device_budget_ = bytes; }
    uint64_t device_budget() const { return device_budget_; }
    uint64_t device_bytes() const { return device_bytes_; }
    uint64_t host_bytes() const { return host_bytes_; }
    size_t slot_bytes() const { return slot_bytes_; }

private:
    struct Arena {
        char * p = nullptr;
        bool device = false;
        size_t n_slots = 0, used = 0;
    };
    void grow();

    size_t slot_bytes_;
    uint64_t device_budget_;
    bool host_offload_;
    uint64_t device_bytes_ = 0, host_bytes_ = 0;
    std::vector<Arena> arenas_;
};

} // namespace quire
