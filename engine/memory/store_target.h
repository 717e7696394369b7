// Where a block store will be written, checked before a reading starts (which may take hours on
// a CPU), so that a reading is never thrown away at its end: the folder exists and takes a file
// (a temporary is created there and removed), an existing file is replaced only when asked and
// never when it is read-only; and whether the estimated store and reading fit the disk and the
// memory. Temporaries that a killed writer left in that folder are removed on the way.
#pragma once

#include <cstdint>
#include <string>

namespace quire {

struct StoreTarget {
    bool replace = false; // an existing store may be replaced (quire-cli --force, the app's re-read)
};

// Error(IO) naming the path, what is wrong and what to do.
void store_check_target(const std::string & path, const StoreTarget & t);

// Free bytes for an unprivileged writer on the file system holding `path` (its folder).
uint64_t free_disk_bytes(const std::string & path);

// Whether a reading fits: its store (store_bytes) on the disk of `store_path` keeping `keep_free`
// bytes free, its block memory (memory_bytes) in the memory the kernel says is available. The one
// rule quire-cli and the app both ask before reading.
struct SpaceCheck {
    uint64_t free_disk = 0, available_memory = 0; // available_memory: UINT64_MAX when unknown
    bool disk_fits = true, memory_fits = true;
    bool fits() const { return disk_fits && memory_fits; }
};
SpaceCheck space_check(const std::string & store_path, uint64_t store_bytes, uint64_t memory_bytes, uint64_t keep_free);

} // namespace quire
