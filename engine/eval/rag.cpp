#include "eval/rag.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace quire {

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<TextPassage> split_passages(std::string_view text, int words) {
    std::vector<TextPassage> out;
    const int per = std::max(words, 1);
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i == text.size()) break;
        TextPassage p{i, i};
        for (int w = 0; w < per && i < text.size(); ++w) {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
            p.end = i;
            while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        }
        out.push_back(p);
    }
    return out;
}

std::vector<std::string> bm25_words(std::string_view text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::string w;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
            const unsigned char c = static_cast<unsigned char>(text[i++]);
            w += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        }
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<double> bm25_scores(std::string_view text, const std::vector<TextPassage> & passages, std::string_view query) {
    constexpr double k1 = 1.2, b = 0.75;
    std::vector<std::string> q = bm25_words(query);
    std::sort(q.begin(), q.end());
    q.erase(std::unique(q.begin(), q.end()), q.end());
    std::unordered_map<std::string, int> index; // query word -> slot
    for (size_t i = 0; i < q.size(); ++i) index.emplace(q[i], static_cast<int>(i));
    const size_t n = passages.size();
    std::vector<std::vector<int>> tf(n, std::vector<int>(q.size(), 0));
    std::vector<double> len(n, 0);
    std::vector<int> df(q.size(), 0);
    for (size_t p = 0; p < n; ++p) {
        const auto words = bm25_words(text.substr(passages[p].begin, passages[p].end - passages[p].begin));
        len[p] = static_cast<double>(words.size());
        for (const auto & w : words) {
            const auto it = index.find(w);
            if (it != index.end()) ++tf[p][static_cast<size_t>(it->second)];
        }
        for (size_t t = 0; t < q.size(); ++t) df[t] += tf[p][t] > 0;
    }
    const double avg = n ? std::accumulate(len.begin(), len.end(), 0.0) / static_cast<double>(n) : 0.0;
    std::vector<double> score(n, 0.0);
    for (size_t t = 0; t < q.size(); ++t) {
        const double idf = std::log(1.0 + (static_cast<double>(n) - df[t] + 0.5) / (df[t] + 0.5));
        for (size_t p = 0; p < n; ++p) {
            const double f = tf[p][t];
            if (f > 0) score[p] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len[p] / std::max(avg, 1.0)));
        }
    }
    return score;
}

std::string rag_context(const Tokenizer & tok, std::string_view text, std::string_view question, int token_budget, int words, int max_passages) {
    const auto passages = split_passages(text, words);
    const auto score = bm25_scores(text, passages, question);
    std::vector<size_t> order(passages.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t c) { return score[a] > score[c]; });
    std::string out;
    int used = 0;
    int taken = 0;
    for (size_t i : order) {
        if (max_passages > 0 && taken++ == max_passages) break;
        std::string p(text.substr(passages[i].begin, passages[i].end - passages[i].begin));
        const int n = static_cast<int>(tok.encode(p).size()) + (out.empty() ? 0 : 1);
        if (used + n > token_budget) {
            if (!out.empty()) break;
            std::vector<int> ids = tok.encode(p);
            ids.resize(static_cast<size_t>(std::max(token_budget, 0)));
            p = tok.decode(ids);
        }
        if (!out.empty()) out += "\n\n";
        out += p;
        used += n;
    }
    return out;
}

} // namespace quire
