// Building a tokenizer from whatever a model comes with: GGUF metadata, a SentencePiece
// tokenizer.model, a tiktoken file, a llama2.c tokenizer.bin, or a Hugging Face tokenizer.json.
#pragma once

#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>

namespace quire {

class GgufFile;

std::unique_ptr<Tokenizer> tokenizer_from_gguf(const GgufFile & gguf);

// Detects the format from the content, not the name. `n_vocab_hint` is needed for llama2.c
// tokenizer.bin files, which do not store their size (0: unknown).
std::unique_ptr<Tokenizer> tokenizer_from_file(const std::string & path, int n_vocab_hint = 0);

// A Hugging Face tokenizer.json (BPE models), with tokenizer_config.json beside it if present.
std::unique_ptr<Tokenizer> tokenizer_from_hf_json(const std::string & path);

} // namespace quire
