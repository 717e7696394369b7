#include "cpu/blas.h"

#include <cblas.h>
#include <omp.h>

#include <mutex>

namespace quire::cpu {

void blas_single_threaded() {
    static std::once_flag single;
    std::call_once(single, [] {
        const int threads = omp_get_max_threads();
        openblas_set_num_threads(1);
        omp_set_num_threads(threads);
    });
}

} // namespace quire::cpu
