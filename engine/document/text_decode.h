// Text files as UTF-8: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else Latin-1 (every
// byte a code point), detected from the bytes. Line ends become '\n'.
#pragma once

#include <string>

namespace quire {

struct DecodedText {
    std::string utf8;
    std::string encoding; // "utf-8", "utf-16le", "utf-16be", "latin-1"
};

// Throws Error(BAD_INPUT) for malformed UTF-16 (odd length, unpaired surrogates).
DecodedText decode_text(const std::string & bytes);

} // namespace quire
