// How many CPU threads the engine's parallel loops (OpenMP) use. The count is a property of the
// calling thread: parallel loops started from the thread that set it use it, others keep theirs.
// A desktop app's engine must not take the window's core: on a two-core machine a reading at
// normal priority on every core made the window miss frames (event-loop stalls of up to 100 ms,
// ~23 ms with one core left free). Where the engine's threads can run behind all other work
// (Linux's SCHED_IDLE), they take every core and the window still preempts them at once;
// elsewhere one core is left free.
#pragma once

namespace quire {

// Cores this process may run on.
int cpu_core_count();

// Every core but one (at least one).
int cpu_threads_leaving_one_core();

// The calling thread, and the threads it starts from now on (OpenMP's team), run only when no
// other thread of the machine wants a core (Linux: SCHED_IDLE; threads already in the calling
// thread's team are moved too). Returns false where that is not possible.
bool run_behind_other_work();

// What set_cpu_threads(0) gives: every core once run_behind_other_work() has succeeded in this
// process, else cpu_threads_leaving_one_core().
int automatic_cpu_threads();

// Parallel loops started from this thread use `n` threads (n >= 1); 0 means
// automatic_cpu_threads(). Returns the count now in effect.
int set_cpu_threads(int n);

// The count parallel loops started from this thread would use.
int cpu_threads();

} // namespace quire
