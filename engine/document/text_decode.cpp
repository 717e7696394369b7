// Encoding detection and conversion to UTF-8.
#include "document/text_decode.h"

#include "core/error.h"
#include "core/utf8.h"

namespace quire {

namespace {

std::string from_utf16(const std::string & b, size_t start, bool little) {
    if ((b.size() - start) % 2) fail(Status::BAD_INPUT, "UTF-16 text of an odd number of bytes");
    std::string out;
    out.reserve(b.size());
    auto unit = [&](size_t i) {
        const auto lo = static_cast<unsigned char>(b[i + (little ? 0 : 1)]), hi = static_cast<unsigned char>(b[i + (little ? 1 : 0)]);
        return static_cast<uint32_t>(lo | (hi << 8));
    };
    for (size_t i = start; i < b.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00) {
            if (i + 2 >= b.size()) fail(Status::BAD_INPUT, "UTF-16 text ends inside a surrogate pair");
            const uint32_t lo = unit(i + 2);
            if (lo < 0xDC00 || lo >= 0xE000) fail(Status::BAD_INPUT, "UTF-16 text has an unpaired surrogate");
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u < 0xE000) {
            fail(Status::BAD_INPUT, "UTF-16 text has an unpaired surrogate");
        }
        utf8_append(out, u);
    }
    return out;
}

std::string normalise_newlines(const std::string & s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

} // namespace

DecodedText decode_text(const std::string & b) {
    DecodedText d;
    if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xFE) {
        d.utf8 = from_utf16(b, 2, true), d.encoding = "utf-16le";
    } else if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE && static_cast<unsigned char>(b[1]) == 0xFF) {
        d.utf8 = from_utf16(b, 2, false), d.encoding = "utf-16be";
    } else {
        const size_t start = b.size() >= 3 && b.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
        const std::string body = b.substr(start);
        if (utf8_sanitize(body) == body) {
            d.utf8 = body, d.encoding = "utf-8";
        } else {
            for (unsigned char c : body) utf8_append(d.utf8, c);
            d.encoding = "latin-1";
        }
    }
    d.utf8 = normalise_newlines(d.utf8);
    return d;
}

} // namespace quire
