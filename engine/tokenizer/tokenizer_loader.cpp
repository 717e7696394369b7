// Tokenizer factories.
#include "tokenizer/tokenizer_loader.h"

#include "core/error.h"
#include "core/log.h"
#include "core/mapped_file.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/byte_unicode.h"
#include "tokenizer/spm_proto.h"
#include "tokenizer/spm_tokenizer.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace quire {

std::unique_ptr<Tokenizer> tokenizer_from_file(const std::string & path, int n_vocab_hint) {
    namespace fs = std::filesystem;
    if (fs::is_directory(path)) {
        for (const char * name : {"tokenizer.json", "tokenizer.model"}) {
            const auto p = fs::path(path) / name;
            if (fs::exists(p)) return tokenizer_from_file(p.string(), n_vocab_hint);
        }
        fail(Status::BAD_INPUT, path + ": no tokenizer.json or tokenizer.model in this folder");
    }
    MappedFile f(path);
    if (f.size() == 0) fail(Status::BAD_INPUT, path + ": empty tokenizer file");
    const std::string_view head(reinterpret_cast<const char *>(f.data()), std::min<size_t>(f.size(), 64));
    if (head.find('{') != std::string_view::npos && head.find_first_not_of(" \t\r\n") == head.find('{'))
        return tokenizer_from_hf_json(path);
    // tiktoken: text lines "base64 rank".
    bool looks_tiktoken = true;
    for (char c : head.substr(0, head.find('\n'))) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' || c == ' ' || c == '\r')) looks_tiktoken = false;
    }
    if (looks_tiktoken && head.find(' ') != std::string_view::npos)
        return std::make_unique<BpeTokenizer>(bpe_vocab_from_tiktoken(path), path);
    // SentencePiece ModelProto: field 1 (pieces), wire type 2 -> first byte 0x0A.
    if (f.data()[0] == 0x0A) {
        try {
            return std::make_unique<SpmTokenizer>(std::string(reinterpret_cast<const char *>(f.data()), f.size()), path);
        } catch (const Error &) {
            if (n_vocab_hint <= 0) throw;
        }
    }
    // llama2.c tokenizer.bin: int32 max_token_length, then records.
    if (n_vocab_hint > 0) return spm_from_llama2c(path, n_vocab_hint);
    fail(Status::BAD_INPUT, path + ": unrecognised tokenizer format (expected SentencePiece, tiktoken, tokenizer.json or llama2.c)");
}

} // namespace quire
