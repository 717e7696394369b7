// Where a block store will be written, checked before a reading starts (which may take hours on
// a CPU), so that a reading is never thrown away at its end: the folder exists and takes a file
// (a temporary is created there and removed), an existing file is replaced only when asked and
// never when it is read-only, and the disk has room for the estimated store. Temporaries that a
// killed writer left in that folder are removed on the way.
#pragma once

#include <cstdint>
#include <string>

namespace quire {

struct StoreTarget {
    bool replace = false;      // an existing store may be replaced (quire-cli --force, the app's re-read)
    uint64_t bytes_needed = 0; // the estimated store; 0: not checked
};

// Error(IO) naming the path, what is wrong and what to do.
void store_check_target(const std::string & path, const StoreTarget & t);

// Free bytes for an unprivileged writer on the file system holding `path` (its folder).
uint64_t free_disk_bytes(const std::string & path);

} // namespace quire
