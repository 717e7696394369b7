// Byte <-> Unicode table: printable Latin-1 bytes map to themselves, the other 68 bytes to
// U+0100 onwards in byte order.
#include "tokenizer/byte_unicode.h"

#include "core/utf8.h"

#include <array>
#include <unordered_map>

namespace quire {

namespace {

struct Tables {
    std::array<uint32_t, 256> byte_to_cp{};
    std::unordered_map<uint32_t, unsigned char> cp_to_byte;
    Tables() {
        uint32_t n = 0;
        for (uint32_t b = 0; b < 256; ++b) {
            const bool printable = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE);
            byte_to_cp[b] = printable ? b : 256 + n++;
            cp_to_byte[byte_to_cp[b]] = static_cast<unsigned char>(b);
        }
    }
};

const Tables & tables() {
    static const Tables t;
    return t;
}

} // namespace

std::string bytes_to_unicode(std::string_view bytes) {
    std::string out;
    for (unsigned char b : bytes) utf8_append(out, tables().byte_to_cp[b]);
    return out;
}

std::optional<std::string> unicode_to_bytes(std::string_view s) {
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        uint32_t cp;
        size_t n;
        if (c < 0x80) { cp = c; n = 1; }
        else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) { cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3F); n = 2; }
        else if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) { cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3F); n = 3; }
        else return std::nullopt;
        auto it = tables().cp_to_byte.find(cp);
        if (it == tables().cp_to_byte.end()) return std::nullopt;
        out += static_cast<char>(it->second);
        i += n;
    }
    return out;
}

} // namespace quire
