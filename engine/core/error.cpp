// Status names and the throw helper.
#include "core/error.h"

#include "core/utf8.h"

namespace quire {

const char * status_name(Status s) {
    switch (s) {
    case Status::OK: return "ok";
    case Status::BAD_INPUT: return "bad input";
    case Status::UNSUPPORTED: return "unsupported";
    case Status::IO: return "i/o error";
    case Status::OUT_OF_MEMORY: return "out of memory";
    case Status::CANCELLED: return "cancelled";
    case Status::LOCKED: return "locked";
    case Status::INTERNAL: return "internal error";
    }
    return "unknown";
}

std::string printable_message(const std::string & message) {
    const std::string s = utf8_sanitize(message);
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

void fail(Status status, const std::string & message) { throw Error(status, printable_message(message)); }

} // namespace quire
