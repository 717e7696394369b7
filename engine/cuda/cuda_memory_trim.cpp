// The local window of the GPU block memory and block cutting: after each step the tokens that
// left the window become sinks, then whole blocks (stored in the compute or fp8 type, with their
// representatives), and the window moves up by what it gave away.
#include "cuda/cuda_memory_model.h"

#include "block_select.cuh"
#include "kv_blocks.cuh"
#include "window.cuh"

#include <algorithm>

namespace quire {

// Rows [n, n_win) of every window array move to the front: one copy into the other half of the
// double-buffered window per layer, then the halves swap (captured graphs are re-captured after
// any trim, since it changes the blocks or sinks they were captured for).
void CudaMemoryModel::shift_window(int n) {
    const long long rows = n_win_ - n, kv_words = static_cast<long long>(hp_.kv_dim()) * static_cast<long long>(kv_type_size(ct_)) / 4;
    WindowShift ws{};
    ws.n = 4;
    for (int a = 0; a < 4; ++a) {
        const long long row = a < 3 ? kv_words : hp_.n_head;
        ws.skip[a] = static_cast<long long>(n) * row;
        ws.words[a] = rows * row;
    }
    // Up to kWindowShiftLayers layers per launch.
    for (size_t l0 = 0; l0 < layers_.size(); l0 += kWindowShiftLayers) {
        ws.n_layers = static_cast<int>(std::min(layers_.size() - l0, static_cast<size_t>(kWindowShiftLayers)));
        for (int i = 0; i < ws.n_layers; ++i) {
            Layer & L = layers_[l0 + static_cast<size_t>(i)];
            const void * src[4] = {L.win_k.get(), L.win_krot.get(), L.win_v.get(), L.win_score.get()};
            void * dst[4] = {L.alt_k.get(), L.alt_krot.get(), L.alt_v.get(), L.alt_score.get()};
            for (int a = 0; a < 4; ++a) ws.src[i][a] = src[a], ws.dst[i][a] = dst[a];
        }
        CUDA_CHECK(launch_window_shift(ws, stream_));
    }
    for (auto & L : layers_) {
        std::swap(L.win_k, L.alt_k);
        std::swap(L.win_krot, L.alt_krot);
        std::swap(L.win_v, L.alt_v);
        std::swap(L.win_score, L.alt_score);
    }
}

// Tokens that left the local window become sinks, then whole blocks, as plan_trim says (the CPU
// twin is MemoryState::trim_window; the blocks of one trim are cut in a few launches).
void CudaMemoryModel::trim() {
    const int NL = hp_.n_layer, KVD = hp_.kv_dim(), bs = cfg_.block_size;
    const size_t esz = kv_type_size(ct_);
    prof_->mark("start");
    const TrimPlan plan = plan_trim(cfg_, n_sink_, n_win_);
    if (plan.to_sinks > 0) {
        const int n = plan.to_sinks;
        const size_t off = static_cast<size_t>(n_sink_) * KVD * esz, len = static_cast<size_t>(n) * KVD * esz;
        for (auto & L : layers_) {
            CUDA_CHECK(cudaMemcpyAsync(L.mem_k.get() + off, L.win_k.get(), len, cudaMemcpyDeviceToDevice, stream_));
            CUDA_CHECK(cudaMemcpyAsync(L.mem_v.get() + off, L.win_v.get(), len, cudaMemcpyDeviceToDevice, stream_));
        }
        shift_window(n);
        n_sink_ += n;
        win_start_ += n;
        n_win_ -= n;
    }
    if (plan.new_blocks > 0) {
        const int nb_new = plan.new_blocks, nb = n_blocks();
        ensure_block_capacity(nb + nb_new);
        table_->append(nb, nb_new, *stage_);
        const size_t at = static_cast<size_t>(nb) * NL;
        // Every layer's keys and values stored, and their representatives, in a few launches.
        const long long elems = static_cast<long long>(bs) * KVD;
        for (int l0 = 0; l0 < NL; l0 += kBlockStoreSets / 2) {
            const int n = std::min(NL - l0, kBlockStoreSets / 2);
            BlockStoreSets ss{};
            ReprSets rs{};
            for (int i = 0; i < n; ++i) {
                const int l = l0 + i;
                Layer & L = layers_[static_cast<size_t>(l)];
                ss.s[2 * i] = {L.win_k.get(), table_->tab_k() + at + l, table_->scale_k() + at + l};
                ss.s[2 * i + 1] = {L.win_v.get(), table_->tab_v() + at + l, table_->scale_v() + at + l};
                rs.s[i] = {L.win_k.get(), L.win_score.get(), L.repr.get() + static_cast<size_t>(nb) * hp_.q_dim()};
            }
            CUDA_CHECK(launch_blocks_store_sets(ss, 2 * n, ct_, NL, st_, nb_new, elems, amax_.get(), stream_));
            CUDA_CHECK(launch_block_repr_sets(rs, n, ct_, nb_new, bs, hp_.n_head, hp_.n_head_kv, hp_.head_dim, cfg_.repr_topk, stream_));
        }
        shift_window(nb_new * bs);
        for (int b = 0; b < nb_new; ++b) blocks_.push_back({win_start_ + static_cast<int64_t>(b) * bs, bs});
        win_start_ += static_cast<int64_t>(nb_new) * bs;
        n_win_ -= nb_new * bs;
    }
    set_counters();
    prof_->mark("trim");
    prof_->collect();
}

void CudaMemoryModel::cache_after_step(int n_sel) {
    if (!table_->caching()) return;
    std::vector<const int *> sel;
    for (const auto & L : layers_) sel.push_back(L.sel.get());
    table_->after_step(stream_, sel, n_sel, *stage_);
}

} // namespace quire
