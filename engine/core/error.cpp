// Status names and the throw helper.
#include "core/error.h"

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

void fail(Status status, const std::string & message) { throw Error(status, message); }

} // namespace quire
