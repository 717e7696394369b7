// An owning device allocation of floats or ints (cudaMalloc; freed on destruction).
#pragma once

#include "cuda/cuda_check.h"

#include <cstddef>
#include <vector>

namespace quire {

template <typename T> class DeviceBuffer {
public:
    DeviceBuffer() = default;
    explicit DeviceBuffer(size_t n) { resize(n); }
    ~DeviceBuffer() { reset(); }
    DeviceBuffer(const DeviceBuffer &) = delete;
    DeviceBuffer & operator=(const DeviceBuffer &) = delete;
    DeviceBuffer(DeviceBuffer && o) noexcept : p_(o.p_), n_(o.n_) { o.p_ = nullptr, o.n_ = 0; }
    DeviceBuffer & operator=(DeviceBuffer && o) noexcept {
        if (this != &o) {
            reset();
            p_ = o.p_, n_ = o.n_;
            o.p_ = nullptr, o.n_ = 0;
        }
        return *this;
    }
    void resize(size_t n) {
        reset();
        if (n) CUDA_CHECK(cudaMalloc(&p_, n * sizeof(T)));
        n_ = n;
    }
    void upload(const T * src, size_t n, size_t offset = 0) { CUDA_CHECK(cudaMemcpy(p_ + offset, src, n * sizeof(T), cudaMemcpyHostToDevice)); }
    void upload(const std::vector<T> & v) { upload(v.data(), v.size()); }
    std::vector<T> download(size_t n, size_t offset = 0) const {
        std::vector<T> v(n);
        CUDA_CHECK(cudaMemcpy(v.data(), p_ + offset, n * sizeof(T), cudaMemcpyDeviceToHost));
        return v;
    }
    T * get() const { return p_; }
    size_t size() const { return n_; }

private:
    void reset() {
        if (p_) cudaFree(p_);
        p_ = nullptr;
        n_ = 0;
    }
    T * p_ = nullptr;
    size_t n_ = 0;
};

} // namespace quire
