// Encoding detection and conversion to UTF-8, and the binary-content check.
#include "document/text_decode.h"

#include "core/error.h"
#include "core/utf8.h"

namespace quire {

namespace {

const char * kSaveAsUtf8 = "; save it again as UTF-8 (or UTF-16 with a byte-order mark)";

std::string from_utf16(const std::string & b, size_t start, bool little, const std::string & name) {
    const char * enc = little ? "UTF-16LE" : "UTF-16BE";
    if ((b.size() - start) % 2)
        fail(Status::BAD_INPUT, name + ": " + enc + " text of an odd number of bytes (the file is cut short or not UTF-16)" + kSaveAsUtf8);
    std::string out;
    out.reserve(b.size());
    auto unit = [&](size_t i) {
        const auto lo = static_cast<unsigned char>(b[i + (little ? 0 : 1)]), hi = static_cast<unsigned char>(b[i + (little ? 1 : 0)]);
        return static_cast<uint32_t>(lo | (hi << 8));
    };
    auto where = [&](size_t i) { return " at byte " + std::to_string(i); };
    for (size_t i = start; i < b.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00) {
            if (i + 2 >= b.size()) fail(Status::BAD_INPUT, name + ": " + enc + " text ends inside a surrogate pair (the file is cut short)" + kSaveAsUtf8);
            const uint32_t lo = unit(i + 2);
            if (lo < 0xDC00 || lo >= 0xE000) fail(Status::BAD_INPUT, name + ": " + enc + " text has an unpaired high surrogate" + where(i) + kSaveAsUtf8);
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u < 0xE000) {
            fail(Status::BAD_INPUT, name + ": " + enc + " text has an unpaired low surrogate" + where(i) + kSaveAsUtf8);
        }
        utf8_append(out, u);
    }
    return out;
}

// Windows-1252's characters for 0x80-0x9F (0 where it has none); other bytes are Latin-1.
constexpr uint16_t kCp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                  0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                  0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Windows-1252 where a byte is one of its characters, Latin-1 (a C1 control) where not.
std::string from_legacy(const std::string & body, std::string & encoding) {
    std::string out;
    out.reserve(body.size() + body.size() / 4);
    bool cp1252 = false;
    for (const unsigned char c : body) {
        const uint16_t w = c >= 0x80 && c < 0xA0 ? kCp1252[c - 0x80] : 0;
        cp1252 = cp1252 || w != 0;
        utf8_append(out, w ? w : c);
    }
    encoding = cp1252 ? "windows-1252" : "latin-1";
    return out;
}

// Binary content: a NUL, or more than 1% control characters (C0 other than tab, line feed,
// vertical tab, form feed, carriage return, escape and DOS's end-of-file mark; DEL; C1) among
// the characters of the decoded text (and at least 4: a stray one in a short note is no sign).
void refuse_binary(const std::string & utf8, const std::string & name) {
    size_t chars = 0, controls = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if ((c & 0xC0) != 0x80) ++chars;
        if (c == 0)
            fail(Status::BAD_INPUT, name + " is a binary file, not text (it holds NUL bytes); Quire reads PDF, EPUB, Markdown and plain text");
        const bool c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B && c != 0x1A;
        const bool c1 = c == 0xC2 && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) < 0xA0;
        controls += c0 || c == 0x7F || c1;
    }
    if (controls * 100 > chars && controls >= 4)
        fail(Status::BAD_INPUT, name + " is a binary file, not text (" + std::to_string(controls) + " control characters in " + std::to_string(chars) +
                                    "); Quire reads PDF, EPUB, Markdown and plain text");
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

DecodedText decode_text(const std::string & b, const std::string & name) {
    DecodedText d;
    if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xFE) {
        d.utf8 = from_utf16(b, 2, true, name), d.encoding = "utf-16le";
    } else if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE && static_cast<unsigned char>(b[1]) == 0xFF) {
        d.utf8 = from_utf16(b, 2, false, name), d.encoding = "utf-16be";
    } else {
        const size_t start = b.size() >= 3 && b.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
        std::string_view body(b);
        body.remove_prefix(start);
        if (utf8_sanitize(body) == body) d.utf8 = std::string(body), d.encoding = "utf-8";
        else d.utf8 = from_legacy(std::string(body), d.encoding);
    }
    refuse_binary(d.utf8, name);
    d.utf8 = normalise_newlines(d.utf8);
    return d;
}

} // namespace quire
