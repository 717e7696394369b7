// Shared tokenizer logic: special-token splitting and default decoding.
#include "tokenizer/tokenizer.h"

#include "core/error.h"

#include <algorithm>

namespace quire {

void Tokenizer::collect_special_texts() {
    special_texts_.clear();
    for (int id = 0; id < n_vocab(); ++id) {
        const TokenType t = token_type(id);
        if (t != TokenType::CONTROL && t != TokenType::USER_DEFINED) continue;
        std::string text = token_bytes(id);
        if (!text.empty()) special_texts_.emplace_back(std::move(text), id);
    }
    std::stable_sort(special_texts_.begin(), special_texts_.end(),
                     [](const auto & a, const auto & b) { return a.first.size() > b.first.size(); });
}

std::vector<int> Tokenizer::encode_long(std::string_view text, const std::function<bool(size_t)> & progress, size_t piece_bytes) const {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    std::vector<int> out;
    size_t at = 0;
    while (at < text.size()) {
        if (progress && !progress(at)) fail(Status::CANCELLED, "tokenizing cancelled");
        // The next cut: the first line break at or after at + piece_bytes that a non-blank follows.
        size_t end = text.size();
        for (size_t nl = text.find('\n', std::min(text.size(), at + piece_bytes)); nl != std::string_view::npos && nl + 1 < text.size();
             nl = text.find('\n', nl + 1))
            if (!blank(text[nl + 1])) {
                end = nl + 1;
                break;
            }
        const std::string_view piece = text.substr(at, end - at);
        if (at == 0) {
            const auto ids = encode_plain(piece);
            out.insert(out.end(), ids.begin(), ids.end());
        } else if (const auto ids = encode_after_line_break(piece)) {
            out.insert(out.end(), ids->begin(), ids->end());
        } else {
            return encode_plain(text); // this vocabulary cannot be cut there: whole
        }
        at = end;
    }
    if (progress && !progress(text.size())) fail(Status::CANCELLED, "tokenizing cancelled");
    return out;
}

std::vector<int> Tokenizer::encode(std::string_view text, bool parse_special) const {
    if (!parse_special || special_texts_.empty()) return encode_plain(text);
    std::vector<int> out;
    size_t start = 0, i = 0;
    while (i < text.size()) {
        int found = -1;
        size_t len = 0;
        for (const auto & [s, id] : special_texts_) {
            if (text.compare(i, s.size(), s) == 0) {
                found = id;
                len = s.size();
                break;
            }
        }
        if (found < 0) {
            ++i;
            continue;
        }
        if (i > start) {
            auto part = encode_plain(text.substr(start, i - start));
            out.insert(out.end(), part.begin(), part.end());
        }
        out.push_back(found);
        i += len;
        start = i;
    }
    if (start < text.size()) {
        auto part = encode_plain(text.substr(start));
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

std::vector<int> Tokenizer::tokenize(std::string_view text, bool add_bos, bool parse_special) const {
    std::vector<int> ids;
    if (add_bos && special_.bos >= 0) ids.push_back(special_.bos);
    auto rest = encode(text, parse_special);
    ids.insert(ids.end(), rest.begin(), rest.end());
    return ids;
}

std::string Tokenizer::decode(const std::vector<int> & ids, bool render_special) const {
    std::string out;
    for (int id : ids) {
        if (!render_special && is_control(id)) continue;
        out += token_bytes(id);
    }
    return out;
}

} // namespace quire
