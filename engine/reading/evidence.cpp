#include "reading/evidence.h"

#include <algorithm>
#include <cmath>

namespace quire {

int evidence_budget(const MemoryConfig & reading) { return std::min(reading.n_local / 4 * 3, 2048); }

std::vector<int> evidence_ranking(const RetrievalStep & step, int n_blocks) {
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
    std::vector<int> ranked = anchors;
    for (int b : order)
        if (std::find(anchors.begin(), anchors.end(), b) == anchors.end()) ranked.push_back(b);
    return ranked;
}

std::vector<TokenSpan> evidence_spans(const std::vector<MemoryBlock> & blocks, const std::vector<int> & ranked, int budget, int64_t first, int64_t last) {
    std::vector<TokenSpan> chosen; // disjoint, in document order
    int64_t used = 0;
    for (int b : ranked) {
        if (b < 0 || static_cast<size_t>(b) >= blocks.size()) continue;
        const MemoryBlock & m = blocks[static_cast<size_t>(b)];
        TokenSpan s{std::max(first, m.start - m.len / 4), std::min(last, m.start + m.len + m.len / 2)};
        if (s.end <= s.begin) continue;
        // s merged with the chosen spans it touches; what it adds is the union's growth.
        const auto lo = std::lower_bound(chosen.begin(), chosen.end(), s.begin, [](const TokenSpan & c, int64_t at) { return c.end < at; });
        auto hi = lo;
        TokenSpan u = s;
        int64_t had = 0;
        for (; hi != chosen.end() && hi->begin <= s.end; ++hi) u.begin = std::min(u.begin, hi->begin), u.end = std::max(u.end, hi->end), had += hi->end - hi->begin;
        const int64_t add = (u.end - u.begin) - had;
        if (used + add > budget) {
            if (chosen.empty()) chosen.push_back({s.begin, s.begin + std::max(budget, 0)}); // the best block alone, cut to the budget
            break;
        }
        chosen.insert(chosen.erase(lo, hi), u);
        used += add;
    }
    return chosen;
}

} // namespace quire
