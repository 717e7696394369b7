// The local window of every layer on the GPU: the newest tokens' keys (pre-RoPE and rotated, in
// the compute type), values and local scores, oldest first. Double-buffered: dropping the oldest
// rows (they became sinks or blocks) is one copy per layer into the other half, then a swap.
// Captured graphs read the buffers' addresses, so a drop means a new capture (the step graph's
// key changes with the blocks and sinks that every drop changes).
#pragma once

#include "cuda/device_buffer.h"

#include <cstdint>
#include <vector>

namespace quire {

class GpuWindow {
public:
    struct Rows {
        DeviceBuffer<unsigned char> k, krot, v; // [capacity][kv_dim] compute type
        DeviceBuffer<float> score;               // [capacity][n_head]
    };

    // Room for `capacity` rows of row_bytes (keys, values) and n_head scores in every layer, zeroed.
    void allocate(int n_layer, int capacity, size_t row_bytes, int n_head);
    Rows & operator[](int layer) { return cur_[static_cast<size_t>(layer)]; }
    const Rows & operator[](int layer) const { return cur_[static_cast<size_t>(layer)]; }

    int size() const { return n_; }           // rows in use
    int64_t start() const { return start_; }  // the text position of the oldest row
    int capacity() const { return cap_; }
    void grow(int rows) { n_ += rows; }        // a step's tokens joined (the kernels wrote them)
    void assign(int rows, int64_t start) { n_ = rows, start_ = start; }
    // Forgets the oldest n rows of every layer, the others moving to the front (on the stream).
    void drop(int n, cudaStream_t stream);

private:
    std::vector<Rows> cur_, alt_;
    int n_ = 0, cap_ = 0, n_head_ = 0;
    int64_t start_ = 0;
    size_t row_bytes_ = 0;
};

} // namespace quire
