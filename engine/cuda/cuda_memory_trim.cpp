// Block cutting on the GPU: after each step the tokens that left the local window
// (gpu_window.h) become sinks, then whole blocks (stored in the compute or fp8 type, with their
// representatives), and the window drops what it gave away.
#include "cuda/cuda_memory_model.h"

#include "block_select.cuh"
#include "kv_blocks.cuh"

#include <algorithm>

namespace quire {

// Tokens that left the local window become sinks, then whole blocks, as plan_trim says (the CPU
// twin is MemoryState::trim_window; the blocks of one trim are cut in a few launches).
void CudaMemoryModel::trim() {
    const int NL = hp_.n_layer, KVD = hp_.kv_dim(), bs = cfg_.block_size;
    const size_t esz = kv_type_size(ct_);
    prof_->mark("start");
    const TrimPlan plan = plan_trim(cfg_, n_sink_, win_.size());
    if (plan.to_sinks > 0) {
        const int n = plan.to_sinks;
        const size_t off = static_cast<size_t>(n_sink_) * KVD * esz, len = static_cast<size_t>(n) * KVD * esz;
        for (int l = 0; l < NL; ++l) {
            Layer & L = layers_[static_cast<size_t>(l)];
            CUDA_CHECK(cudaMemcpyAsync(L.mem_k.get() + off, win_[l].k.get(), len, cudaMemcpyDeviceToDevice, stream_));
            CUDA_CHECK(cudaMemcpyAsync(L.mem_v.get() + off, win_[l].v.get(), len, cudaMemcpyDeviceToDevice, stream_));
        }
        win_.drop(n, stream_);
        n_sink_ += n;
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
                const GpuWindow::Rows & R = win_[l];
                ss.s[2 * i] = {R.k.get(), table_->tab_k() + at + l, table_->scale_k() + at + l};
                ss.s[2 * i + 1] = {R.v.get(), table_->tab_v() + at + l, table_->scale_v() + at + l};
                rs.s[i] = {R.k.get(), R.score.get(), layers_[static_cast<size_t>(l)].repr.get() + static_cast<size_t>(nb) * hp_.q_dim()};
            }
            CUDA_CHECK(launch_blocks_store_sets(ss, 2 * n, ct_, NL, st_, nb_new, elems, b_.amax.get(), stream_));
            CUDA_CHECK(launch_block_repr_sets(rs, n, ct_, nb_new, bs, hp_.n_head, hp_.n_head_kv, hp_.head_dim, cfg_.repr_topk, stream_));
        }
        for (int b = 0; b < nb_new; ++b) blocks_.push_back({win_.start() + static_cast<int64_t>(b) * bs, bs});
        win_.drop(nb_new * bs, stream_);
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
