// CUDA_CHECK / CUBLAS_CHECK: turn a failed CUDA or cuBLAS call into quire::Error naming the
// statement, file and line (out-of-memory as Status::OUT_OF_MEMORY).
#pragma once

#include "core/error.h"

#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <string>

namespace quire {

[[noreturn]] inline void cuda_fail(cudaError_t err, const char * stmt, const char * file, int line) {
    const Status s = err == cudaErrorMemoryAllocation ? Status::OUT_OF_MEMORY : Status::INTERNAL;
    fail(s, std::string("CUDA error: ") + cudaGetErrorString(err) + " in " + stmt + " (" + file + ":" + std::to_string(line) + ")");
}
[[noreturn]] inline void cublas_fail(cublasStatus_t st, const char * stmt, const char * file, int line) {
    const Status s = st == CUBLAS_STATUS_ALLOC_FAILED ? Status::OUT_OF_MEMORY : Status::INTERNAL;
    fail(s, std::string("cuBLAS error ") + std::to_string(static_cast<int>(st)) + " in " + stmt + " (" + file + ":" + std::to_string(line) + ")");
}

} // namespace quire

#define CUDA_CHECK(stmt)                                                                  \
    do {                                                                                  \
        const cudaError_t err_ = (stmt);                                                  \
        if (err_ != cudaSuccess) ::quire::cuda_fail(err_, #stmt, __FILE__, __LINE__);     \
    } while (0)
#define CUBLAS_CHECK(stmt)                                                                \
    do {                                                                                  \
        const cublasStatus_t st_ = (stmt);                                                \
        if (st_ != CUBLAS_STATUS_SUCCESS) ::quire::cublas_fail(st_, #stmt, __FILE__, __LINE__); \
    } while (0)
