// BM25 over token ids, indexed block by block as blocks are cut.
#include "memory/lexical_anchors.h"

#include "memory/memory_state.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace quire {

void LexicalIndex::add_question(const std::vector<int> & question_tokens) {
    qtok_.insert(qtok_.end(), question_tokens.begin(), question_tokens.end());
    std::sort(qtok_.begin(), qtok_.end());
    qtok_.erase(std::unique(qtok_.begin(), qtok_.end()), qtok_.end());
    reset_index();
}

void LexicalIndex::reset_index() {
    tf_.clear();
    df_.assign(qtok_.size(), 0);
    anchors_.clear();
    cached_blocks_ = cached_n_ = -1;
}

const std::vector<int> & LexicalIndex::anchors(const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens, int n) {
    const int nb = static_cast<int>(blocks.size());
    if (qtok_.empty() || n <= 0 || nb == 0) {
        anchors_.clear();
        cached_blocks_ = -1; // the cache no longer holds a ranking
        return anchors_;
    }
    if (nb == cached_blocks_ && n == cached_n_) return anchors_;
    if (static_cast<int>(tf_.size()) > nb) reset_index(); // fewer blocks than indexed: another state's, start over
    const size_t nq = qtok_.size();
    for (int b = static_cast<int>(tf_.size()); b < nb; ++b) {
        std::vector<uint16_t> tf(nq, 0);
        const MemoryBlock & B = blocks[static_cast<size_t>(b)];
        const int64_t end = std::min<int64_t>(B.start + B.len, static_cast<int64_t>(tokens.size()));
        for (int64_t p = std::max<int64_t>(B.start, 0); p < end; ++p) {
            const auto it = std::lower_bound(qtok_.begin(), qtok_.end(), tokens[static_cast<size_t>(p)]);
            if (it != qtok_.end() && *it == tokens[static_cast<size_t>(p)]) {
                uint16_t & c = tf[static_cast<size_t>(it - qtok_.begin())];
                if (c++ == 0) ++df_[static_cast<size_t>(it - qtok_.begin())];
            }
        }
        tf_.push_back(std::move(tf));
    }

    // BM25 (k1 = 1.2; blocks have one length, so no length normalisation).
    constexpr double k1 = 1.2;
    const double N = nb;
    std::vector<double> idf(nq);
    std::vector<char> rare(nq);
    for (size_t i = 0; i < nq; ++i) {
        idf[i] = std::log(1.0 + (N - df_[i] + 0.5) / (df_[i] + 0.5));
        rare[i] = df_[i] > 0 && 4 * df_[i] <= nb;
    }
    std::vector<double> score(static_cast<size_t>(nb), 0.0);
    std::vector<int> cand;
    for (int b = 0; b < nb; ++b) {
        const auto & tf = tf_[static_cast<size_t>(b)];
        bool has_rare = false;
        double s = 0.0;
        for (size_t i = 0; i < nq; ++i) {
            if (!tf[i]) continue;
            has_rare = has_rare || rare[i];
            s += idf[i] * tf[i] * (k1 + 1.0) / (tf[i] + k1);
        }
        score[static_cast<size_t>(b)] = s;
        if (has_rare) cand.push_back(b);
    }
    const size_t k = std::min(cand.size(), static_cast<size_t>(n));
    std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(k), cand.end(), [&score](int a, int b) {
        return score[static_cast<size_t>(a)] > score[static_cast<size_t>(b)] || (score[static_cast<size_t>(a)] == score[static_cast<size_t>(b)] && a < b);
    });
    cand.resize(k);
    anchors_ = std::move(cand);
    cached_blocks_ = nb, cached_n_ = n;
    return anchors_;
}

const std::vector<int> & LexicalIndex::step_anchors(const MemoryConfig & cfg, const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens) {
    const bool on = cfg.lookup.anchors > 0 && has_question();
    return anchors(blocks, tokens, on ? std::min(cfg.lookup.anchors, cfg.topk) : 0);
}

} // namespace quire
