#include "memory/store_target.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/host_memory.h"

#include <filesystem>
#include <sys/stat.h>
#include <sys/statvfs.h>

namespace quire {

namespace {

std::string folder_of(const std::string & path) {
    const auto dir = std::filesystem::path(path).parent_path();
    return dir.empty() ? "." : dir.string();
}

} // namespace

uint64_t free_disk_bytes(const std::string & path) {
    struct statvfs v {};
    if (::statvfs(folder_of(path).c_str(), &v) != 0) return 0;
    return static_cast<uint64_t>(v.f_bavail) * v.f_frsize;
}

void store_check_target(const std::string & path, const StoreTarget & t) {
    const std::string dir = folder_of(path);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) fail(Status::IO, "cannot write the block store " + path + ": the folder " + dir + " does not exist");
    remove_stale_temporaries(dir);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) fail(Status::IO, "cannot write the block store " + path + ": it exists and is not a regular file");
        if (!(st.st_mode & S_IWUSR))
            fail(Status::IO, "the block store " + path + " exists and is read-only; it is left as it is (make it writable, or choose another file)");
        if (!t.replace) fail(Status::IO, "the block store " + path + " exists; it is left as it is (--force replaces it, or choose another file)");
    }
    { TempFile probe(path); } // the folder takes a new file (created, then removed)
}

SpaceCheck space_check(const std::string & store_path, uint64_t store_bytes, uint64_t memory_bytes, uint64_t keep_free) {
    SpaceCheck c;
    c.free_disk = free_disk_bytes(store_path);
    c.available_memory = host_memory_available();
    c.disk_fits = store_bytes + keep_free <= c.free_disk;
    c.memory_fits = c.available_memory == UINT64_MAX || memory_bytes <= c.available_memory;
    return c;
}

} // namespace quire
