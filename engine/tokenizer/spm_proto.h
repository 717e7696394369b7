// Writes a SentencePiece ModelProto (protobuf wire format) for a BPE vocabulary given as pieces,
// scores and types, so that vocabularies stored elsewhere (GGUF "llama", llama2.c tokenizer.bin)
// are tokenized by the sentencepiece library itself.
#pragma once

#include "tokenizer/tokenizer.h"

#include <string>
#include <vector>

namespace quire {

struct SpmVocab {
    std::vector<std::string> pieces; // with U+2581 for spaces, "<0xHH>" for byte pieces
    std::vector<float> scores;
    std::vector<TokenType> types;
    int unk_id = 0, bos_id = 1, eos_id = 2, pad_id = -1;
    bool add_dummy_prefix = true;
    bool byte_fallback = true;
};

std::string spm_model_proto(const SpmVocab & vocab);

} // namespace quire
