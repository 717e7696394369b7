#include "cuda/gpu_gemm.h"

#include "convert.cuh"
#include "gemv.cuh"
#include "cuda/cuda_check.h"

#include <algorithm>
#include <mutex>
#include <tuple>

namespace quire {

namespace {

// Candidates timed per shape; each runs a few times after one warm-up.
constexpr int kCandidates = 8, kTimedRuns = 5;

// Algorithms chosen so far, shared by every GpuGemm of the process (forks of a memory state
// would otherwise time the same shapes again).
struct TunedKey {
    int device, rows, cols, T;
    bool bf16_out;
    bool operator<(const TunedKey & o) const {
        return std::tie(device, rows, cols, T, bf16_out) < std::tie(o.device, o.rows, o.cols, o.T, o.bf16_out);
    }
};
std::mutex g_tuned_mu;
std::map<TunedKey, cublasLtMatmulAlgo_t> g_tuned;

bool capturing(cudaStream_t s) {
    cudaStreamCaptureStatus st = cudaStreamCaptureStatusNone;
    CUDA_CHECK(cudaStreamIsCapturing(s, &st));
    return st != cudaStreamCaptureStatusNone;
}

} // namespace

GpuGemm::GpuGemm(cudaStream_t stream, bool pedantic_fp32) : stream_(stream) {
    CUBLAS_CHECK(cublasCreate(&blas_));
    CUBLAS_CHECK(cublasSetStream(blas_, stream_));
    // fp32: true fp32, no TF32 shortcuts; bf16 (the batched attention GEMMs): tensor cores with
    // fp32 accumulation.
    CUBLAS_CHECK(cublasSetMathMode(blas_, pedantic_fp32 ? CUBLAS_PEDANTIC_MATH : CUBLAS_DEFAULT_MATH));
    CUBLAS_CHECK(cublasLtCreate(&lt_));
    workspace_.resize(kWorkspaceBytes); // before any graph capture
}

GpuGemm::~GpuGemm() {
    for (auto & [key, p] : plans_) {
        if (p.op) cublasLtMatmulDescDestroy(p.op);
        for (auto * l : {p.a, p.b, p.c})
            if (l) cublasLtMatrixLayoutDestroy(l);
    }
    if (lt_) cublasLtDestroy(lt_);
    if (blas_) cublasDestroy(blas_);
}

// Row-major y = x w^T is the column-major product w^T x: A = w (cols x rows, transposed),
// B = x (cols x T), C = y (rows x T).
GpuGemm::Plan & GpuGemm::plan(int rows, int cols, int T, bool bf16_out) {
    auto [it, fresh] = plans_.try_emplace(Key{rows, cols, T, bf16_out});
    Plan & p = it->second;
    if (!fresh) return p;
    const cublasOperation_t ta = CUBLAS_OP_T, tb = CUBLAS_OP_N;
    CUBLAS_CHECK(cublasLtMatmulDescCreate(&p.op, CUBLAS_COMPUTE_32F, CUDA_R_32F));
    CUBLAS_CHECK(cublasLtMatmulDescSetAttribute(p.op, CUBLASLT_MATMUL_DESC_TRANSA, &ta, sizeof ta));
    CUBLAS_CHECK(cublasLtMatmulDescSetAttribute(p.op, CUBLASLT_MATMUL_DESC_TRANSB, &tb, sizeof tb));
    CUBLAS_CHECK(cublasLtMatrixLayoutCreate(&p.a, CUDA_R_16BF, static_cast<uint64_t>(cols), static_cast<uint64_t>(rows), cols));
    CUBLAS_CHECK(cublasLtMatrixLayoutCreate(&p.b, CUDA_R_16BF, static_cast<uint64_t>(cols), static_cast<uint64_t>(T), cols));
    CUBLAS_CHECK(cublasLtMatrixLayoutCreate(&p.c, bf16_out ? CUDA_R_16BF : CUDA_R_32F, static_cast<uint64_t>(rows), static_cast<uint64_t>(T), rows));
    cublasLtMatmulPreference_t pref = nullptr;
    CUBLAS_CHECK(cublasLtMatmulPreferenceCreate(&pref));
    const size_t ws = kWorkspaceBytes;
    CUBLAS_CHECK(cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &ws, sizeof ws));
    p.candidates.resize(kCandidates);
    int n = 0;
    const cublasStatus_t st = cublasLtMatmulAlgoGetHeuristic(lt_, p.op, p.a, p.b, p.c, p.c, pref, kCandidates, p.candidates.data(), &n);
    cublasLtMatmulPreferenceDestroy(pref);
    if (st != CUBLAS_STATUS_SUCCESS || n == 0) {
        plans_.erase(it);
        fail(Status::INTERNAL, "cuBLASLt has no algorithm for a " + std::to_string(rows) + "x" + std::to_string(cols) + " bf16 product of " +
                                   std::to_string(T) + " rows");
    }
    p.candidates.resize(static_cast<size_t>(n));
    p.algo = p.candidates.front().algo;
    return p;
}

