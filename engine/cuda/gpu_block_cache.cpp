// LRU cache of GPU slots for host-resident memory blocks.
#include "cuda/gpu_block_cache.h"

#include "core/error.h"

#include <algorithm>

namespace quire {

namespace {
constexpr int kRing = 4;         // selection records in flight
constexpr size_t kMaxLoads = 64; // block loads started per step, at most

// Whether the work before e has run, without waiting (a not-ready query leaves no error behind).
bool ready(cudaEvent_t e) {
    const cudaError_t r = cudaEventQuery(e);
    if (r == cudaErrorNotReady) {
        cudaGetLastError();
        return false;
    }
    CUDA_CHECK(r);
    return true;
}
} // namespace

GpuBlockCache::GpuBlockCache(size_t slot_bytes, int n_pairs, int n_layer, int topk)
    : slot_bytes_(slot_bytes), n_layer_(n_layer), topk_(std::max(topk, 1)) {
    if (n_pairs <= 0) fail(Status::INTERNAL, "block cache of no slots");
    slots_.resize(static_cast<size_t>(n_pairs) * 2 * slot_bytes);
    slot_.resize(static_cast<size_t>(n_pairs));
    for (auto & s : slot_) CUDA_CHECK(cudaEventCreateWithFlags(&s.copied, cudaEventDisableTiming));
    ring_.resize(kRing);
    for (auto & r : ring_) {
        CUDA_CHECK(cudaHostAlloc(&r.ids, sizeof(int) * static_cast<size_t>(n_layer_) * topk_, cudaHostAllocDefault));
        CUDA_CHECK(cudaEventCreateWithFlags(&r.done, cudaEventDisableTiming));
    }
    CUDA_CHECK(cudaStreamCreateWithFlags(&copy_, cudaStreamNonBlocking));
    CUDA_CHECK(cudaEventCreateWithFlags(&freed_, cudaEventDisableTiming));
}

GpuBlockCache::~GpuBlockCache() {
    if (copy_) cudaStreamSynchronize(copy_);
    for (auto & r : ring_) {
        if (r.done) cudaEventSynchronize(r.done), cudaEventDestroy(r.done);
        if (r.ids) cudaFreeHost(r.ids);
    }
    for (auto & s : slot_)
        if (s.copied) cudaEventDestroy(s.copied);
    if (freed_) cudaEventDestroy(freed_);
    if (copy_) cudaStreamDestroy(copy_);
}

// Loads that have finished: their entries switch to the slot (on the compute stream, so later
// steps read the copy; earlier ones still read the home, which holds the same bytes).
void GpuBlockCache::finish_loads(const Tables & t) {
    for (size_t i = 0; i < slot_.size(); ++i) {
        Slot & s = slot_[i];
        if (s.state != State::LOADING || !ready(s.copied)) continue;
        void * k = slots_.get() + (2 * i) * slot_bytes_;
        void * v = slots_.get() + (2 * i + 1) * slot_bytes_;
        t.write(t.tab_k + s.key, &k, sizeof k);
        t.write(t.tab_v + s.key, &v, sizeof v);
        s.state = State::ACTIVE;
    }
}

void GpuBlockCache::use(const Record & r, const Tables & t, std::vector<size_t> & wanted) {
    for (int l = 0; l < n_layer_; ++l)
        for (int i = 0; i < r.n_sel; ++i) {
            const size_t key = static_cast<size_t>(r.ids[l * topk_ + i]) * static_cast<size_t>(n_layer_) + static_cast<size_t>(l);
            if (key >= t.home_on_device->size() || (*t.home_on_device)[key]) continue;
            if (auto it = where_.find(key); it != where_.end()) {
                slot_[static_cast<size_t>(it->second)].last_use = r.step;
                ++hits_;
            } else {
                wanted.push_back(key);
                ++misses_;
            }
        }
    latest_seen_ = std::max(latest_seen_, r.step);
}

void GpuBlockCache::load(cudaStream_t compute, const std::vector<size_t> & wanted, int64_t now, const Tables & t) {
    std::vector<std::pair<int, size_t>> loads; // slot, key
    bool evicted = false;
    for (size_t key : wanted) {
        if (loads.size() >= kMaxLoads) break;
        if (where_.count(key)) continue;
        // A free slot, else the least recently used active one not selected by the latest step seen.
        int best = -1;
        for (size_t i = 0; i < slot_.size(); ++i) {
            const Slot & s = slot_[i];
            if (s.state == State::FREE) {
                best = static_cast<int>(i);
                break;
            }
            if (s.state == State::ACTIVE && s.last_use < latest_seen_ && (best < 0 || s.last_use < slot_[static_cast<size_t>(best)].last_use))
                best = static_cast<int>(i);
        }
        if (best < 0) break;
        Slot & s = slot_[static_cast<size_t>(best)];
        if (s.state == State::ACTIVE) { // back to its home before the slot is overwritten
            t.write(t.tab_k + s.key, &(*t.home_k)[s.key], sizeof(void *));
            t.write(t.tab_v + s.key, &(*t.home_v)[s.key], sizeof(void *));
            where_.erase(s.key);
            evicted = true;
        }
        s.state = State::LOADING;
        s.key = key;
        s.last_use = now;
        where_[key] = best;
        loads.push_back({best, key});
    }
    if (loads.empty()) return;
    // Copies wait for the compute stream to pass the evictions (and every gather before them).
    if (evicted) {
        CUDA_CHECK(cudaEventRecord(freed_, compute));
        CUDA_CHECK(cudaStreamWaitEvent(copy_, freed_, 0));
    }
    for (const auto & [i, key] : loads) {
        CUDA_CHECK(cudaMemcpyAsync(slots_.get() + (2 * static_cast<size_t>(i)) * slot_bytes_, (*t.home_k)[key], slot_bytes_, cudaMemcpyDefault, copy_));
        CUDA_CHECK(cudaMemcpyAsync(slots_.get() + (2 * static_cast<size_t>(i) + 1) * slot_bytes_, (*t.home_v)[key], slot_bytes_, cudaMemcpyDefault, copy_));
        CUDA_CHECK(cudaEventRecord(slot_[static_cast<size_t>(i)].copied, copy_));
    }
}

void GpuBlockCache::after_step(cudaStream_t compute, const std::vector<const int *> & sel, int n_sel, const Tables & t) {
    const int64_t now = step_++;
    finish_loads(t);
    std::vector<size_t> wanted;
    for (auto & r : ring_) {
        if (!r.pending || !ready(r.done)) continue;
        use(r, t, wanted);
        r.pending = false;
    }
    load(compute, wanted, now, t);
    if (n_sel <= 0) return;
    // Record this step's selections (skipped when every record is still in flight).
    for (auto & r : ring_) {
        if (r.pending) continue;
        for (int l = 0; l < n_layer_; ++l)
            CUDA_CHECK(cudaMemcpyAsync(r.ids + l * topk_, sel[static_cast<size_t>(l)], sizeof(int) * static_cast<size_t>(n_sel), cudaMemcpyDeviceToHost,
                                       compute));
        CUDA_CHECK(cudaEventRecord(r.done, compute));
        r.step = now;
        r.n_sel = n_sel;
        r.pending = true;
        break;
    }
}

} // namespace quire
