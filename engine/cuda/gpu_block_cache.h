// A cache of GPU slots for memory blocks that live in pinned host memory (offload mode). The
// block tables point at each block's home (device or host); host-resident blocks that steps
// select are copied into GPU slots on a copy stream of their own, and their table entries are
// switched to the slot once the copy has finished (no step waits for a copy). When slots run
// out, the least recently selected block gives its slot up (its entry goes back to its home
// first, ordered on the compute stream before the slot is overwritten); blocks selected by the
// most recent step seen are never evicted. Which blocks a step selected is read back
// asynchronously, a few steps late, so the device never waits for the host.
#pragma once

#include "cuda/device_buffer.h"

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

namespace quire {

class GpuBlockCache {
public:
    // slot_bytes: one block's K (or V) for one layer; n_pairs: K+V slot pairs on the GPU.
    GpuBlockCache(size_t slot_bytes, int n_pairs, int n_layer, int topk);
    ~GpuBlockCache();
    GpuBlockCache(const GpuBlockCache &) = delete;
    GpuBlockCache & operator=(const GpuBlockCache &) = delete;

    struct Tables {
        void ** tab_k, ** tab_v;                       // device [block][layer]
        const std::vector<void *> * home_k, * home_v;  // host mirror of each entry's home
        const std::vector<uint8_t> * home_on_device;
        std::function<void(void * dst, const void * src, size_t n)> write; // ordered on the compute stream
    };

    // Called after a step's work was enqueued on `compute`; sel[l] is layer l's device array of
    // n_sel selected block ids.
    void after_step(cudaStream_t compute, const std::vector<const int *> & sel, int n_sel, const Tables & t);

    uint64_t hits() const { return hits_; }
    uint64_t misses() const { return misses_; }
    size_t device_bytes() const { return slots_.size(); }

private:
    enum class State { FREE, LOADING, ACTIVE };
    struct Slot {
        State state = State::FREE;
        size_t key = 0;          // block * n_layer + layer
        int64_t last_use = -1;
        cudaEvent_t copied = nullptr;
    };
    struct Record {
        int * ids = nullptr;     // pinned [n_layer][topk]
        cudaEvent_t done = nullptr;
        int64_t step = -1;
        int n_sel = 0;
        bool pending = false;
    };
    void finish_loads(const Tables & t);
    void use(const Record & r, const Tables & t, std::vector<size_t> & wanted);
    void load(cudaStream_t compute, const std::vector<size_t> & wanted, int64_t now, const Tables & t);

    size_t slot_bytes_;
    int n_layer_, topk_;
    DeviceBuffer<unsigned char> slots_; // [n_pairs][2][slot_bytes]
    std::vector<Slot> slot_;
    std::unordered_map<size_t, int> where_; // key -> slot
    std::vector<Record> ring_;
    cudaStream_t copy_ = nullptr;
    cudaEvent_t freed_ = nullptr;
    int64_t step_ = 0, latest_seen_ = -1;
    uint64_t hits_ = 0, misses_ = 0;
};

} // namespace quire
