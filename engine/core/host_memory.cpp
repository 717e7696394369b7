// /proc/meminfo reader.
#include "core/host_memory.h"

#include "core/error.h"

#include <cstdio>
#include <cstring>

namespace quire {

uint64_t host_memory_available() {
    FILE * f = std::fopen("/proc/meminfo", "r");
    if (!f) return UINT64_MAX;
    char line[256];
    uint64_t kb = 0;
    bool found = false;
    while (std::fgets(line, sizeof(line), f)) {
        if (std::sscanf(line, "MemAvailable: %lu kB", &kb) == 1) {
            found = true;
            break;
        }
    }
    std::fclose(f);
    return found ? kb * 1024 : UINT64_MAX;
}

void host_memory_check(uint64_t bytes, const std::string & what) {
    const uint64_t avail = host_memory_available();
    if (bytes > avail)
        fail(Status::OUT_OF_MEMORY, what + " needs " + std::to_string(bytes >> 20) + " MiB but only " + std::to_string(avail >> 20) +
                                        " MiB of memory is available");
}

} // namespace quire
