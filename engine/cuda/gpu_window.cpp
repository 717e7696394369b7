#include "cuda/gpu_window.h"

#include "window.cuh"

#include <algorithm>
#include <utility>

namespace quire {

void GpuWindow::allocate(int n_layer, int capacity, size_t row_bytes, int n_head) {
    cap_ = capacity, row_bytes_ = row_bytes, n_head_ = n_head;
    for (auto * half : {&cur_, &alt_}) {
        half->resize(static_cast<size_t>(n_layer));
        for (Rows & r : *half) {
            const size_t bytes = static_cast<size_t>(capacity) * row_bytes;
            for (auto * b : {&r.k, &r.krot, &r.v}) {
                b->resize(bytes);
                CUDA_CHECK(cudaMemset(b->get(), 0, bytes));
            }
            r.score.resize(static_cast<size_t>(capacity) * static_cast<size_t>(n_head));
            CUDA_CHECK(cudaMemset(r.score.get(), 0, r.score.size() * sizeof(float)));
        }
    }
}

void GpuWindow::drop(int n, cudaStream_t stream) {
    const long long rows = n_ - n, kv_words = static_cast<long long>(row_bytes_ / 4);
    WindowShift ws{};
    ws.n = 4;
    for (int a = 0; a < 4; ++a) {
        const long long row = a < 3 ? kv_words : n_head_;
        ws.skip[a] = static_cast<long long>(n) * row;
        ws.words[a] = rows * row;
    }
    // Up to kWindowShiftLayers layers per launch.
    for (size_t l0 = 0; l0 < cur_.size(); l0 += kWindowShiftLayers) {
        ws.n_layers = static_cast<int>(std::min(cur_.size() - l0, static_cast<size_t>(kWindowShiftLayers)));
        for (int i = 0; i < ws.n_layers; ++i) {
            const Rows & s = cur_[l0 + static_cast<size_t>(i)];
            const Rows & d = alt_[l0 + static_cast<size_t>(i)];
            const void * src[4] = {s.k.get(), s.krot.get(), s.v.get(), s.score.get()};
            void * dst[4] = {d.k.get(), d.krot.get(), d.v.get(), d.score.get()};
            for (int a = 0; a < 4; ++a) ws.src[i][a] = src[a], ws.dst[i][a] = dst[a];
        }
        CUDA_CHECK(launch_window_shift(ws, stream));
    }
    std::swap(cur_, alt_);
    n_ -= n;
    start_ += n;
}

} // namespace quire
