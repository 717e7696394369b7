// CUDA forward pass (fp32).
#include "cuda/cuda_model.h"

#include "attention.cuh"
#include "convert.cuh"
#include "core/half.h"
#include "elementwise.cuh"
#include "model/tensor_source.h"
#include "rmsnorm.cuh"
#include "rope.cuh"

#include <cmath>
#include <numeric>

namespace quire {

namespace {


DeviceBuffer<float> upload_vector(const Vector & v) {
    DeviceBuffer<float> d(v.size());
    if (!v.empty()) d.upload(v);
    return d;
}

} // namespace

// Dequantise a stored matrix on the host, a slab of rows at a time, and upload it (as bf16 with
// round-to-nearest-even, or fp32).
CudaModel::Matrix CudaModel::upload(const Tensor & t) const {
    Matrix m;
    m.rows = static_cast<int>(t.rows);
    m.cols = static_cast<int>(t.cols);
    if (t.empty()) return m;
    const size_t total = static_cast<size_t>(t.rows * t.cols);
    if (precision_ == CudaPrecision::BF16) m.bf16.resize(total);
    else m.f32.resize(total);
    const int64_t slab = std::max<int64_t>(1, (int64_t(16) << 20) / std::max<int64_t>(t.cols, 1));
    std::vector<float> buf;
    std::vector<uint16_t> half;
    for (int64_t r0 = 0; r0 < t.rows; r0 += slab) {
        const int64_t n = std::min(slab, t.rows - r0);
        buf.resize(static_cast<size_t>(n * t.cols));
#pragma omp parallel for schedule(static)
        for (int64_t r = 0; r < n; ++r) t.dequantize_row(r0 + r, buf.data() + r * t.cols);
        if (precision_ == CudaPrecision::BF16) {
            half.resize(buf.size());
#pragma omp parallel for schedule(static)
            for (size_t i = 0; i < buf.size(); ++i) half[i] = fp32_to_bf16(buf[i]);
            m.bf16.upload(half.data(), half.size(), static_cast<size_t>(r0 * t.cols));
        } else {
            m.f32.upload(buf.data(), buf.size(), static_cast<size_t>(r0 * t.cols));
        }
    }
    return m;
}

CudaModel::CudaModel(const Model & model, int n_ctx, CudaPrecision precision) : m_(model), hp_(model.hp), n_ctx_(n_ctx), precision_(precision) {
    if (m_.w.layers.empty()) fail(Status::INTERNAL, "model was loaded without weights");
    if (hp_.head_dim > 256) fail(Status::UNSUPPORTED, "head size " + std::to_string(hp_.head_dim) + " exceeds the CUDA kernels' 256");
    // Check the device has room before allocating: weights, KV cache, scratch.
    uint64_t weights = 0;
    const uint64_t elem = precision == CudaPrecision::BF16 ? 2 : 4;
    auto count = [&](const Tensor & t) { weights += static_cast<uint64_t>(t.rows * t.cols) * elem; };
    count(m_.w.tok_embd);
    count(m_.w.output);
    for (const auto & L : m_.w.layers)
        for (const Tensor * t : {&L.wq, &L.wk, &L.wv, &L.wo, &L.w_gate, &L.w_up, &L.w_down}) count(*t);
    const uint64_t kv = static_cast<uint64_t>(hp_.n_layer) * static_cast<uint64_t>(n_ctx) * static_cast<uint64_t>(hp_.kv_dim()) * 8;
    size_t free_b = 0, total_b = 0;
    CUDA_CHECK(cudaMemGetInfo(&free_b, &total_b));
    if (weights + kv + (512ull << 20) > free_b)
        fail(Status::OUT_OF_MEMORY, "the model (" + std::to_string(weights >> 20) + " MiB on the GPU) and a KV cache of " + std::to_string(n_ctx) +
                                        " positions (" + std::to_string(kv >> 20) + " MiB) do not fit the GPU's " + std::to_string(free_b >> 20) +
                                        " MiB free");
    CUDA_CHECK(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking));
    CUBLAS_CHECK(cublasCreate(&blas_));
    CUBLAS_CHECK(cublasSetStream(blas_, stream_));
    // fp32: true fp32, no TF32 shortcuts; bf16: tensor cores with fp32 accumulation.
    CUBLAS_CHECK(cublasSetMathMode(blas_, precision == CudaPrecision::FP32 ? CUBLAS_PEDANTIC_MATH : CUBLAS_DEFAULT_MATH));

