// An owning page-locked host allocation (cudaHostAlloc; freed on destruction): what the device
// copies into asynchronously (a step's logits, the pick of device sampling).
#pragma once

#include "cuda/cuda_check.h"

#include <cstddef>

namespace quire {

template <typename T> class PinnedBuffer {
public:
    PinnedBuffer() = default;
    ~PinnedBuffer() { reset(); }
    PinnedBuffer(const PinnedBuffer &) = delete;
    PinnedBuffer & operator=(const PinnedBuffer &) = delete;
    void resize(size_t n) {
        reset();
        if (n) CUDA_CHECK(cudaHostAlloc(reinterpret_cast<void **>(&p_), n * sizeof(T), cudaHostAllocDefault));
        n_ = n;
    }
    T * get() const { return p_; }
    size_t size() const { return n_; }

private:
    void reset() {
        if (p_) cudaFreeHost(p_);
        p_ = nullptr;
        n_ = 0;
    }
    T * p_ = nullptr;
    size_t n_ = 0;
};

} // namespace quire
