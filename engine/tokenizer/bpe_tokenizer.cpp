// Byte-level BPE encoding with a priority queue of candidate merges (O(n log n) per word),
// and tiktoken vocabulary loading.
#include "tokenizer/bpe_tokenizer.h"

#include "core/error.h"
#include "core/log.h"
#include "core/mapped_file.h"
#include "tokenizer/byte_unicode.h"

#include <queue>

namespace quire {

BpeTokenizer::BpeTokenizer(BpeVocab v, const std::string & source)
    : tokens_(std::move(v.tokens)), types_(std::move(v.types)), ignore_merges_(v.ignore_merges), pre_(v.split_patterns) {
    if (tokens_.empty() || tokens_.size() != types_.size()) fail(Status::BAD_INPUT, source + ": empty or inconsistent BPE vocabulary");
    special_ = v.special;
    for (int id = 0; id < n_vocab(); ++id) {
        const auto & t = tokens_[static_cast<size_t>(id)];
        all_ids_.emplace(t, id);
        const TokenType ty = types_[static_cast<size_t>(id)];
        if (ty != TokenType::CONTROL && ty != TokenType::USER_DEFINED) normal_ids_.emplace(t, id);
    }
    for (int b = 0; b < 256; ++b) {
        auto it = normal_ids_.find(std::string(1, static_cast<char>(b)));
        byte_ids_[b] = it == normal_ids_.end() ? -1 : it->second;
    }
    if (v.merges_from_ranks) {
        // tiktoken: merging a and b has the rank of the token a+b.
        for (int id = 0; id < n_vocab(); ++id) {
            const auto & t = tokens_[static_cast<size_t>(id)];
            if (t.size() < 2 || types_[static_cast<size_t>(id)] == TokenType::CONTROL) continue;
            for (size_t k = 1; k < t.size(); ++k) {
                auto a = normal_ids_.find(t.substr(0, k));
                if (a == normal_ids_.end()) continue;
                auto b = normal_ids_.find(t.substr(k));
                if (b == normal_ids_.end()) continue;
                merges_.emplace(pair_key(a->second, b->second), Merge{id, id});
            }
        }
    } else {
        int rank = 0;
        for (auto [a, b] : v.merges) {
            if (a < 0 || b < 0 || a >= n_vocab() || b >= n_vocab()) continue;
            auto m = normal_ids_.find(tokens_[static_cast<size_t>(a)] + tokens_[static_cast<size_t>(b)]);
            if (m != normal_ids_.end()) merges_.emplace(pair_key(a, b), Merge{rank, m->second});
            ++rank;
        }
    }
    collect_special_texts();
}

std::vector<int> BpeTokenizer::encode_plain(std::string_view text) const {
    std::vector<int> out;
    for (std::string_view word : pre_.split(text)) encode_word(word, out);
    return out;
}

std::vector<int> BpeTokenizer::encode_long(std::string_view text, const std::function<bool(size_t)> & progress, size_t piece_bytes) const {
    std::vector<int> out;
    size_t next_report = 0;
    pre_.each(text, [&](std::string_view word) {
        const size_t at = static_cast<size_t>(word.data() - text.data());
        if (progress && at >= next_report) {
            if (!progress(at)) fail(Status::CANCELLED, "tokenizing cancelled");
            next_report = at + std::max<size_t>(piece_bytes, 1);
        }
        encode_word(word, out);
    });
    if (progress && !progress(text.size())) fail(Status::CANCELLED, "tokenizing cancelled");
    return out;
}

void BpeTokenizer::encode_word(std::string_view word, std::vector<int> & out) const {
    if (ignore_merges_) {
        auto it = normal_ids_.find(std::string(word));
        if (it != normal_ids_.end()) {
            out.push_back(it->second);
            return;
        }
    }
    const bool cacheable = word.size() <= 64;
    if (cacheable) {
        std::lock_guard lock(cache_mutex_);
        auto it = cache_.find(std::string(word));
        if (it != cache_.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }

    struct Sym { int id, prev, next; };
    std::vector<Sym> syms;
    syms.reserve(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
        int id = byte_ids_[static_cast<unsigned char>(word[i])];
        if (id < 0) id = special_.unk; // a vocabulary without this byte: nothing better exists
        syms.push_back({id, static_cast<int>(i) - 1, i + 1 < word.size() ? static_cast<int>(i) + 1 : -1});
    }
    struct Cand { int rank, left, right, left_id, right_id; };
    auto worse = [](const Cand & a, const Cand & b) { return a.rank != b.rank ? a.rank > b.rank : a.left > b.left; };
    std::priority_queue<Cand, std::vector<Cand>, decltype(worse)> heap(worse);
    auto consider = [&](int l, int r) {
        if (l < 0 || r < 0) return;
        auto it = merges_.find(pair_key(syms[static_cast<size_t>(l)].id, syms[static_cast<size_t>(r)].id));
        if (it != merges_.end()) heap.push({it->second.rank, l, r, syms[static_cast<size_t>(l)].id, syms[static_cast<size_t>(r)].id});
    };
    for (int i = 0; i + 1 < static_cast<int>(syms.size()); ++i) consider(i, i + 1);
    while (!heap.empty()) {
        const Cand c = heap.top();
        heap.pop();
        Sym & L = syms[static_cast<size_t>(c.left)];
        Sym & R = syms[static_cast<size_t>(c.right)];
        if (L.next != c.right || L.id != c.left_id || R.id != c.right_id) continue; // stale
        L.id = merges_.at(pair_key(c.left_id, c.right_id)).id;
        L.next = R.next;
        if (R.next >= 0) syms[static_cast<size_t>(R.next)].prev = c.left;
        R.id = -2; // dead
        consider(L.prev, c.left);
        consider(c.left, L.next);
    }
    std::vector<int> ids;
    for (int i = syms.empty() ? -1 : 0; i >= 0; i = syms[static_cast<size_t>(i)].next)
        if (syms[static_cast<size_t>(i)].id >= 0) ids.push_back(syms[static_cast<size_t>(i)].id);
    out.insert(out.end(), ids.begin(), ids.end());
    if (cacheable) {
        std::lock_guard lock(cache_mutex_);
        if (cache_.size() > 200000) cache_.clear();
        cache_.emplace(std::string(word), std::move(ids));
    }
}

std::string BpeTokenizer::token_bytes(int id) const {
    return id >= 0 && id < n_vocab() ? tokens_[static_cast<size_t>(id)] : std::string();
}

std::string BpeTokenizer::piece(int id) const {
    if (id < 0 || id >= n_vocab()) return {};
    const TokenType t = types_[static_cast<size_t>(id)];
    if (t == TokenType::CONTROL || t == TokenType::USER_DEFINED) return tokens_[static_cast<size_t>(id)];
    return bytes_to_unicode(tokens_[static_cast<size_t>(id)]);
}

TokenType BpeTokenizer::token_type(int id) const {
    return id >= 0 && id < n_vocab() ? types_[static_cast<size_t>(id)] : TokenType::UNDEFINED;
}

int BpeTokenizer::find_token(std::string_view text) const {
    auto it = all_ids_.find(std::string(text));
    return it == all_ids_.end() ? -1 : it->second;
}

namespace {

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

bool b64_decode(std::string_view in, std::string & out) {
    out.clear();
    uint32_t acc = 0;
    int bits = 0;
    for (char c : in) {
        if (c == '=') break;
        const int v = b64_value(c);
        if (v < 0) return false;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return !out.empty();
}

} // namespace

BpeVocab bpe_vocab_from_tiktoken(const std::string & path) {
    const std::string text = read_file(path);
    BpeVocab v;
    size_t pos = 0;
    int line_no = 0;
    std::string bytes;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        const size_t sp = line.find(' ');
        if (sp == std::string_view::npos || !b64_decode(line.substr(0, sp), bytes))
            fail(Status::BAD_INPUT, path + ": line " + std::to_string(line_no) + " is not 'base64 rank'");
        const long rank = std::strtol(std::string(line.substr(sp + 1)).c_str(), nullptr, 10);
        if (rank != static_cast<long>(v.tokens.size()))
            fail(Status::BAD_INPUT, path + ": line " + std::to_string(line_no) + ": ranks must be consecutive from 0");
        v.tokens.push_back(bytes);
        v.types.push_back(TokenType::NORMAL);
    }
    if (v.tokens.size() != 128000)
        fail(Status::UNSUPPORTED, path + ": tiktoken vocabulary of " + std::to_string(v.tokens.size()) +
                                      " ranks; only Llama 3's (128,000 ranks) has known special tokens and split pattern");
    // Llama 3's 256 special tokens follow the ranks.
    const char * named[] = {"<|begin_of_text|>", "<|end_of_text|>", "<|reserved_special_token_0|>", "<|reserved_special_token_1|>",
                            "<|finetune_right_pad_id|>", "<|step_id|>", "<|start_header_id|>", "<|end_header_id|>",
                            "<|eom_id|>", "<|eot_id|>", "<|python_tag|>", "<|image|>"};
    for (const char * s : named) v.tokens.emplace_back(s);
    for (int k = 2; v.tokens.size() < 128256; ++k) v.tokens.push_back("<|reserved_special_token_" + std::to_string(k) + "|>");
    v.types.resize(v.tokens.size(), TokenType::CONTROL);
    v.merges_from_ranks = true;
    v.ignore_merges = true;
    v.split_patterns = {kLlama3SplitPattern};
    v.special.bos = 128000;
    v.special.eos = 128001;
    v.special.eot = 128009;
    v.special.add_bos = true;
    return v;
}

} // namespace quire
