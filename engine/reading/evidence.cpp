#include "reading/evidence.h"

#include "memory/lexical_anchors.h"
#include "memory/reading_plan.h"

#include <algorithm>
#include <cmath>

namespace quire {

int evidence_budget(const MemoryConfig & reading, int64_t read_tokens) {
    constexpr int64_t most = 2048;
    if (reading.preset == kWholePreset) return static_cast<int>(std::clamp<int64_t>(reading.n_local - read_tokens - kWholeRoom, 0, most));
    return static_cast<int>(std::min<int64_t>(reading.n_local / 4 * 3, most));
}

std::vector<int> word_ranking(const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens, const std::vector<int> & question) {
    LexicalIndex index;
    index.add_question(question);
    return index.anchors(blocks, tokens, static_cast<int>(blocks.size()));
}

std::vector<MemoryBlock> passages_of(int64_t first, int64_t last, int len) {
    std::vector<MemoryBlock> out;
    if (len <= 0) return out;
    for (int64_t p = first; p < last; p += len) out.push_back({p, static_cast<int>(std::min<int64_t>(len, last - p))});
    return out;
}

std::vector<int> evidence_ranking(const RetrievalStep & step, int n_blocks, const std::vector<int> & words) {
    std::vector<double> score(static_cast<size_t>(std::max(n_blocks, 0)), 0.0);
    std::vector<int> anchors;
    for (const BlockScores & L : step.layers) {
        const size_t n = std::min(L.combined.size(), score.size());
        if (n == 0) continue;
        double mean = 0, var = 0;
        for (size_t b = 0; b < n; ++b) mean += L.combined[b];
        mean /= static_cast<double>(n);
        for (size_t b = 0; b < n; ++b) var += (L.combined[b] - mean) * (L.combined[b] - mean);
        const double sd = std::sqrt(var / static_cast<double>(n)) + 1e-12;
        for (size_t b = 0; b < n; ++b) score[b] += (L.combined[b] - mean) / sd;
        for (int a : L.anchors)
            if (a >= 0 && a < n_blocks && std::find(anchors.begin(), anchors.end(), a) == anchors.end()) anchors.push_back(a);
    }
    std::vector<int> order(score.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return score[static_cast<size_t>(a)] > score[static_cast<size_t>(b)]; });
    std::vector<char> taken(score.size(), 0);
    std::vector<int> ranked;
    auto take = [&](int b) {
        if (b < 0 || b >= n_blocks || taken[static_cast<size_t>(b)]) return;
        taken[static_cast<size_t>(b)] = 1;
        ranked.push_back(b);
    };
    if (words.empty()) { // the anchors lead, then the attention
        for (int b : anchors) take(b);
        for (int b : order) take(b);
        return ranked;
    }
    for (size_t i = 0; i < std::max(words.size(), order.size()); ++i) { // in turn
        if (i < words.size()) take(words[i]);
        if (i < order.size()) take(order[i]);
    }
    return ranked;
}

std::vector<TokenSpan> evidence_spans(const std::vector<MemoryBlock> & blocks, const std::vector<int> & ranked, int budget, int64_t first, int64_t last) {
    return evidence_spans(blocks, ranked, budget, std::vector<TextRange>{{first, last}});
}

size_t text_of(const std::vector<TextRange> & texts, int64_t p) {
    auto it = std::upper_bound(texts.begin(), texts.end(), p, [](int64_t at, const TextRange & t) { return at < t.first; });
    if (it == texts.begin() || p >= std::prev(it)->last) return texts.size();
    return static_cast<size_t>(std::prev(it) - texts.begin());
}

std::vector<TokenSpan> evidence_spans(const std::vector<MemoryBlock> & blocks, const std::vector<int> & ranked, int budget, const std::vector<TextRange> & texts) {
    std::vector<TokenSpan> chosen; // disjoint, in document order
    int64_t used = 0;
    for (size_t r = 0; r < ranked.size(); ++r) {
        const int b = ranked[r];
        if (b < 0 || static_cast<size_t>(b) >= blocks.size()) continue;
        const MemoryBlock & m = blocks[static_cast<size_t>(b)];
        const size_t t = text_of(texts, std::max(m.start, texts.empty() ? m.start : texts.front().first));
        if (t == texts.size()) continue;
        const int64_t first = texts[t].first, last = texts[t].last;
        TokenSpan s{std::max(first, m.start - m.len / 4), std::min(last, m.start + m.len + m.len / 2), static_cast<int>(r)};
        if (s.end <= s.begin) continue;
        // s merged with the chosen spans of its text it touches; what it adds is the union's growth.
        auto lo = std::lower_bound(chosen.begin(), chosen.end(), s.begin, [](const TokenSpan & c, int64_t at) { return c.end < at; });
        if (lo != chosen.end() && text_of(texts, lo->begin) != t) ++lo; // the previous text's span ends where this one starts
        auto hi = lo;
        TokenSpan u = s;
        int64_t had = 0;
        for (; hi != chosen.end() && hi->begin <= s.end && text_of(texts, hi->begin) == t; ++hi) {
            u.begin = std::min(u.begin, hi->begin), u.end = std::max(u.end, hi->end), u.rank = std::min(u.rank, hi->rank);
            had += hi->end - hi->begin;
        }
        const int64_t add = (u.end - u.begin) - had;
        if (used + add > budget) {
            if (chosen.empty()) chosen.push_back({s.begin, s.begin + std::max(budget, 0), s.rank}); // the best block alone, cut to the budget
            break;
        }
        chosen.insert(chosen.erase(lo, hi), u);
        used += add;
    }
    return chosen;
}

} // namespace quire
