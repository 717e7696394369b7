// Writing a whole file so that readers see the old one or the new one, never a part: the text
// goes to a temporary file beside the target, is flushed to disk, and renamed over it.
#pragma once

#include <cstddef>
#include <string>

namespace quire {

// Writes all n bytes to fd, through short writes and EINTR; false (errno set) on an error.
bool write_fully(int fd, const void * bytes, size_t n);

// Throws Error(IO) naming the file and the reason (a full disk, a missing folder, ...); the
// target is then unchanged and no temporary file is left.
void write_file_atomic(const std::string & path, const std::string & bytes);

} // namespace quire
