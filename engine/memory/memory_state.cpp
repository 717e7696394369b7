// Window management and block cutting.
#include "memory/memory_state.h"

#include "memory/block_select.h"
#include "memory/step_plan.h"

#include <cstring>

namespace quire {

MemoryState::MemoryState(const HParams & hp, const MemoryConfig & c)
    : cfg(c), n_layer(hp.n_layer), n_head(hp.n_head), n_head_kv(hp.n_head_kv), head_dim(hp.head_dim),
      layers(static_cast<size_t>(hp.n_layer)), pool(std::make_shared<SlabPool>(c.host_budget_bytes)), repr_pool(std::make_shared<SlabPool>()) {
    storage.push_back(pool);
    storage.push_back(repr_pool);
}

MemoryState MemoryState::fork() const {
    MemoryState s = *this;
    s.pool = std::make_shared<SlabPool>(cfg.host_budget_bytes);
    s.repr_pool = std::make_shared<SlabPool>();
    s.storage.push_back(s.pool);
    s.storage.push_back(s.repr_pool);
    return s;
}

namespace {
// Drop the first n rows of a row-major [rows][width] vector.
void erase_rows(std::vector<float> & v, size_t n, size_t width) { v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n * width)); }
} // namespace

void MemoryState::trim_window() {
    const size_t kvd = static_cast<size_t>(kv_dim());
    const size_t bs = static_cast<size_t>(cfg.block_size);
    const int n_rep = n_head / n_head_kv;
    const TrimPlan plan = plan_trim(cfg, n_sink, n_win());
    if (plan.to_sinks > 0) {
        // The first tokens of the text become sinks.
        const size_t n = static_cast<size_t>(plan.to_sinks);
        for (auto & L : layers) {
            L.sink_k.insert(L.sink_k.end(), L.win_k.begin(), L.win_k.begin() + static_cast<std::ptrdiff_t>(n * kvd));
            L.sink_v.insert(L.sink_v.end(), L.win_v.begin(), L.win_v.begin() + static_cast<std::ptrdiff_t>(n * kvd));
            erase_rows(L.win_k, n, kvd);
            erase_rows(L.win_krot, n, kvd);
            erase_rows(L.win_v, n, kvd);
            erase_rows(L.win_score, n, static_cast<size_t>(n_head));
        }
        n_sink += plan.to_sinks;
        win_start += plan.to_sinks;
    }
    for (int b = 0; b < plan.new_blocks; ++b) {
        for (auto & L : layers) {
            float * k = pool->alloc(bs * kvd);
            float * v = pool->alloc(bs * kvd);
            float * r = repr_pool->alloc(static_cast<size_t>(q_dim()));
            std::memcpy(k, L.win_k.data(), bs * kvd * sizeof(float));
            std::memcpy(v, L.win_v.data(), bs * kvd * sizeof(float));
            for (int h = 0; h < n_head; ++h)
                block_representative(L.win_k.data() + static_cast<size_t>(h / n_rep) * static_cast<size_t>(head_dim), static_cast<int>(kvd),
                                     L.win_score.data() + h, n_head, static_cast<int>(bs), head_dim, cfg.repr_topk,
                                     r + static_cast<size_t>(h) * static_cast<size_t>(head_dim));
            L.blk_k.push_back(k);
            L.blk_v.push_back(v);
            L.blk_repr.push_back(r);
            erase_rows(L.win_k, bs, kvd);
            erase_rows(L.win_krot, bs, kvd);
            erase_rows(L.win_v, bs, kvd);
            erase_rows(L.win_score, bs, static_cast<size_t>(n_head));
        }
        blocks.push_back({win_start, static_cast<int>(bs)});
        win_start += static_cast<int64_t>(bs);
    }
}

uint64_t MemoryState::bytes() const {
    const uint64_t kvd = static_cast<uint64_t>(kv_dim());
    const uint64_t per_block = (2 * static_cast<uint64_t>(cfg.block_size) * kvd + static_cast<uint64_t>(q_dim())) * sizeof(float);
    uint64_t b = 0;
    for (const auto & L : layers)
        b += (L.sink_k.size() + L.sink_v.size() + L.win_k.size() + L.win_krot.size() + L.win_v.size() + L.win_score.size()) * sizeof(float);
    return b + per_block * static_cast<uint64_t>(n_blocks()) * static_cast<uint64_t>(n_layer);
}

} // namespace quire
