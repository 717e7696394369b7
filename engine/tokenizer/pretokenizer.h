// Pre-tokenization: splitting text into words with the regular expressions of a byte-level BPE
// vocabulary (PCRE2 with Unicode properties), applied in sequence as Hugging Face and llama.cpp do.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

class Pretokenizer {
public:
    explicit Pretokenizer(const std::vector<std::string> & patterns); // throws Error(BAD_INPUT) on a bad pattern
    ~Pretokenizer();
    Pretokenizer(Pretokenizer &&) noexcept;
    Pretokenizer & operator=(Pretokenizer &&) noexcept;

    // Split valid UTF-8 text into pieces that cover it exactly, in order.
    std::vector<std::string_view> split(std::string_view text) const;
    // The same pieces, one by one to f, none kept (a book's pieces would take 16 bytes each).
    void each(std::string_view text, const std::function<void(std::string_view)> & f) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The split patterns for a GGUF tokenizer.ggml.pre name; throws Error(UNSUPPORTED) for unknown names.
std::vector<std::string> pretokenizer_patterns(const std::string & pre_name);

// The Llama 3 pattern (also for bare tiktoken files).
extern const char * const kLlama3SplitPattern;

} // namespace quire
