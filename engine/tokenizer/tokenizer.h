// The tokenizer interface shared by SentencePiece and byte-level BPE vocabularies.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

// Token kinds, numbered as in SentencePiece and GGUF's tokenizer.ggml.token_type.
enum class TokenType : int { UNDEFINED = 0, NORMAL = 1, UNKNOWN = 2, CONTROL = 3, USER_DEFINED = 4, UNUSED = 5, BYTE = 6 };

struct SpecialTokens {
    int bos = -1;
    int eos = -1;
    int eot = -1; // end of turn (Llama 3 <|eot_id|>, ChatML <|im_end|>)
    int unk = -1;
    int pad = -1;
    bool add_bos = false; // whether the vocabulary asks for BOS at the start of a sequence
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    virtual std::string kind() const = 0; // "sentencepiece" or "bpe"
    virtual int n_vocab() const = 0;

    // Token ids for text, without BOS. With parse_special, the text of control tokens
    // ("<|eot_id|>") becomes those tokens; without it, it is ordinary text.
    std::vector<int> encode(std::string_view text, bool parse_special = false) const;
    // encode() of a long text (a book) so that no more than the tokens themselves grows with the
    // text; equal to encode(text). Here: in pieces of about `piece_bytes`, cut after a line break
    // before a non-blank character, where no token of a SentencePiece vocabulary without pieces
    // holding a line break crosses (one that has such pieces, or a text without such a place, is
    // encoded whole); byte-level BPE streams its pre-tokenizer's words instead (bpe_tokenizer.h).
    // `progress(bytes done)` runs between pieces; false stops with Error(CANCELLED).
    virtual std::vector<int> encode_long(std::string_view text, const std::function<bool(size_t)> & progress = {}, size_t piece_bytes = 1 << 16) const;
    // encode(), with BOS first when add_bos and the vocabulary has one.
    std::vector<int> tokenize(std::string_view text, bool add_bos, bool parse_special = false) const;

    // The bytes a token contributes when decoding (control tokens: their text).
    virtual std::string token_bytes(int id) const = 0;
    // Decoded text of a sequence; a leading BOS and the word-boundary space after it are handled
    // as the vocabulary's reference implementation does.
    virtual std::string decode(const std::vector<int> & ids, bool render_special = true) const;
    // The vocabulary's own spelling of a token (for --pieces).
    virtual std::string piece(int id) const = 0;
    virtual TokenType token_type(int id) const = 0;
    // Id of a token spelled exactly `text` (control or normal), -1 if none.
    virtual int find_token(std::string_view text) const = 0;

    const SpecialTokens & special() const { return special_; }
    void set_special(const SpecialTokens & s) { special_ = s; }
    bool is_control(int id) const { return token_type(id) == TokenType::CONTROL; }
    // True for ids that end generation (EOS, EOT).
    bool is_end_of_generation(int id) const { return id >= 0 && (id == special_.eos || id == special_.eot); }

protected:
    // Encode plain text (no special-token parsing).
    virtual std::vector<int> encode_plain(std::string_view text) const = 0;
    // Encode plain text that follows a line break of a longer text, as encode_plain of the whole
    // would; nothing when this vocabulary cannot (encode_long then encodes the text whole).
    virtual std::optional<std::vector<int>> encode_after_line_break(std::string_view text) const { return encode_plain(text); }
    // Texts of tokens that parse_special recognises, longest first.
    std::vector<std::pair<std::string, int>> special_texts_;
    SpecialTokens special_;
    void collect_special_texts(); // fill special_texts_ from CONTROL and USER_DEFINED tokens
};

} // namespace quire
