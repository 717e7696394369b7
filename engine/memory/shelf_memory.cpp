#include "memory/shelf_memory.h"

#include "core/error.h"
#include "memory/block_select.h"
#include "memory/reading_plan.h"

#include <algorithm>
#include <cstring>

namespace quire {

namespace {

// Where a position's key and value rows are in one layer of a reading: a sink, a block or the
// window (rows of pre-RoPE keys, kv_dim wide).
struct RowSource {
    const MemoryState & st;
    std::vector<int> by_start; // block indices sorted by start

    explicit RowSource(const MemoryState & s) : st(s), by_start(static_cast<size_t>(s.n_blocks())) {
        for (size_t i = 0; i < by_start.size(); ++i) by_start[i] = static_cast<int>(i);
        std::sort(by_start.begin(), by_start.end(), [&](int a, int b) { return st.blocks[static_cast<size_t>(a)].start < st.blocks[static_cast<size_t>(b)].start; });
    }
    bool in_window(int64_t p) const { return p >= st.win_start && p < st.n_tokens; }
    // The layer's key and value rows of position p.
    std::pair<const float *, const float *> row(const LayerMemory & L, int64_t p) const {
        const size_t kvd = static_cast<size_t>(st.kv_dim());
        if (p < st.n_sink) return {L.sink_k.data() + static_cast<size_t>(p) * kvd, L.sink_v.data() + static_cast<size_t>(p) * kvd};
        if (in_window(p)) {
            const size_t r = static_cast<size_t>(p - st.win_start);
            return {L.win_k.data() + r * kvd, L.win_v.data() + r * kvd};
        }
        auto it = std::upper_bound(by_start.begin(), by_start.end(), p, [&](int64_t at, int b) { return at < st.blocks[static_cast<size_t>(b)].start; });
        if (it != by_start.begin()) {
            const int b = *std::prev(it);
            const MemoryBlock & m = st.blocks[static_cast<size_t>(b)];
            if (p < m.start + m.len) {
                const size_t r = static_cast<size_t>(p - m.start) * kvd;
                return {L.blk_k[static_cast<size_t>(b)] + r, L.blk_v[static_cast<size_t>(b)] + r};
            }
        }
        fail(Status::INTERNAL, "a reading has no key for position " + std::to_string(p));
    }
};

// Text positions [first, last) of a reading that no block holds, as maximal ranges.
std::vector<std::pair<int64_t, int64_t>> outside_blocks(const MemoryState & st, int64_t first, int64_t last) {
    std::vector<std::pair<int64_t, int64_t>> held;
    for (const MemoryBlock & b : st.blocks) held.push_back({b.start, b.start + b.len});
    std::sort(held.begin(), held.end());
    std::vector<std::pair<int64_t, int64_t>> out;
    int64_t at = first;
    for (const auto & [b, e] : held) {
        if (b > at) out.push_back({at, std::min(b, last)});
        at = std::max(at, e);
        if (at >= last) break;
    }
    if (at < last) out.push_back({at, last});
    out.erase(std::remove_if(out.begin(), out.end(), [](const auto & r) { return r.second <= r.first; }), out.end());
    return out;
}

// The blocks that cover [a, e) of a text [first, last): whole blocks from a; a piece shorter than
// a block ends the range, reaching back over rows already held (or, in a text shorter than a
// block, is short: len < block_size).
std::vector<MemoryBlock> cut_range(int64_t a, int64_t e, int64_t first, int64_t last, int bs) {
    std::vector<MemoryBlock> out;
    int64_t s = a;
    for (; s + bs <= e; s += bs) out.push_back({s, bs});
    if (s < e) {
        const int64_t b = std::max(first, std::min(s, last - bs));
        out.push_back({b, static_cast<int32_t>(std::min<int64_t>(last, b + bs) - b)});
    }
    return out;
}

} // namespace

int ShelfMemory::document_of(int64_t p) const {
    if (starts.size() < 2 || p < starts.front() || p >= starts.back()) return -1;
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), p) - starts.begin()) - 1;
}

