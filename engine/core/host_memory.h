// How much host memory can still be taken. Linux overcommits: a too-large allocation "succeeds"
// and the process is killed when it touches the pages, so large buffers are checked first.
#pragma once

#include <cstdint>
#include <string>

namespace quire {

// Bytes the kernel reports as available (MemAvailable), or UINT64_MAX if unknown.
uint64_t host_memory_available();

// Throws Error(OUT_OF_MEMORY) naming `what` if `bytes` exceeds what is available.
void host_memory_check(uint64_t bytes, const std::string & what);

} // namespace quire
