// CUDA forward pass over a KV cache.
#include "cuda/cuda_model.h"

#include "attention.cuh"
#include "convert.cuh"
#include "elementwise.cuh"
#include "rmsnorm.cuh"
#include "rope.cuh"

#include <cmath>
#include <numeric>

namespace quire {

CudaModel::CudaModel(const Model & model, int n_ctx, CudaPrecision precision) : hp_(model.hp), n_ctx_(n_ctx) {
    if (model.w.layers.empty()) fail(Status::INTERNAL, "model was loaded without weights");
    if (hp_.head_dim > 256) fail(Status::UNSUPPORTED, "head size " + std::to_string(hp_.head_dim) + " exceeds the CUDA kernels' 256");
    const uint64_t kv = static_cast<uint64_t>(hp_.n_layer) * static_cast<uint64_t>(n_ctx) * static_cast<uint64_t>(hp_.kv_dim()) * 8;
    GpuWeights::check_room(model, precision, kv + (512ull << 20), "a KV cache of " + std::to_string(n_ctx) + " positions");
    CUDA_CHECK(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking));
    gemm_ = std::make_unique<GpuGemm>(stream_, precision == CudaPrecision::FP32);
    w_ = GpuWeights::shared(model, precision); // kept with the model for the next run
    for (int l = 0; l < hp_.n_layer; ++l) {
        k_cache_.emplace_back(static_cast<size_t>(n_ctx) * static_cast<size_t>(hp_.kv_dim()));
        v_cache_.emplace_back(static_cast<size_t>(n_ctx) * static_cast<size_t>(hp_.kv_dim()));
    }
    logits_.resize(static_cast<size_t>(hp_.n_vocab));
}

CudaModel::~CudaModel() {
    gemm_.reset();
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
    gu_.resize(2 * t * hp_.n_ff);
    qkv_.resize(t * static_cast<size_t>(hp_.q_dim() + 2 * hp_.kv_dim()));
    ids_.resize(t);
    pos_.resize(t);
    scratch_T_ = T;
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
    if (w_->tok_embd.bf16.size()) CUDA_CHECK(launch_get_rows_bf16(w_->tok_embd.bf16.get(), ids_.get(), x_.get(), T, D, stream_));
    else CUDA_CHECK(launch_get_rows_f32(w_->tok_embd.f32.get(), ids_.get(), x_.get(), T, D, stream_));
    const bool adjacent = hp_.rope_layout == RopeLayout::ADJACENT;
    for (int l = 0; l < hp_.n_layer; ++l) {
        const GpuLayer & L = w_->layers[static_cast<size_t>(l)];
        float * k_cache = k_cache_[static_cast<size_t>(l)].get();
        float * v_cache = v_cache_[static_cast<size_t>(l)].get();
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), L.attn_norm.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        // One GEMM for q, k, v, split by strided copies.
        (*gemm_)(xn_.get(), T, L.wqkv, qkv_.get());
        const size_t row = sizeof(float) * static_cast<size_t>(QD + 2 * KVD);
        CUDA_CHECK(cudaMemcpy2DAsync(q_.get(), sizeof(float) * QD, qkv_.get(), row, sizeof(float) * QD, T, cudaMemcpyDeviceToDevice, stream_));
        CUDA_CHECK(cudaMemcpy2DAsync(k_.get(), sizeof(float) * KVD, qkv_.get() + QD, row, sizeof(float) * KVD, T, cudaMemcpyDeviceToDevice, stream_));
        CUDA_CHECK(cudaMemcpy2DAsync(v_.get(), sizeof(float) * KVD, qkv_.get() + QD + KVD, row, sizeof(float) * KVD, T, cudaMemcpyDeviceToDevice, stream_));
        if (L.bq.size()) {
            CUDA_CHECK(launch_add_bias_f32(q_.get(), L.bq.get(), T, QD, stream_));
            CUDA_CHECK(launch_add_bias_f32(k_.get(), L.bk.get(), T, KVD, stream_));
            CUDA_CHECK(launch_add_bias_f32(v_.get(), L.bv.get(), T, KVD, stream_));
        }
        CUDA_CHECK(launch_rope_f32(q_.get(), T, hp_.n_head, HD, pos_.get(), w_->inv_freq.get(), adjacent, stream_));
        CUDA_CHECK(launch_rope_f32(k_.get(), T, hp_.n_head_kv, HD, pos_.get(), w_->inv_freq.get(), adjacent, stream_));
        const size_t off = static_cast<size_t>(n_past_) * static_cast<size_t>(KVD);
        const size_t bytes = sizeof(float) * static_cast<size_t>(T) * static_cast<size_t>(KVD);
        CUDA_CHECK(cudaMemcpyAsync(k_cache + off, k_.get(), bytes, cudaMemcpyDeviceToDevice, stream_));
        CUDA_CHECK(cudaMemcpyAsync(v_cache + off, v_.get(), bytes, cudaMemcpyDeviceToDevice, stream_));
        AttentionParams ap{q_.get(), k_cache, v_cache, att_.get(), T, n_past_, hp_.n_head, hp_.n_head_kv, HD,
                           1.0f / std::sqrt(static_cast<float>(HD))};
        CUDA_CHECK(launch_attention_f32(ap, stream_));
        (*gemm_)(att_.get(), T, L.wo, o_.get());
        CUDA_CHECK(launch_add_f32(x_.get(), o_.get(), static_cast<long long>(T) * D, stream_));
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), L.ffn_norm.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        (*gemm_)(xn_.get(), T, L.w_gu, gu_.get());
        CUDA_CHECK(launch_swiglu_fused(gu_.get(), g_.get(), KvType::F32, T, F, stream_));
        (*gemm_)(g_.get(), T, L.w_down, o_.get());
        CUDA_CHECK(launch_add_f32(x_.get(), o_.get(), static_cast<long long>(T) * D, stream_));
    }
    n_past_ += T;
    const GpuMatrix & head = w_->lm_head();
    const int V = hp_.n_vocab;
    std::vector<float> last(static_cast<size_t>(V));
    if (all_logits) {
        DeviceBuffer<float> all(static_cast<size_t>(T) * V);
        CUDA_CHECK(launch_rmsnorm_f32(x_.get(), w_->out_norm.get(), xn_.get(), T, D, hp_.norm_eps, stream_));
        (*gemm_)(xn_.get(), T, head, all.get());
        CUDA_CHECK(cudaStreamSynchronize(stream_));
        *all_logits = all.download(static_cast<size_t>(T) * V);
        std::copy(all_logits->end() - V, all_logits->end(), last.begin());
        return last;
    }
    CUDA_CHECK(launch_rmsnorm_f32(x_.get() + static_cast<size_t>(T - 1) * D, w_->out_norm.get(), xn_.get(), 1, D, hp_.norm_eps, stream_));
    (*gemm_)(xn_.get(), 1, head, logits_.get());
    CUDA_CHECK(cudaMemcpyAsync(last.data(), logits_.get(), sizeof(float) * static_cast<size_t>(V), cudaMemcpyDeviceToHost, stream_));
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    return last;
}

} // namespace quire
