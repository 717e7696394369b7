// The tokenizer a GGUF file carries in its metadata (tokenizer.ggml.*): SentencePiece ("llama")
// or byte-level BPE ("gpt2"), with its special tokens.
#include "model/gguf_tokenizer.h"

#include "core/error.h"
#include "core/log.h"
#include "model/gguf.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/byte_unicode.h"
#include "tokenizer/spm_proto.h"
#include "tokenizer/spm_tokenizer.h"

#include <unordered_map>

namespace quire {

namespace {

// Ids of common end-of-turn tokens, for vocabularies whose metadata does not name one.
int guess_eot(const Tokenizer & tok) {
    for (const char * s : {"<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>"}) {
        const int id = tok.find_token(s);
        if (id >= 0 && tok.token_type(id) == TokenType::CONTROL) return id;
    }
    return -1;
}

int opt_id(const GgufFile & g, const char * key, int n_vocab) {
    auto v = g.get_uint(key);
    if (!v) return -1;
    if (*v >= static_cast<uint64_t>(n_vocab)) fail(Status::BAD_INPUT, g.path() + ": " + key + " = " + std::to_string(*v) + " is not a token id");
    return static_cast<int>(*v);
}

} // namespace

std::unique_ptr<Tokenizer> tokenizer_from_gguf(const GgufFile & g) {
    const auto model = g.get_string("tokenizer.ggml.model");
    if (!model) fail(Status::BAD_INPUT, g.path() + ": no tokenizer in this GGUF file (tokenizer.ggml.model missing)");
    const auto * tokens = g.get_string_array("tokenizer.ggml.tokens");
    if (!tokens || tokens->empty()) fail(Status::BAD_INPUT, g.path() + ": tokenizer.ggml.tokens missing or empty");
    const int n = static_cast<int>(tokens->size());
    const auto types_raw = g.get_int_array("tokenizer.ggml.token_type");
    if (!types_raw.empty() && types_raw.size() != tokens->size()) fail(Status::BAD_INPUT, g.path() + ": token_type and tokens differ in length");
    auto type_of = [&](int id) {
        if (types_raw.empty()) return TokenType::NORMAL;
        const int t = types_raw[static_cast<size_t>(id)];
        return t >= 0 && t <= 6 ? static_cast<TokenType>(t) : TokenType::NORMAL;
    };

    SpecialTokens sp;
    sp.bos = opt_id(g, "tokenizer.ggml.bos_token_id", n);
    sp.eos = opt_id(g, "tokenizer.ggml.eos_token_id", n);
    sp.eot = opt_id(g, "tokenizer.ggml.eot_token_id", n);
    sp.unk = opt_id(g, "tokenizer.ggml.unknown_token_id", n);
    sp.pad = opt_id(g, "tokenizer.ggml.padding_token_id", n);

    std::unique_ptr<Tokenizer> tok;
    if (*model == "llama") {
        SpmVocab v;
        const auto scores = g.get_float_array("tokenizer.ggml.scores");
        if (!scores.empty() && scores.size() != tokens->size()) fail(Status::BAD_INPUT, g.path() + ": scores and tokens differ in length");
        for (int id = 0; id < n; ++id) {
            v.pieces.emplace_back((*tokens)[static_cast<size_t>(id)]);
            v.scores.push_back(scores.empty() ? 0.0f : scores[static_cast<size_t>(id)]);
            TokenType t = type_of(id);
            if (t == TokenType::UNDEFINED) t = TokenType::NORMAL;
            v.types.push_back(t);
        }
        v.unk_id = sp.unk >= 0 ? sp.unk : 0;
        v.bos_id = sp.bos;
        v.eos_id = sp.eos;
        v.pad_id = sp.pad >= 0 && sp.pad != v.unk_id && sp.pad != sp.bos && sp.pad != sp.eos ? sp.pad : -1;
        v.add_dummy_prefix = g.get_bool("tokenizer.ggml.add_space_prefix").value_or(true);
        auto spm = std::make_unique<SpmTokenizer>(spm_model_proto(v), g.path());
        sp.add_bos = g.get_bool("tokenizer.ggml.add_bos_token").value_or(true);
        spm->set_special(sp);
        tok = std::move(spm);
    } else if (*model == "gpt2") {
        BpeVocab v;
        std::unordered_map<std::string_view, int> mapped_ids;
        for (int id = 0; id < n; ++id) {
            const std::string_view t = (*tokens)[static_cast<size_t>(id)];
            mapped_ids.emplace(t, id);
            TokenType ty = type_of(id);
            if (ty == TokenType::UNDEFINED) ty = TokenType::NORMAL;
            std::string bytes(t);
            if (ty != TokenType::CONTROL && ty != TokenType::USER_DEFINED) {
                if (auto b = unicode_to_bytes(t)) bytes = *b;
            }
            v.tokens.push_back(std::move(bytes));
            v.types.push_back(ty);
        }
        if (const auto * merges = g.get_string_array("tokenizer.ggml.merges")) {
            v.merges.reserve(merges->size());
            for (std::string_view m : *merges) {
                const size_t sp_pos = m.find(' ', 1);
                if (sp_pos == std::string_view::npos) fail(Status::BAD_INPUT, g.path() + ": malformed merge '" + std::string(m) + "'");
                auto a = mapped_ids.find(m.substr(0, sp_pos));
                auto b = mapped_ids.find(m.substr(sp_pos + 1));
                v.merges.emplace_back(a == mapped_ids.end() ? -1 : a->second, b == mapped_ids.end() ? -1 : b->second);
            }
        } else {
            fail(Status::BAD_INPUT, g.path() + ": BPE vocabulary without tokenizer.ggml.merges");
        }
        std::string pre = g.get_string("tokenizer.ggml.pre").value_or("");
        if (pre.empty()) {
            log()->warn("{}: no tokenizer.ggml.pre; using the GPT-2 split pattern", g.path());
            pre = "default";
        }
        v.split_patterns = pretokenizer_patterns(pre);
        v.ignore_merges = pre == "llama-bpe" || pre == "llama3" || pre == "llama-v3";
        sp.add_bos = g.get_bool("tokenizer.ggml.add_bos_token").value_or(false);
        v.special = sp;
        tok = std::make_unique<BpeTokenizer>(std::move(v), g.path());
    } else {
        fail(Status::UNSUPPORTED, g.path() + ": tokenizer model '" + *model + "' is not supported (supported: llama, gpt2)");
    }
    if (tok->special().eot < 0) {
        SpecialTokens s = tok->special();
        s.eot = guess_eot(*tok);
        tok->set_special(s);
    }
    return tok;
}

} // namespace quire
