// Where every memory block lives, for every layer. The device tables the kernels read
// ([block][layer]: pointers to a block's K and V, and their fp8 scales); the pools the blocks
// came from (a fork shares its parent's and cuts new blocks into a pool of its own); each
// entry's home, GPU or pinned host memory; and, once some block lives in host memory, the cache
// of GPU slots for the host-resident blocks that steps select (gpu_block_cache.h).
#pragma once

#include "cuda/device_buffer.h"
#include "cuda/gpu_block_cache.h"
#include "cuda/gpu_block_pool.h"
#include "cuda/host_stager.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace quire {

class GpuBlockTable {
public:
    // slot_bytes: one block's K (or V) for one layer. cache_bytes: GPU bytes for the cache slots
    // (UINT64_MAX: 4 x topk x layers K/V pairs; 0: none, host blocks are read in place).
    GpuBlockTable(int n_layer, int topk, size_t slot_bytes, uint64_t device_budget, bool host_offload, uint64_t cache_bytes);

    // Room for cap blocks, the first n_now entries kept (copies on the stream, waited for).
    void reserve(int cap, int n_now, cudaStream_t stream);
    int capacity() const { return cap_; }
    // Slots for blocks [nb, nb + nb_new) of every layer from this table's own pool, their
    // entries written to the device tables through the stager.
    void append(int nb, int nb_new, HostStager & stage);
    // The parent's first nb blocks, shared read-only (a fork): its pools, homes and scales.
    void share(const GpuBlockTable & parent, int nb, cudaStream_t stream);
    // After a step was enqueued: the cache follows what it selected (sel[l]: layer l's n_sel ids).
    void after_step(cudaStream_t stream, const std::vector<const int *> & sel, int n_sel, HostStager & stage);
    bool caching() const { return cache_ != nullptr; }

    void ** tab_k() const { return tab_k_.get(); }
    void ** tab_v() const { return tab_v_.get(); }
    float * scale_k() const { return scale_k_.get(); }
    float * scale_v() const { return scale_v_.get(); }
    // Entry e = block * n_layer + layer: where its K and V live (device or mapped host memory).
    const std::vector<void *> & homes_k() const { return home_k_; }
    const std::vector<void *> & homes_v() const { return home_v_; }

    // GPU bytes for blocks cut from now on (beyond it: pinned host memory); what is left of it.
    void set_block_budget(uint64_t bytes) { pools_.back()->set_device_budget(bytes); }
    uint64_t budget_left() const;
    void set_cache_bytes(uint64_t bytes) { cache_bytes_ = bytes; }
    uint64_t device_bytes() const;
    uint64_t host_bytes() const;
    uint64_t cache_device_bytes() const { return cache_ ? cache_->device_bytes() : 0; }
    uint64_t cache_hits() const { return cache_ ? cache_->hits() : 0; }
    uint64_t cache_misses() const { return cache_ ? cache_->misses() : 0; }

private:
    void start_cache();

    int n_layer_, topk_;
    uint64_t cache_bytes_;
    int cap_ = 0;
    DeviceBuffer<void *> tab_k_, tab_v_;
    DeviceBuffer<float> scale_k_, scale_v_;
    std::vector<std::shared_ptr<GpuBlockPool>> pools_; // pools_.back() receives new blocks
    std::vector<void *> home_k_, home_v_;
    std::vector<uint8_t> home_dev_;
    std::unique_ptr<GpuBlockCache> cache_;
    bool any_host_ = false;
};

} // namespace quire