    tok_embd_ = upload(m_.w.tok_embd);
    out_norm_ = upload_vector(m_.w.out_norm);
    if (!m_.w.output.empty()) output_ = upload(m_.w.output);
    inv_freq_ = upload_vector(rope_inv_freq(hp_));
    layers_.resize(static_cast<size_t>(hp_.n_layer));
    for (int l = 0; l < hp_.n_layer; ++l) {
        const LayerWeights & W = m_.w.layers[static_cast<size_t>(l)];
        Layer & L = layers_[static_cast<size_t>(l)];
        L.attn_norm = upload_vector(W.attn_norm);
        L.ffn_norm = upload_vector(W.ffn_norm);
        L.wq = upload(W.wq);
        L.wk = upload(W.wk);
        L.wv = upload(W.wv);
        L.wo = upload(W.wo);
        L.w_gate = upload(W.w_gate);
        L.w_up = upload(W.w_up);
        L.w_down = upload(W.w_down);
        L.bq = upload_vector(W.bq);
        L.bk = upload_vector(W.bk);
        L.bv = upload_vector(W.bv);
        L.k_cache.resize(static_cast<size_t>(n_ctx) * static_cast<size_t>(hp_.kv_dim()));
        L.v_cache.resize(L.k_cache.size());
    }
    logits_.resize(static_cast<size_t>(hp_.n_vocab));
}

CudaModel::~CudaModel() {
    if (blas_) cublasDestroy(blas_);
    if (stream_) cudaStreamDestroy(stream_);
}

void CudaModel::ensure_scratch(int T) {
    if (T <= scratch_T_) return;
    const size_t t = static_cast<size_t>(T);
    x_.resize(t * hp_.n_embd);
    xn_.resize(t * hp_.n_embd);
    o_.resize(t * hp_.n_embd);
    q_.resize(t * hp_.q_dim());
    att_.resize(t * hp_.q_dim());
    k_.resize(t * hp_.kv_dim());
    v_.resize(t * hp_.kv_dim());
    g_.resize(t * hp_.n_ff);
    u_.resize(t * hp_.n_ff);
    ids_.resize(t);
    pos_.resize(t);
    if (precision_ == CudaPrecision::BF16) x_bf16_.resize(t * static_cast<size_t>(std::max({hp_.n_embd, hp_.q_dim(), hp_.n_ff})));
    scratch_T_ = T;
}

