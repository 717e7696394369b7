// Writing a whole file so that readers see the old one or the new one, never a part: the text
// goes to a temporary file beside the target, is flushed to disk, and renamed over it.
#pragma once

#include <string>

namespace quire {

// Throws Error(IO) naming the file and the reason (a full disk, a missing folder, ...); the
// target is then unchanged and no temporary file is left.
void write_file_atomic(const std::string & path, const std::string & bytes);

} // namespace quire
