// Text files as UTF-8: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else Windows-1252 /
// Latin-1 (every byte a character), detected from the bytes. Line ends become '\n'. Bytes that are
// no text in any of these (NUL, many control characters: an executable, an image, random data
// named .txt) are refused rather than read as Latin-1.
#pragma once

#include <string>

namespace quire {

struct DecodedText {
    std::string utf8;
    std::string encoding; // "utf-8", "utf-16le", "utf-16be", "windows-1252", "latin-1"
};

// Throws Error(BAD_INPUT) naming `name` (the file) for malformed UTF-16 (odd length, unpaired or
// truncated surrogates) and for binary content (a NUL byte, or more than 1% control characters
// other than tab, line and page breaks and escape, at least 4).
DecodedText decode_text(const std::string & bytes, const std::string & name = "the text");

} // namespace quire
