// GPT-2's reversible mapping between bytes and printable Unicode characters, in which byte-level
// BPE vocabularies (GGUF "gpt2", tokenizer.json) spell their tokens.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quire {

std::string bytes_to_unicode(std::string_view bytes);
// The bytes a mapped string stands for; nullopt if it contains a character outside the mapping.
std::optional<std::string> unicode_to_bytes(std::string_view mapped);

} // namespace quire
