// PCRE2-based pre-tokenizer.
#include "tokenizer/pretokenizer.h"

#include "core/error.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <functional>

namespace quire {

const char * const kLlama3SplitPattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

namespace {
const char * const kGpt2Pattern = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
const char * const kQwen2Pattern =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
} // namespace

std::vector<std::string> pretokenizer_patterns(const std::string & pre) {
    if (pre == "llama-bpe" || pre == "llama3" || pre == "llama-v3" || pre == "tiktoken-llama3" || pre == "dbrx" || pre == "smaug-bpe")
        return {kLlama3SplitPattern};
    if (pre == "qwen2" || pre == "deepseek-r1-qwen" || pre == "stablelm2") return {kQwen2Pattern};
    if (pre == "gpt-2" || pre == "gpt2" || pre == "default" || pre == "mpt" || pre == "olmo") return {kGpt2Pattern};
    if (pre == "smollm" || pre == "starcoder" || pre == "refact" || pre == "codeshell") return {R"(\p{N})", kGpt2Pattern};
    fail(Status::UNSUPPORTED, "unknown pre-tokenizer '" + pre + "' (known: llama-bpe, qwen2, deepseek-r1-qwen, smollm, gpt-2, starcoder)");
}

struct Pretokenizer::Impl {
    std::vector<pcre2_code *> codes;
    ~Impl() {
        for (auto * c : codes) pcre2_code_free(c);
    }
};

Pretokenizer::Pretokenizer(const std::vector<std::string> & patterns) : impl_(std::make_unique<Impl>()) {
    for (const auto & p : patterns) {
        int err = 0;
        PCRE2_SIZE off = 0;
        pcre2_code * code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(p.data()), p.size(), PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK,
                                          &err, &off, nullptr);
        if (!code) {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(err, buf, sizeof(buf));
            fail(Status::BAD_INPUT, "bad pre-tokenizer pattern at offset " + std::to_string(off) + ": " + reinterpret_cast<char *>(buf));
        }
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // optional speed-up; matching works without it
        impl_->codes.push_back(code);
    }
}

Pretokenizer::~Pretokenizer() = default;
Pretokenizer::Pretokenizer(Pretokenizer &&) noexcept = default;
Pretokenizer & Pretokenizer::operator=(Pretokenizer &&) noexcept = default;

namespace {

struct MatchData {
    pcre2_match_data * md;
    ~MatchData() { pcre2_match_data_free(md); }
};

// The pieces of `piece` under pattern `k` and those after it, in order, to f.
void split_with(const std::vector<pcre2_code *> & codes, size_t k, std::string_view piece, const std::function<void(std::string_view)> & f) {
    if (k == codes.size()) return f(piece);
    pcre2_code * code = codes[k];
    const MatchData m{pcre2_match_data_create_from_pattern(code, nullptr)};
    if (!m.md) fail(Status::OUT_OF_MEMORY, "pre-tokenizer: cannot allocate match data");
    auto emit = [&](std::string_view p) { split_with(codes, k + 1, p, f); };
    size_t start = 0, last = 0;
    while (start < piece.size()) {
        const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(piece.data()), piece.size(), start, PCRE2_NO_UTF_CHECK, m.md, nullptr);
        if (rc < 0) break; // no further match (PCRE2_ERROR_NOMATCH) or a limit: the rest is one gap
        const PCRE2_SIZE * ov = pcre2_get_ovector_pointer(m.md);
        const size_t ms = ov[0], me = ov[1];
        if (ms > last) emit(piece.substr(last, ms - last));
        if (me > ms) {
            emit(piece.substr(ms, me - ms));
            start = me;
        } else {
            // Empty match: step over one code point.
            start = me + 1;
            while (start < piece.size() && (static_cast<unsigned char>(piece[start]) & 0xC0) == 0x80) ++start;
            if (ms > last) last = ms;
            continue;
        }
        last = me;
    }
    if (last < piece.size()) emit(piece.substr(last));
}

} // namespace

void Pretokenizer::each(std::string_view text, const std::function<void(std::string_view)> & f) const {
    if (!text.empty()) split_with(impl_->codes, 0, text, f);
}

std::vector<std::string_view> Pretokenizer::split(std::string_view text) const {
    std::vector<std::string_view> pieces;
    each(text, [&](std::string_view p) { pieces.push_back(p); });
    return pieces;
}

} // namespace quire
