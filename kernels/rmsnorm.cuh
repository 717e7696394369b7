// RMSNorm over rows of fp32: y = x / sqrt(mean(x^2) + eps) * w. CPU twin: cpu::rmsnorm.
#pragma once
#include <cuda_runtime.h>

cudaError_t launch_rmsnorm_f32(const float * x, const float * w, float * y, int rows, int n, float eps, cudaStream_t stream);
