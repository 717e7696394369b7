// How many CPU threads the engine's parallel loops (OpenMP) use. The count is a property of the
// calling thread: parallel loops started from the thread that set it use it, others keep theirs.
// A desktop app leaves one core to its window: on a two-core machine a reading that takes every
// core makes the window miss frames (measured: event-loop stalls of up to 100 ms, ~23 ms with
// one core left free).
#pragma once

namespace quire {

// Cores this process may run on.
int cpu_core_count();

// Every core but one (at least one): what the app's engine thread uses by default.
int cpu_threads_leaving_one_core();

// Parallel loops started from this thread use `n` threads (n >= 1); 0 means
// cpu_threads_leaving_one_core(). Returns the count now in effect.
int set_cpu_threads(int n);

// The count parallel loops started from this thread would use.
int cpu_threads();

} // namespace quire
