// OpenBLAS under Quire's own OpenMP loops: one owner of the cores.
#pragma once

namespace quire::cpu {

// Call before the first cblas_* of a thread's parallel loop: OpenBLAS's own threads off
// (whichever of Debian's builds is installed: OpenMP, pthreads, serial), Quire's OpenMP loops
// split the work. Its OpenMP build also sets the calling thread's OpenMP thread count to 1,
// which would leave every later parallel loop of Quire on one core: that count is put back.
void blas_single_threaded();

} // namespace quire::cpu
