#include "core/cpu_threads.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
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

namespace {
std::atomic<bool> g_behind{false};

bool idle_policy_for_calling_thread() {
#ifdef __linux__
    sched_param p{};
    p.sched_priority = 0;
    // Linux schedules threads: pid 0 is the calling thread only.
    return sched_setscheduler(0, SCHED_IDLE, &p) == 0;
#else
    return false;
#endif
}
} // namespace

bool run_behind_other_work() {
    if (!idle_policy_for_calling_thread()) return false;
    bool all = true;
#pragma omp parallel reduction(&& : all)
    all = idle_policy_for_calling_thread() && all;
    if (all) g_behind = true;
    return all;
}

int automatic_cpu_threads() { return g_behind ? cpu_core_count() : cpu_threads_leaving_one_core(); }

int set_cpu_threads(int n) {
    omp_set_num_threads(n > 0 ? n : automatic_cpu_threads());
    return cpu_threads();
}

int cpu_threads() { return omp_get_max_threads(); }

} // namespace quire
