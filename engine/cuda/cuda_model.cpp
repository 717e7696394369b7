// CUDA forward pass (fp32).
#include "cuda/cuda_model.h"

#include "attention.cuh"
#include "elementwise.cuh"
#include "model/tensor_source.h"
#include "rmsnorm.cuh"
#include "rope.cuh"

#include <cmath>
#include <numeric>

namespace quire {

namespace {

// Dequantise a stored matrix on the host, a slab of rows at a time, and upload it.
DeviceBuffer<float> upload_matrix(const Tensor & t) {
    DeviceBuffer<float> d(static_cast<size_t>(t.rows * t.cols));
    const int64_t slab = std::max<int64_t>(1, (int64_t(16) << 20) / std::max<int64_t>(t.cols, 1));
    std::vector<float> buf;
    for (int64_t r0 = 0; r0 < t.rows; r0 += slab) {
        const int64_t n = std::min(slab, t.rows - r0);
        buf.resize(static_cast<size_t>(n * t.cols));
#pragma omp parallel for schedule(static)
        for (int64_t r = 0; r < n; ++r) t.dequantize_row(r0 + r, buf.data() + r * t.cols);
        d.upload(buf.data(), buf.size(), static_cast<size_t>(r0 * t.cols));
    }
    return d;
}

DeviceBuffer<float> upload_vector(const Vector & v) {
    DeviceBuffer<float> d(v.size());
    if (!v.empty()) d.upload(v);
    return d;
}

} // namespace

CudaModel::CudaModel(const Model & model, int n_ctx) : m_(model), hp_(model.hp), n_ctx_(n_ctx) {
    if (m_.w.layers.empty()) fail(Status::INTERNAL, "model was loaded without weights");
    if (hp_.head_dim > 256) fail(Status::UNSUPPORTED, "head size " + std::to_string(hp_.head_dim) + " exceeds the CUDA kernels' 256");
    // Check the device has room before allocating: weights, KV cache, scratch.
    uint64_t weights = 0;
    auto count = [&](const Tensor & t) { weights += static_cast<uint64_t>(t.rows * t.cols) * 4; };
    count(m_.w.tok_embd);
    count(m_.w.output);
    for (const auto & L : m_.w.layers)
        for (const Tensor * t : {&L.wq, &L.wk, &L.wv, &L.wo, &L.w_gate, &L.w_up, &L.w_down}) count(*t);
    const uint64_t kv = static_cast<uint64_t>(hp_.n_layer) * static_cast<uint64_t>(n_ctx) * static_cast<uint64_t>(hp_.kv_dim()) * 8;
    size_t free_b = 0, total_b = 0;
    CUDA_CHECK(cudaMemGetInfo(&free_b, &total_b));
    if (weights + kv + (512ull << 20) > free_b)
        fail(Status::OUT_OF_MEMORY, "the model (" + std::to_string(weights >> 20) + " MiB in fp32) and a KV cache of " + std::to_string(n_ctx) +
                                        " positions (" + std::to_string(kv >> 20) + " MiB) do not fit the GPU's " + std::to_string(free_b >> 20) +
                                        " MiB free");
    CUDA_CHECK(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking));
    CUBLAS_CHECK(cublasCreate(&blas_));
    CUBLAS_CHECK(cublasSetStream(blas_, stream_));
    CUBLAS_CHECK(cublasSetMathMode(blas_, CUBLAS_PEDANTIC_MATH)); // true fp32: no TF32 shortcuts

    tok_embd_ = upload_matrix(m_.w.tok_embd);
    out_norm_ = upload_vector(m_.w.out_norm);
    if (!m_.w.output.empty()) output_ = upload_matrix(m_.w.output);
    inv_freq_ = upload_vector(rope_inv_freq(hp_));
    layers_.resize(static_cast<size_t>(hp_.n_layer));
    for (int l = 0; l < hp_.n_layer; ++l) {
        const LayerWeights & W = m_.w.layers[static_cast<size_t>(l)];
        Layer & L = layers_[static_cast<size_t>(l)];
        L.attn_norm = upload_vector(W.attn_norm);
        L.ffn_norm = upload_vector(W.ffn_norm);
        L.wq = upload_matrix(W.wq);
        L.wk = upload_matrix(W.wk);
        L.wv = upload_matrix(W.wv);
        L.wo = upload_matrix(W.wo);
        L.w_gate = upload_matrix(W.w_gate);
        L.w_up = upload_matrix(W.w_up);
        L.w_down = upload_matrix(W.w_down);
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
    scratch_T_ = T;
}

// y[T][rows] = x[T][cols] . w[rows][cols]^T (row-major), as the column-major product w^T x.
void CudaModel::gemm(const float * x, int T, const DeviceBuffer<float> & w, int rows, int cols, float * y) {
    const float one = 1.0f, zero = 0.0f;
    CUBLAS_CHECK(cublasSgemm(blas_, CUBLAS_OP_T, CUBLAS_OP_N, rows, T, cols, &one, w.get(), cols, x, cols, &zero, y, rows));
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
    CUDA_CHECK(launch_get_rows_f32(tok_embd_.get(), ids_.get(), x_.get(), T, D, stream_));
    const bool adjacent = hp_.rope_layout == RopeLayout::ADJACENT;
    for (int l = 0; l < hp_.n_layer; ++l) {
        Layer & L = layers_[static_cast<size_t>(l)];
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), L.attn_norm.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        gemm(xn_.get(), T, L.wq, QD, D, q_.get());
        gemm(xn_.get(), T, L.wk, KVD, D, k_.get());
        gemm(xn_.get(), T, L.wv, KVD, D, v_.get());
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
        gemm(att_.get(), T, L.wo, D, QD, o_.get());
        CUDA_CHECK(launch_add_f32(x_.get(), o_.get(), static_cast<long long>(T) * D, stream_));
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), L.ffn_norm.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        gemm(xn_.get(), T, L.w_gate, F, D, g_.get());
        gemm(xn_.get(), T, L.w_up, F, D, u_.get());
        CUDA_CHECK(launch_swiglu_f32(g_.get(), u_.get(), static_cast<long long>(T) * F, stream_));
        gemm(g_.get(), T, L.w_down, D, F, o_.get());
        CUDA_CHECK(launch_add_f32(x_.get(), o_.get(), static_cast<long long>(T) * D, stream_));
    }
    n_past_ += T;
    const DeviceBuffer<float> & head = output_.size() ? output_ : tok_embd_;
    const int V = hp_.n_vocab;
    std::vector<float> last(static_cast<size_t>(V));
    if (all_logits) {
        DeviceBuffer<float> all(static_cast<size_t>(T) * V);
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), out_norm_.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        gemm(xn_.get(), T, head, V, D, all.get());
        CUDA_CHECK(cudaStreamSynchronize(stream_));
        *all_logits = all.download(static_cast<size_t>(T) * V);
        std::copy(all_logits->end() - V, all_logits->end(), last.begin());
        return last;
    }
    CUDA_CHECK(launch_rmsnorm_f32(x_.get() + static_cast<size_t>(T - 1) * D, out_norm_.get(), xn_.get(), 1, D, hp_.norm_eps, stream_));
    gemm(xn_.get(), 1, head, V, D, logits_.get());
    CUDA_CHECK(cudaMemcpyAsync(last.data(), logits_.get(), sizeof(float) * static_cast<size_t>(V), cudaMemcpyDeviceToHost, stream_));
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    return last;
}

} // namespace quire
