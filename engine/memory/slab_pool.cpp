// RAM slabs through aligned new, spill slabs through mmap of an unlinked temporary file.
#include "memory/slab_pool.h"

#include "core/error.h"
#include "core/host_memory.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <sys/mman.h>
#include <unistd.h>

namespace quire {

namespace {
constexpr size_t kAlignFloats = 16;              // 64 bytes
} // namespace

SlabPool::SlabPool(uint64_t budget_bytes, std::string spill_dir, size_t slab_floats)
    : budget_(budget_bytes), slab_floats_(slab_floats), spill_dir_(std::move(spill_dir)) {}

SlabPool::~SlabPool() {
    for (auto & s : slabs_) {
        if (s.mapped) ::munmap(s.data, s.capacity * sizeof(float));
        else ::operator delete[](s.data, std::align_val_t(64));
    }
    if (fd_ >= 0) ::close(fd_);
}

void SlabPool::add_slab(size_t min_floats) {
    const size_t cap = std::max(slab_floats_, (min_floats + kAlignFloats - 1) / kAlignFloats * kAlignFloats);
    const uint64_t bytes = cap * sizeof(float);
    // RAM while within the budget and the machine has room; the file otherwise.
    const bool in_ram = (budget_ == 0 || ram_bytes_ + bytes <= budget_) && bytes + (256ull << 20) < host_memory_available();
    if (in_ram) {
        float * p = static_cast<float *>(::operator new[](bytes, std::align_val_t(64), std::nothrow));
        if (p) {
            slabs_.push_back({p, cap, 0, false});
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
    slabs_.push_back({static_cast<float *>(p), cap, 0, true});
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
