// SentencePiece vocabularies (Llama 2, Mistral, llama2.c), tokenized by the sentencepiece library.
#pragma once

#include "tokenizer/spm_proto.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <sentencepiece_processor.h>
#include <string>
#include <unordered_map>

namespace quire {

class SpmTokenizer : public Tokenizer {
public:
    // From a serialized ModelProto (a tokenizer.model file's bytes or spm_model_proto()).
    SpmTokenizer(const std::string & serialized_proto, const std::string & source);

    std::string kind() const override { return "sentencepiece"; }
    int n_vocab() const override { return static_cast<int>(pieces_.size()); }
    std::string token_bytes(int id) const override;
    std::string decode(const std::vector<int> & ids, bool render_special = true) const override;
    std::string piece(int id) const override;
    TokenType token_type(int id) const override;
    int find_token(std::string_view text) const override;

protected:
    std::vector<int> encode_plain(std::string_view text) const override;
    // Without a dummy prefix: encode_plain of "\n" + text, less the tokens of the space and the
    // line break (which no piece of this vocabulary may join to the text: else nothing).
    std::optional<std::vector<int>> encode_after_line_break(std::string_view text) const override;

private:
    sentencepiece::SentencePieceProcessor sp_;
    std::vector<std::string> pieces_;
    std::vector<TokenType> types_;
    std::unordered_map<std::string, int> piece_to_id_;
    bool add_dummy_prefix_ = true;
};

// A llama2.c tokenizer.bin (max_token_length, then score/length/bytes per id).
std::unique_ptr<SpmTokenizer> spm_from_llama2c(const std::string & path, int n_vocab);

} // namespace quire
