#include "core/atomic_file.h"

#include "core/error.h"

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

bool write_fully(int fd, const void * bytes, size_t n) {
    const char * p = static_cast<const char *>(bytes);
    while (n > 0) {
        const ssize_t w = ::write(fd, p, std::min<size_t>(n, 1u << 30));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return false;
        if (w == 0) {
            errno = ENOSPC;
            return false;
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

TempFile::TempFile(const std::string & target) : target_(target) {
    std::string name = target + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) fail(Status::IO, "cannot write " + target + ": " + std::strerror(errno));
    path_ = name;
    // Held while the file exists: remove_stale_temporaries leaves a locked temporary alone.
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(fd_);
        ::unlink(path_.c_str());
        errno = e;
        fd_ = -1;
        fail(Status::IO, "cannot write " + target + ": cannot lock its temporary file: " + std::strerror(e));
    }
}

TempFile::~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !path_.empty()) ::unlink(path_.c_str());
}

void TempFile::io_error(const char * what) const {
    const int e = errno;
    std::string why = std::strerror(e);
    if (e == ENOSPC || e == EDQUOT) why += " (the disk is full)";
    if (e == EFBIG) why += " (the file is larger than this process may write)";
    fail(Status::IO, "cannot " + std::string(what) + " " + target_ + ": " + why);
}

void TempFile::write(const void * bytes, size_t n) {
    if (!write_fully(fd_, bytes, n)) io_error("write");
}

void TempFile::commit() {
    if (::fchmod(fd_, 0644) != 0 || ::fsync(fd_) != 0) io_error("write");
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) io_error("write");
    if (::rename(path_.c_str(), target_.c_str()) != 0) io_error("write");
    committed_ = true;
    // Make the rename itself durable.
    const auto dir = std::filesystem::path(target_).parent_path();
    const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void write_file_atomic(const std::string & path, const std::string & bytes) {
    TempFile t(path);
    t.write(bytes.data(), bytes.size());
    t.commit();
}

namespace {

// The writer's PID of a temporary's name, "NAME.tmp-PID" or "NAME.tmp-PID-XXXXXX"; 0 for any other.
long temporary_pid(const std::string & file) {
    const size_t at = file.rfind(".tmp-");
    if (at == std::string::npos || at == 0) return 0;
    size_t i = at + 5, digits = 0;
    long pid = 0;
    for (; i < file.size() && std::isdigit(static_cast<unsigned char>(file[i])) && digits < 10; ++i, ++digits) pid = pid * 10 + (file[i] - '0');
    if (digits == 0) return 0;
    if (i == file.size()) return pid;
    if (file[i] != '-' || file.size() - i != 7) return 0;
    for (++i; i < file.size(); ++i)
        if (!std::isalnum(static_cast<unsigned char>(file[i]))) return 0;
    return pid;
}

} // namespace

int remove_stale_temporaries(const std::string & dir) {
    std::error_code ec;
    int removed = 0;
    for (std::filesystem::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end; it.increment(ec)) {
        const long pid = temporary_pid(it->path().filename().string());
        if (pid == 0 || !it->is_regular_file(ec)) continue;
        if (pid > 0 && pid <= INT32_MAX && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue; // its writer may still run
        const int fd = ::open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(it->path().c_str()) == 0) ++removed; // no process holds it
        ::close(fd);
    }
    return removed;
}

} // namespace quire
