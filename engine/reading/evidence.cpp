#include "reading/evidence.h"

#include <algorithm>
#include <cmath>

namespace quire {

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
    std::vector<TokenSpan> chosen;
    auto covered = [&](const TokenSpan & s) { // tokens of s not yet in a chosen span
        int64_t n = s.end - s.begin;
        for (const auto & c : chosen) n -= std::max<int64_t>(0, std::min(c.end, s.end) - std::max(c.begin, s.begin));
        return std::max<int64_t>(n, 0);
    };
    int64_t used = 0;
    for (int b : ranked) {
        if (b < 0 || static_cast<size_t>(b) >= blocks.size()) continue;
        const MemoryBlock & m = blocks[static_cast<size_t>(b)];
        TokenSpan s{std::max(first, m.start - m.len / 4), std::min(last, m.start + m.len + m.len / 2)};
        if (s.end <= s.begin) continue;
        const int64_t add = covered(s);
        if (used + add > budget) {
            if (chosen.empty()) chosen.push_back({s.begin, s.begin + std::max(budget, 0)}); // the best block alone, cut to the budget
            break;
        }
        chosen.push_back(s);
        used += add;
    }
    std::sort(chosen.begin(), chosen.end(), [](const TokenSpan & a, const TokenSpan & b) { return a.begin < b.begin; });
    std::vector<TokenSpan> merged;
    for (const auto & s : chosen) {
        if (!merged.empty() && s.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
        else merged.push_back(s);
    }
    return merged;
}

} // namespace quire