ShelfMemory shelf_memory(const std::vector<ShelfInput> & docs) {
    if (docs.empty()) fail(Status::BAD_INPUT, "a shelf needs at least one document");
    const MemoryState & d0 = *docs.front().state;
    MemoryConfig cfg;
    bool have_cfg = false;
    for (const ShelfInput & in : docs) {
        const MemoryState & s = *in.state;
        if (s.n_layer != d0.n_layer || s.n_head != d0.n_head || s.n_head_kv != d0.n_head_kv || s.head_dim != d0.head_dim)
            fail(Status::BAD_INPUT, "'" + in.title + "' was read by another model");
        if (s.cfg.block_size != d0.cfg.block_size || s.cfg.n_init != d0.cfg.n_init)
            fail(Status::BAD_INPUT, "'" + in.title + "' was read with another block size or sink count (read it again with the others' settings)");
        if (in.prefix_len < 0 || in.prefix_len > s.n_tokens || static_cast<int64_t>(s.tokens.size()) != s.n_tokens)
            fail(Status::BAD_INPUT, "'" + in.title + "' is not a finished reading");
        if (!have_cfg && s.cfg.preset != kWholePreset) cfg = s.cfg, have_cfg = true;
    }
    if (!have_cfg) {
        cfg = memory_preset("2k");
        cfg.block_size = d0.cfg.block_size, cfg.n_init = d0.cfg.n_init, cfg.repr_topk = std::min(d0.cfg.repr_topk, cfg.block_size);
    }
    cfg.lookup = d0.cfg.lookup;
    cfg.host_budget_bytes = d0.cfg.host_budget_bytes;

    ShelfMemory sh;
    sh.prefix_len = docs.front().prefix_len;
    MemoryState & u = sh.state;
    u = MemoryState(); // fields set below; the pools are the shelf's own (sealed blocks)
    u.cfg = cfg;
    u.n_layer = d0.n_layer, u.n_head = d0.n_head, u.n_head_kv = d0.n_head_kv, u.head_dim = d0.head_dim;
    u.layers.resize(static_cast<size_t>(u.n_layer));
    u.pool = std::make_shared<SlabPool>(cfg.host_budget_bytes);
    u.repr_pool = std::make_shared<SlabPool>();
    u.storage = {u.pool, u.repr_pool};
    const size_t kvd = static_cast<size_t>(u.kv_dim()), qd = static_cast<size_t>(u.q_dim());
    const int bs = cfg.block_size, n_rep = u.n_head / u.n_head_kv;

    // The first reading's first tokens (its frame and the start of its text) are the shelf's sinks.
    const RowSource src0(d0);
    u.n_sink = static_cast<int>(std::min<int64_t>(cfg.n_init, d0.n_tokens));
    for (size_t l = 0; l < u.layers.size(); ++l)
        for (int64_t p = 0; p < u.n_sink; ++p) {
            const auto [k, v] = src0.row(d0.layers[l], p);
            u.layers[l].sink_k.insert(u.layers[l].sink_k.end(), k, k + kvd);
            u.layers[l].sink_v.insert(u.layers[l].sink_v.end(), v, v + kvd);
        }
    u.tokens.assign(d0.tokens.begin(), d0.tokens.begin() + docs.front().prefix_len);

    std::vector<float> ones(static_cast<size_t>(bs) * static_cast<size_t>(u.n_head), 1.0f);
    for (size_t d = 0; d < docs.size(); ++d) {
        const MemoryState & s = *docs[d].state;
        const int64_t first = docs[d].prefix_len, last = s.n_tokens;
        const int64_t start = static_cast<int64_t>(u.tokens.size());
        sh.starts.push_back(start);
        sh.origins.push_back(docs[d].prefix_len);
        sh.first_block.push_back(u.n_blocks());
        sh.titles.push_back(docs[d].title);
        u.tokens.insert(u.tokens.end(), s.tokens.begin() + first, s.tokens.end());
        u.storage.insert(u.storage.end(), s.storage.begin(), s.storage.end());

        // Its blocks and the sealed ones, in text order: {start, len, index in s or -1}.
        struct Piece {
            MemoryBlock at;
            int own = -1;
        };
        std::vector<Piece> pieces;
        for (int b = 0; b < s.n_blocks(); ++b)
            if (s.blocks[static_cast<size_t>(b)].start >= first) pieces.push_back({s.blocks[static_cast<size_t>(b)], b});
        for (const auto & [a, e] : outside_blocks(s, first, last))
            for (const MemoryBlock & m : cut_range(a, e, first, last, bs)) pieces.push_back({m, -1});
        std::stable_sort(pieces.begin(), pieces.end(), [](const Piece & x, const Piece & y) { return x.at.start < y.at.start; });

        const RowSource src(s);
        for (const Piece & pc : pieces) {
            u.blocks.push_back({start + (pc.at.start - first), pc.at.len, 0});
            if (pc.own >= 0) {
                for (size_t l = 0; l < u.layers.size(); ++l) {
                    const LayerMemory & L = s.layers[l];
                    u.layers[l].blk_k.push_back(L.blk_k[static_cast<size_t>(pc.own)]);
                    u.layers[l].blk_v.push_back(L.blk_v[static_cast<size_t>(pc.own)]);
                    u.layers[l].blk_repr.push_back(L.blk_repr[static_cast<size_t>(pc.own)]);
                }
                continue;
            }
            ++sh.n_sealed;
            const int n = pc.at.len;
            const bool windowed = src.in_window(pc.at.start) && src.in_window(pc.at.start + n - 1);
            for (size_t l = 0; l < u.layers.size(); ++l) {
                const LayerMemory & L = s.layers[l];
                float * k = u.pool->alloc(static_cast<size_t>(bs) * kvd);
                float * v = u.pool->alloc(static_cast<size_t>(bs) * kvd);
                float * r = u.repr_pool->alloc(qd);
                for (int t = 0; t < bs; ++t) { // a short block repeats its rows (a text shorter than a block)
                    const auto [kr, vr] = src.row(L, pc.at.start + t % n);
                    std::memcpy(k + static_cast<size_t>(t) * kvd, kr, kvd * sizeof(float));
                    std::memcpy(v + static_cast<size_t>(t) * kvd, vr, kvd * sizeof(float));
                }
                // As a reading builds it from the window's local scores; rows with none: the mean key.
                const float * scores = windowed ? L.win_score.data() + static_cast<size_t>(pc.at.start - s.win_start) * static_cast<size_t>(s.n_head) : ones.data();
                for (int h = 0; h < u.n_head; ++h)
                    block_representative(k + static_cast<size_t>(h / n_rep) * static_cast<size_t>(u.head_dim), static_cast<int>(kvd), scores + h, u.n_head, n,
                                         u.head_dim, windowed ? std::min(cfg.repr_topk, n) : n, r + static_cast<size_t>(h) * static_cast<size_t>(u.head_dim));
                u.layers[l].blk_k.push_back(k);
                u.layers[l].blk_v.push_back(v);
                u.layers[l].blk_repr.push_back(r);
            }
        }
    }
    sh.starts.push_back(static_cast<int64_t>(u.tokens.size()));
    sh.first_block.push_back(u.n_blocks());
    u.n_tokens = static_cast<int64_t>(u.tokens.size());
    u.win_start = u.n_tokens; // an empty window: every document's text is in blocks
    return sh;
}

} // namespace quire
