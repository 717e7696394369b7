// Argmax in one block.
#include "sampling.cuh"

#include "detail/top_k.cuh"

namespace quire {

namespace {
constexpr int kThreads = 1024;
}

static __global__ void argmax_kernel(const float * x, int n, int * out) {
    __shared__ float sv[kThreads / 32];
    __shared__ int si[kThreads / 32];
    float bv = -INFINITY;
    int bi = topk::kNone;
    for (int i = threadIdx.x; i < n; i += kThreads)
        if (x[i] > bv || bi == topk::kNone) bv = x[i], bi = i;
    topk::block_best(bv, bi, sv, si);
    if (threadIdx.x == 0) *out = bi;
}

cudaError_t launch_argmax(const float * logits, int n, int * out, cudaStream_t stream) {
    if (n <= 0) return cudaErrorInvalidValue;
    argmax_kernel<<<1, kThreads, 0, stream>>>(logits, n, out);
    return cudaGetLastError();
}

// The top_k candidates in one block, then the CPU sampler's arithmetic (in double) in thread 0.
static __global__ void sample_top_p_kernel(const float * x, int n, float temperature, int top_k, float top_p, const double * r, int * out) {
    __shared__ float sv[8];
    __shared__ int si[8];
    __shared__ int cand[kSampleMaxTopK];
    topk::top_k_block(x, 1, n, top_k, cand, sv, si);
    __syncthreads();
    if (threadIdx.x != 0) return;
    double prob[kSampleMaxTopK];
    const double mx = x[cand[0]];
    double sum = 0;
    for (int i = 0; i < top_k; ++i) sum += prob[i] = exp((static_cast<double>(x[cand[i]]) - mx) / temperature);
    for (int i = 0; i < top_k; ++i) prob[i] /= sum;
    int keep = top_k;
    if (top_p < 1.0f) {
        double cum = 0;
        for (int i = 0; i < top_k; ++i) {
            cum += prob[i];
            if (cum >= top_p) {
                keep = i + 1;
                break;
            }
        }
        double s = 0;
        for (int i = 0; i < keep; ++i) s += prob[i];
        for (int i = 0; i < keep; ++i) prob[i] /= s;
    }
    double cum = 0;
    for (int i = 0; i < keep; ++i) {
        cum += prob[i];
        if (*r < cum) {
            *out = cand[i];
            return;
        }
    }
    *out = cand[keep - 1];
}

cudaError_t launch_sample_top_p(const float * logits, int n, float temperature, int top_k, float top_p, const double * r, int * out,
                                cudaStream_t stream) {
    if (n <= 0 || top_k <= 0 || top_k > kSampleMaxTopK || top_k > n || temperature <= 0.0f) return cudaErrorInvalidValue;
    sample_top_p_kernel<<<1, 256, 0, stream>>>(logits, n, temperature, top_k, top_p, r, out);
    return cudaGetLastError();
}

} // namespace quire
