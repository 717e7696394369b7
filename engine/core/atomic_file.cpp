#include "core/atomic_file.h"

#include "core/error.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace quire {

bool write_fully(int fd, const void * bytes, size_t n) {
    const char * p = static_cast<const char *>(bytes);
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return false;
        p += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

void write_file_atomic(const std::string & path, const std::string & bytes) {
    const std::string tmp = path + ".tmp-XXXXXX";
    std::string name = tmp;
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail(Status::IO, "cannot write " + path + ": " + std::strerror(errno));
    auto bail = [&](const char * what) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        ::unlink(name.c_str());
        fail(Status::IO, "cannot " + std::string(what) + " " + path + ": " + why);
    };
    if (!write_fully(fd, bytes.data(), bytes.size())) bail("write");
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) bail("write");
    if (::close(fd) != 0) {
        ::unlink(name.c_str());
        fail(Status::IO, "cannot write " + path + ": " + std::strerror(errno));
    }
    if (::rename(name.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(name.c_str());
        fail(Status::IO, "cannot write " + path + ": " + why);
    }
}

} // namespace quire
