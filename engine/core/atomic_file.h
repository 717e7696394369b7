// Writing a file so that readers see the old one or the new one, never a part, and so that no
// temporary is ever left behind: the bytes go to a temporary file beside the target
// ("TARGET.tmp-PID-XXXXXX"), owned from its creation (removed on every error path, locked with
// flock while it exists), flushed to disk and renamed over the target. A temporary whose writer
// was killed (kill -9, power loss) is found and removed by remove_stale_temporaries, which
// quire-cli and the app run over the folders they write.
#pragma once

#include <cstddef>
#include <string>

namespace quire {

// Writes all n bytes to fd, through short writes and EINTR; false (errno set) on an error.
bool write_fully(int fd, const void * bytes, size_t n);

class TempFile {
public:
    // Creates and locks the temporary beside `target`; Error(IO) naming the target on failure
    // (a missing or unwritable folder).
    explicit TempFile(const std::string & target);
    ~TempFile(); // removes the temporary unless committed
    TempFile(const TempFile &) = delete;
    TempFile & operator=(const TempFile &) = delete;

    int fd() const { return fd_; }
    const std::string & target() const { return target_; }
    // Appends bytes; Error(IO) naming the target (a full disk, a file size limit).
    void write(const void * bytes, size_t n);
    // fsync, rename over the target, fsync the folder. Error(IO) leaves the target as it was and
    // removes the temporary.
    void commit();
    // Error(IO) naming the target and `what` failed, with errno's reason.
    [[noreturn]] void io_error(const char * what) const;

private:
    std::string target_, path_;
    int fd_ = -1;
    bool committed_ = false;
};

// Throws Error(IO) naming the file and the reason (a full disk, a missing folder, ...); the
// target is then unchanged and no temporary file is left.
void write_file_atomic(const std::string & path, const std::string & bytes);

// Removes the temporaries in `dir` whose writer is gone: files named "NAME.tmp-PID" or
// "NAME.tmp-PID-XXXXXX" whose lock no process holds and whose PID no longer runs. Returns how
// many were removed; a folder that cannot be read removes nothing.
int remove_stale_temporaries(const std::string & dir);

} // namespace quire