// Times cuBLASLt's candidates on these operands (y is overwritten with the same product each
// time) and keeps the fastest.
void GpuGemm::choose(Plan & p, const void * w, const void * x, void * y) {
    cudaEvent_t e0, e1;
    CUDA_CHECK(cudaEventCreate(&e0));
    CUDA_CHECK(cudaEventCreate(&e1));
    const float one = 1.0f, zero = 0.0f;
    float best = 0.0f;
    for (const cublasLtMatmulHeuristicResult_t & cand : p.candidates) {
        if (cand.state != CUBLAS_STATUS_SUCCESS || cand.workspaceSize > kWorkspaceBytes) continue;
        auto run = [&] {
            return cublasLtMatmul(lt_, p.op, &one, w, p.a, x, p.b, &zero, y, p.c, y, p.c, &cand.algo, workspace_.get(), kWorkspaceBytes, stream_);
        };
        if (run() != CUBLAS_STATUS_SUCCESS) continue; // warm-up; a candidate that fails is skipped
        CUDA_CHECK(cudaEventRecord(e0, stream_));
        for (int r = 0; r < kTimedRuns; ++r) CUBLAS_CHECK(run());
        CUDA_CHECK(cudaEventRecord(e1, stream_));
        CUDA_CHECK(cudaEventSynchronize(e1));
        float ms = 0.0f;
        CUDA_CHECK(cudaEventElapsedTime(&ms, e0, e1));
        if (best == 0.0f || ms < best) best = ms, p.algo = cand.algo;
    }
    cudaEventDestroy(e0);
    cudaEventDestroy(e1);
    p.tuned = true;
}

void GpuGemm::lt_mul(const void * x, int T, const GpuMatrix & w, void * y, bool bf16_out) {
    Plan & p = plan(w.rows, w.cols, T, bf16_out);
    if (!p.tuned) {
        int dev = 0;
        CUDA_CHECK(cudaGetDevice(&dev));
        const TunedKey key{dev, w.rows, w.cols, T, bf16_out};
        std::lock_guard<std::mutex> lock(g_tuned_mu);
        if (auto it = g_tuned.find(key); it != g_tuned.end()) {
            p.algo = it->second;
            p.tuned = true;
        } else if (!capturing(stream_)) {
            choose(p, w.bf16.get(), x, y);
            g_tuned[key] = p.algo;
        }
    }
    const float one = 1.0f, zero = 0.0f;
    CUBLAS_CHECK(cublasLtMatmul(lt_, p.op, &one, w.bf16.get(), p.a, x, p.b, &zero, y, p.c, y, p.c, &p.algo, workspace_.get(), kWorkspaceBytes, stream_));
}

void GpuGemm::tune(const GpuMatrix & w, int T, bool bf16_out) {
    if (!w.bf16.size() || T <= 0) return;
    DeviceBuffer<uint16_t> x(static_cast<size_t>(T) * static_cast<size_t>(w.cols));
    DeviceBuffer<float> y(static_cast<size_t>(T) * static_cast<size_t>(w.rows));
    CUDA_CHECK(cudaMemsetAsync(x.get(), 0, x.size() * sizeof(uint16_t), stream_));
    lt_mul(x.get(), T, w, y.get(), bf16_out);
    CUDA_CHECK(cudaStreamSynchronize(stream_)); // before x and y are freed
}

void GpuGemm::mul(const void * x, int T, const GpuMatrix & w, float * y) {
    const float one = 1.0f, zero = 0.0f;
    if (w.bf16.size() && T == 1 && gemv_ok(w, x))
        CUDA_CHECK(launch_gemv_bf16(w.bf16.get(), x, w.rows, w.cols, y, stream_));
    else if (w.bf16.size() && T == 1) // cuBLAS's matrix-vector kernels beat every cuBLASLt candidate here
        CUBLAS_CHECK(cublasGemmEx(blas_, CUBLAS_OP_T, CUBLAS_OP_N, w.rows, T, w.cols, &one, w.bf16.get(), CUDA_R_16BF, w.cols, x, CUDA_R_16BF, w.cols,
                                  &zero, y, CUDA_R_32F, w.rows, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
    else if (w.bf16.size())
        return lt_mul(x, T, w, y, false);
    else
        CUBLAS_CHECK(cublasSgemm(blas_, CUBLAS_OP_T, CUBLAS_OP_N, w.rows, T, w.cols, &one, w.f32.get(), w.cols, static_cast<const float *>(x), w.cols,
                                 &zero, y, w.rows));
}

void GpuGemm::mul_bf16_out(const void * x, int T, const GpuMatrix & w, void * y) {
    if (!w.bf16.size()) fail(Status::INTERNAL, "bf16 GEMM output needs bf16 weights");
    if (T == 1 && gemv_ok(w, x)) {
        CUDA_CHECK(launch_gemv_bf16_out_bf16(w.bf16.get(), x, w.rows, w.cols, y, stream_));
        return;
    }
    if (T == 1) {
        const float one = 1.0f, zero = 0.0f;
        CUBLAS_CHECK(cublasGemmEx(blas_, CUBLAS_OP_T, CUBLAS_OP_N, w.rows, T, w.cols, &one, w.bf16.get(), CUDA_R_16BF, w.cols, x, CUDA_R_16BF, w.cols,
                                  &zero, y, CUDA_R_16BF, w.rows, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
        return;
    }
    lt_mul(x, T, w, y, true);
}

bool GpuGemm::gemv_ok(const GpuMatrix & w, const void * x) const { return custom_gemv_ && w.bf16.size() && gemv_bf16_supported(w.cols, w.bf16.get(), x); }

bool GpuGemm::mul_swiglu(const void * x, const GpuMatrix & w_gu, void * y) {
    if (!gemv_ok(w_gu, x) || w_gu.rows % 2) return false;
    CUDA_CHECK(launch_gemv_swiglu_bf16(w_gu.bf16.get(), x, w_gu.rows / 2, w_gu.cols, y, stream_));
    return true;
}

void GpuGemm::operator()(const float * x, int T, const GpuMatrix & w, float * y) {
    if (!w.bf16.size()) return mul(x, T, w, y);
    const size_t need = static_cast<size_t>(T) * static_cast<size_t>(w.cols);
    reserve(need);
    CUDA_CHECK(launch_f32_to_bf16(x, x_bf16_.get(), static_cast<long long>(need), stream_));
    mul(x_bf16_.get(), T, w, y);
}

} // namespace quire
