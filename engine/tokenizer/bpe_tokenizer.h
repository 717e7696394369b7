// Byte-level BPE (Llama 3, Qwen2, SmolLM2, GPT-2): pre-tokenize with the vocabulary's regexes,
// then merge byte pairs by rank within each word.
#pragma once

#include "tokenizer/pretokenizer.h"
#include "tokenizer/tokenizer.h"

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace quire {

struct BpeVocab {
    std::vector<std::string> tokens;  // raw bytes for normal tokens; literal text for control/user-defined ones
    std::vector<TokenType> types;
    // Merge rules as (left id, right id) in rank order; the merged token is left+right.
    std::vector<std::pair<int, int>> merges;
    bool merges_from_ranks = false;   // tiktoken: a pair's rank is the rank of the merged token
    bool ignore_merges = false;       // a word that is itself a token is emitted whole (Llama 3)
    std::vector<std::string> split_patterns;
    SpecialTokens special;
};

class BpeTokenizer : public Tokenizer {
public:
    BpeTokenizer(BpeVocab vocab, const std::string & source);

    std::string kind() const override { return "bpe"; }
    int n_vocab() const override { return static_cast<int>(tokens_.size()); }
    std::string token_bytes(int id) const override;
    std::string piece(int id) const override;
    TokenType token_type(int id) const override;
    int find_token(std::string_view text) const override;

protected:
    std::vector<int> encode_plain(std::string_view text) const override;
    // The pre-tokenizer's words streamed over the whole text (a cut anywhere could change them:
    // "\s+(?!\S)" looks past it), each encoded as it comes; progress every `piece_bytes`.
    std::vector<int> encode_long(std::string_view text, const std::function<bool(size_t)> & progress = {}, size_t piece_bytes = 1 << 16) const override;

private:
    void encode_word(std::string_view word, std::vector<int> & out) const;
    uint64_t pair_key(int a, int b) const { return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b); }

    std::vector<std::string> tokens_;
    std::vector<TokenType> types_;
    std::unordered_map<std::string, int> normal_ids_;   // raw bytes -> id (normal and byte tokens)
    std::unordered_map<std::string, int> all_ids_;      // token text -> id, for find_token
    struct Merge { int rank; int id; };
    std::unordered_map<uint64_t, Merge> merges_;
    int byte_ids_[256];
    bool ignore_merges_;
    Pretokenizer pre_;
    mutable std::mutex cache_mutex_;
    mutable std::unordered_map<std::string, std::vector<int>> cache_; // word -> ids
};

// tiktoken vocabulary file (one "base64(bytes) rank" per line) with Llama 3's special tokens.
BpeVocab bpe_vocab_from_tiktoken(const std::string & path);

} // namespace quire
