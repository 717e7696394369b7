// Storage for memory blocks: fixed-size slabs of floats, in RAM up to a budget and beyond it in
// a memory-mapped temporary file (unlinked at creation, so nothing is left behind), so that a
// long book never fails for want of RAM. Pointers handed out stay valid for the pool's life.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quire {

class SlabPool {
public:
    // budget_bytes: RAM to use before spilling to a file (0: no limit). spill_dir: where the
    // file goes ($TMPDIR or /tmp when empty).
    explicit SlabPool(uint64_t budget_bytes = 0, std::string spill_dir = {}, size_t slab_floats = size_t(16) << 20);
    ~SlabPool();
    SlabPool(const SlabPool &) = delete;
    SlabPool & operator=(const SlabPool &) = delete;

    // n floats, 64-byte aligned. Throws Error(OUT_OF_MEMORY / IO) when neither RAM nor disk has room.
    float * alloc(size_t n);

    uint64_t ram_bytes() const { return ram_bytes_; }
    uint64_t file_bytes() const { return file_bytes_; }

private:
    struct Slab {
        float * data;
        size_t capacity; // floats
        size_t used;     // floats
    };
    void add_slab(size_t min_floats);

    uint64_t budget_;
    size_t slab_floats_;
    std::string spill_dir_;
    int fd_ = -1;
    uint64_t ram_bytes_ = 0, file_bytes_ = 0;
    std::vector<Slab> slabs_;
};

} // namespace quire
