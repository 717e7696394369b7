// Small UTF-8 helpers used by tokenizers and the streaming detokenizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quire {

// Append the UTF-8 encoding of a code point.
void utf8_append(std::string & out, uint32_t cp);

// Number of bytes at the end of s that form an incomplete (but so far valid) UTF-8 sequence.
size_t utf8_incomplete_tail(std::string_view s);

// Replace every invalid UTF-8 sequence with U+FFFD, so that regex engines and tokenizers
// only ever see well-formed text.
std::string utf8_sanitize(std::string_view s);

} // namespace quire
