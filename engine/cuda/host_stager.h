// Host -> device copies that stay asynchronous. A cudaMemcpyAsync from pageable memory waits for
// the copy; small copies (step counters, token ids, table entries) go through a ring of pinned
// slots instead, each reused once the copy that last used it has run. Larger ones are copied
// directly.
#pragma once

#include <cuda_runtime.h>

#include <cstddef>
#include <vector>

namespace quire {

class HostStager {
public:
    explicit HostStager(cudaStream_t stream);
    ~HostStager();
    HostStager(const HostStager &) = delete;
    HostStager & operator=(const HostStager &) = delete;

    // n bytes from src (host) to dst (device), ordered on the stream.
    void copy(void * dst, const void * src, size_t n);

    static constexpr size_t kSlotBytes = 64u << 10;
    static constexpr int kSlots = 64; // the host may run up to a few steps ahead of the GPU

private:
    struct Slot {
        unsigned char * p = nullptr;
        cudaEvent_t done = nullptr;
    };
    cudaStream_t stream_;
    std::vector<Slot> slots_;
    unsigned char * mem_ = nullptr;
    size_t next_ = 0;
};

} // namespace quire
