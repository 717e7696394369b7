#include "core/cpu_threads.h"

#include <omp.h>

#include <algorithm>
#include <thread>

#ifdef __linux__
#include <sched.h>
#endif

namespace quire {

int cpu_core_count() {
#ifdef __linux__
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
#endif
    return std::max(1u, std::thread::hardware_concurrency());
}

int cpu_threads_leaving_one_core() { return std::max(1, cpu_core_count() - 1); }

int set_cpu_threads(int n) {
    omp_set_num_threads(n > 0 ? n : cpu_threads_leaving_one_core());
    return cpu_threads();
}

int cpu_threads() { return omp_get_max_threads(); }

} // namespace quire
