// Building a tokenizer from the file a model comes with: a SentencePiece tokenizer.model, a
// tiktoken file, a llama2.c tokenizer.bin, or a Hugging Face tokenizer.json (GGUF metadata:
// model/gguf_tokenizer.h).
#pragma once

#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>

namespace quire {

// Detects the format from the content, not the name. `n_vocab_hint` is needed for llama2.c
// tokenizer.bin files, which do not store their size (0: unknown).
std::unique_ptr<Tokenizer> tokenizer_from_file(const std::string & path, int n_vocab_hint = 0);

// A Hugging Face tokenizer.json (BPE models), with tokenizer_config.json beside it if present.
std::unique_ptr<Tokenizer> tokenizer_from_hf_json(const std::string & path);

} // namespace quire
