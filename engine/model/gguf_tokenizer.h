// The tokenizer stored in a GGUF file's metadata (the files from tokenizer/tokenizer_loader.h
// are read there; GGUF belongs to the model layer).
#pragma once

#include "tokenizer/tokenizer.h"

#include <memory>

namespace quire {

class GgufFile;

std::unique_ptr<Tokenizer> tokenizer_from_gguf(const GgufFile & gguf);

} // namespace quire
