// RAM slabs through anonymous mmap, aligned to 2 MiB and marked for transparent huge pages (a
// book's blocks are gigabytes: with 4 KiB pages their first touch alone took seconds of system
// time), spill slabs through mmap of an unlinked temporary file.
#include "memory/slab_pool.h"

#include "core/error.h"
#include "core/host_memory.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace quire {

namespace {
constexpr size_t kAlignFloats = 16;              // 64 bytes
constexpr size_t kHugePage = size_t(2) << 20;

// `bytes` of zeroed anonymous memory, or nullptr; from 2 MiB on at a 2 MiB boundary and marked
// for huge pages.
float * map_ram(size_t bytes) {
    const size_t len = (bytes + 4095) / 4096 * 4096, slack = bytes >= kHugePage ? kHugePage : 0;
    void * p = ::mmap(nullptr, len + slack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    if (!slack) return static_cast<float *>(p);
    const auto base = reinterpret_cast<uintptr_t>(p);
    const uintptr_t aligned = (base + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > base) ::munmap(p, aligned - base);
    if (const uintptr_t end = base + len + slack; end > aligned + len) ::munmap(reinterpret_cast<void *>(aligned + len), end - (aligned + len));
#ifdef MADV_HUGEPAGE
    ::madvise(reinterpret_cast<void *>(aligned), bytes, MADV_HUGEPAGE); // advice only: fine if refused
#endif
    return reinterpret_cast<float *>(aligned);
}
} // namespace

SlabPool::SlabPool(uint64_t budget_bytes, std::string spill_dir, size_t slab_floats)
    : budget_(budget_bytes), slab_floats_(slab_floats), spill_dir_(std::move(spill_dir)) {}

SlabPool::~SlabPool() {
    for (auto & s : slabs_) ::munmap(s.data, s.capacity * sizeof(float));
    if (fd_ >= 0) ::close(fd_);
}

void SlabPool::add_slab(size_t min_floats) {
    const size_t cap = std::max(slab_floats_, (min_floats + kAlignFloats - 1) / kAlignFloats * kAlignFloats);
    const uint64_t bytes = cap * sizeof(float);
    // RAM while within the budget and the machine has room; the file otherwise.
    const bool in_ram = (budget_ == 0 || ram_bytes_ + bytes <= budget_) && bytes + (256ull << 20) < host_memory_available();
    if (in_ram) {
        if (float * p = map_ram(bytes)) {
            slabs_.push_back({p, cap, 0});
            ram_bytes_ += bytes;
            return;
        }
    }
    if (fd_ < 0) {
        std::string dir = spill_dir_;
        if (dir.empty()) dir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
        std::string tmpl = dir + "/quire-blocks-XXXXXX";
        fd_ = ::mkstemp(tmpl.data());
        if (fd_ < 0) fail(Status::IO, "cannot create a spill file in " + dir + ": " + std::strerror(errno));
        ::unlink(tmpl.c_str()); // removed when the pool goes away, whatever happens
    }
    const uint64_t off = file_bytes_;
    // Reserve the disk blocks now: writing to a mapped hole on a full disk would kill the process.
    if (const int e = ::posix_fallocate(fd_, static_cast<off_t>(off), static_cast<off_t>(bytes)); e != 0)
        fail(Status::IO, std::string("cannot grow the block spill file (disk full?): ") + std::strerror(e));
    void * p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, static_cast<off_t>(off));
    if (p == MAP_FAILED) fail(Status::OUT_OF_MEMORY, std::string("cannot map the block spill file: ") + std::strerror(errno));
    slabs_.push_back({static_cast<float *>(p), cap, 0});
    file_bytes_ += bytes;
}

float * SlabPool::alloc(size_t n) {
    n = (n + kAlignFloats - 1) / kAlignFloats * kAlignFloats;
    if (slabs_.empty() || slabs_.back().capacity - slabs_.back().used < n) add_slab(n);
    Slab & s = slabs_.back();
    float * p = s.data + s.used;
    s.used += n;
    return p;
}

} // namespace quire
