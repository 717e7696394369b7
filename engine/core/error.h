// Error reporting at the engine's API boundary: one exception type carrying a status code,
// so that front ends (CLI exit codes, UI messages) can react to the kind of failure.
#pragma once

#include <stdexcept>
#include <string>

namespace quire {

enum class Status {
    OK = 0,
    BAD_INPUT,     // a file or argument is malformed, truncated or inconsistent
    UNSUPPORTED,   // well-formed, but a feature (architecture, tensor type, ...) we do not handle
    IO,            // the operating system refused a read or write
    OUT_OF_MEMORY, // host or device allocation failed
    CANCELLED,     // the caller asked to stop
    LOCKED,        // a document needs a password, or the one given was wrong
    INTERNAL,      // a bug: an invariant the engine itself should have kept
};

const char * status_name(Status s);

class Error : public std::runtime_error {
public:
    Error(Status status, const std::string & message) : std::runtime_error(message), status_(status) {}
    Status status() const { return status_; }

private:
    Status status_;
};

// The message as a terminal or a dialog can show it whole: invalid UTF-8 becomes U+FFFD, control
// bytes other than newline and tab (NUL, backspace, escape: a damaged file's key or name) become
// "\xNN", so that nothing of the message is lost or rewrites the line it is printed on.
std::string printable_message(const std::string & message);

// Throws Error(status, printable_message(message)).
[[noreturn]] void fail(Status status, const std::string & message);

} // namespace quire
