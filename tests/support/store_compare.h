// Two block stores hold the same reading: the same tokens, blocks, sinks, window and block data,
// bit for bit (a resumed reading against an uninterrupted one).
#pragma once

#include "memory/block_store_file.h"

#include <QString>

#include <cstring>

namespace quire::test {

inline QString store_difference(const StoredDocument & a, const StoredDocument & b) {
    auto same = [](const std::vector<float> & x, const std::vector<float> & y) { return x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size() * 4) == 0); };
    const MemoryState &s = a.state, &t = b.state;
    if (s.tokens != t.tokens) return "tokens";
    if (s.n_sink != t.n_sink || s.win_start != t.win_start || s.n_blocks() != t.n_blocks() || s.layers.size() != t.layers.size()) return "counts";
    if (a.prefix_len != b.prefix_len || a.spans.size() != b.spans.size()) return "frame or spans";
    for (int i = 0; i < s.n_blocks(); ++i)
        if (s.blocks[i].start != t.blocks[i].start || s.blocks[i].len != t.blocks[i].len) return QString("block %1's place").arg(i);
    const size_t kv = static_cast<size_t>(s.cfg.block_size) * static_cast<size_t>(s.kv_dim()) * 4, q = static_cast<size_t>(s.q_dim()) * 4;
    for (size_t l = 0; l < s.layers.size(); ++l) {
        const LayerMemory &x = s.layers[l], &y = t.layers[l];
        if (!same(x.sink_k, y.sink_k) || !same(x.sink_v, y.sink_v)) return QString("layer %1's sinks").arg(l);
        if (!same(x.win_k, y.win_k) || !same(x.win_krot, y.win_krot) || !same(x.win_v, y.win_v) || !same(x.win_score, y.win_score))
            return QString("layer %1's window").arg(l);
        for (size_t i = 0; i < x.blk_k.size(); ++i)
            if (std::memcmp(x.blk_k[i], y.blk_k[i], kv) != 0 || std::memcmp(x.blk_v[i], y.blk_v[i], kv) != 0 || std::memcmp(x.blk_repr[i], y.blk_repr[i], q) != 0)
                return QString("layer %1, block %2").arg(l).arg(i);
    }
    return {};
}

} // namespace quire::test