// y[T][rows] = x[T][cols] . w[rows][cols]^T (row-major), as the column-major product w^T x.
// bf16 weights: x is converted to bf16 and the product accumulates in fp32 on tensor cores.
void CudaModel::gemm(const float * x, int T, const Matrix & w, float * y) {
    const float one = 1.0f, zero = 0.0f;
    if (w.bf16.size()) {
        CUDA_CHECK(launch_f32_to_bf16(x, x_bf16_.get(), static_cast<long long>(T) * w.cols, stream_));
        CUBLAS_CHECK(cublasGemmEx(blas_, CUBLAS_OP_T, CUBLAS_OP_N, w.rows, T, w.cols, &one, w.bf16.get(), CUDA_R_16BF, w.cols, x_bf16_.get(),
                                  CUDA_R_16BF, w.cols, &zero, y, CUDA_R_32F, w.rows, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
    } else {
        CUBLAS_CHECK(cublasSgemm(blas_, CUBLAS_OP_T, CUBLAS_OP_N, w.rows, T, w.cols, &one, w.f32.get(), w.cols, x, w.cols, &zero, y, w.rows));
    }
}

std::vector<float> CudaModel::eval(const std::vector<int> & tokens, std::vector<float> * all_logits) {
    const int T = static_cast<int>(tokens.size());
    if (T == 0) fail(Status::INTERNAL, "eval of no tokens");
    if (n_past_ + T > n_ctx_) fail(Status::BAD_INPUT, "sequence of " + std::to_string(n_past_ + T) + " tokens exceeds the context of " + std::to_string(n_ctx_));
    for (int id : tokens)
        if (id < 0 || id >= hp_.n_vocab) fail(Status::BAD_INPUT, "token id " + std::to_string(id) + " is outside the vocabulary");
    ensure_scratch(T);
    const int D = hp_.n_embd, QD = hp_.q_dim(), KVD = hp_.kv_dim(), F = hp_.n_ff, HD = hp_.head_dim;
    std::vector<int> pos(static_cast<size_t>(T));
    std::iota(pos.begin(), pos.end(), n_past_);
    CUDA_CHECK(cudaMemcpyAsync(ids_.get(), tokens.data(), sizeof(int) * static_cast<size_t>(T), cudaMemcpyHostToDevice, stream_));
    CUDA_CHECK(cudaMemcpyAsync(pos_.get(), pos.data(), sizeof(int) * static_cast<size_t>(T), cudaMemcpyHostToDevice, stream_));
    if (tok_embd_.bf16.size()) CUDA_CHECK(launch_get_rows_bf16(tok_embd_.bf16.get(), ids_.get(), x_.get(), T, D, stream_));
    else CUDA_CHECK(launch_get_rows_f32(tok_embd_.f32.get(), ids_.get(), x_.get(), T, D, stream_));
    const bool adjacent = hp_.rope_layout == RopeLayout::ADJACENT;
    for (int l = 0; l < hp_.n_layer; ++l) {
        Layer & L = layers_[static_cast<size_t>(l)];
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), L.attn_norm.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        gemm(xn_.get(), T, L.wq, q_.get());
        gemm(xn_.get(), T, L.wk, k_.get());
        gemm(xn_.get(), T, L.wv, v_.get());
        if (L.bq.size()) {
            CUDA_CHECK(launch_add_bias_f32(q_.get(), L.bq.get(), T, QD, stream_));
            CUDA_CHECK(launch_add_bias_f32(k_.get(), L.bk.get(), T, KVD, stream_));
            CUDA_CHECK(launch_add_bias_f32(v_.get(), L.bv.get(), T, KVD, stream_));
        }
        CUDA_CHECK(launch_rope_f32(q_.get(), T, hp_.n_head, HD, pos_.get(), inv_freq_.get(), adjacent, stream_));
        CUDA_CHECK(launch_rope_f32(k_.get(), T, hp_.n_head_kv, HD, pos_.get(), inv_freq_.get(), adjacent, stream_));
        const size_t off = static_cast<size_t>(n_past_) * static_cast<size_t>(KVD);
        const size_t bytes = sizeof(float) * static_cast<size_t>(T) * static_cast<size_t>(KVD);
        CUDA_CHECK(cudaMemcpyAsync(L.k_cache.get() + off, k_.get(), bytes, cudaMemcpyDeviceToDevice, stream_));
        CUDA_CHECK(cudaMemcpyAsync(L.v_cache.get() + off, v_.get(), bytes, cudaMemcpyDeviceToDevice, stream_));
        AttentionParams ap{q_.get(), L.k_cache.get(), L.v_cache.get(), att_.get(), T, n_past_, hp_.n_head, hp_.n_head_kv, HD,
                           1.0f / std::sqrt(static_cast<float>(HD))};
        CUDA_CHECK(launch_attention_f32(ap, stream_));
        gemm(att_.get(), T, L.wo, o_.get());
        CUDA_CHECK(launch_add_f32(x_.get(), o_.get(), static_cast<long long>(T) * D, stream_));
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), L.ffn_norm.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        gemm(xn_.get(), T, L.w_gate, g_.get());
        gemm(xn_.get(), T, L.w_up, u_.get());
        CUDA_CHECK(launch_swiglu_f32(g_.get(), u_.get(), static_cast<long long>(T) * F, stream_));
        gemm(g_.get(), T, L.w_down, o_.get());
        CUDA_CHECK(launch_add_f32(x_.get(), o_.get(), static_cast<long long>(T) * D, stream_));
    }
    n_past_ += T;
    const Matrix & head = output_.rows ? output_ : tok_embd_;
    const int V = hp_.n_vocab;
    std::vector<float> last(static_cast<size_t>(V));
    if (all_logits) {
        DeviceBuffer<float> all(static_cast<size_t>(T) * V);
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), out_norm_.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        gemm(xn_.get(), T, head, all.get());
        CUDA_CHECK(cudaStreamSynchronize(stream_));
        *all_logits = all.download(static_cast<size_t>(T) * V);
        std::copy(all_logits->end() - V, all_logits->end(), last.begin());
        return last;
    }
    CUDA_CHECK(launch_rmsnorm_f32(x_.get() + static_cast<size_t>(T - 1) * D, out_norm_.get(), xn_.get(), 1, D, hp_.norm_eps, stream_));
    gemm(xn_.get(), 1, head, logits_.get());
    CUDA_CHECK(cudaMemcpyAsync(last.data(), logits_.get(), sizeof(float) * static_cast<size_t>(V), cudaMemcpyDeviceToHost, stream_));
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    return last;
}

} // namespace quire
