// The local window of a block-memory step on the device: appending the current tokens' keys
// (pre-RoPE and rotated) and values to the window, shifting it, and advancing the device counters
// (the step's positions come from them; RoPE's table is in qkv_prepare). CPU twin: the window
// handling of memory::MemoryModel::step.
#pragma once
#include "kv_type.cuh"

namespace quire {

// c->pos0 += T; c->n_win += T.
cudaError_t launch_step_advance(StepCounters * c, int T, cudaStream_t stream);
// Rows n_win .. n_win+T-1 of the window (ct = F32 or BF16): win_k = k, win_krot = k_rot,
// win_v = v ([T][kvd] fp32 each), win_score rows zeroed ([n_head] floats per row).
cudaError_t launch_window_append(const StepCounters * c, const float * k, const float * k_rot, const float * v, void * win_k, void * win_krot,
                                 void * win_v, float * win_score, int T, int kvd, int n_head, KvType ct, cudaStream_t stream);

// Moves the rows that stay in the window to the front of the other buffer of a double-buffered
// window: for each of up to 4 arrays of each of up to 32 layers (one launch),
// dst[0 .. words) = src[skip .. skip + words) in 4-byte words.
constexpr int kWindowShiftLayers = 32; // per launch
struct WindowShift {
    const void * src[kWindowShiftLayers][4];
    void * dst[kWindowShiftLayers][4];
    long long skip[4], words[4]; // the same for every layer
    int n, n_layers;
};
cudaError_t launch_window_shift(const WindowShift & p, cudaStream_t stream);

} // namespace quire
