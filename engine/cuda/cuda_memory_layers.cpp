// The layers of one block-memory step on the GPU, as a list of named ops: embed, then per layer
// norm, QKV, RoPE and window append, block selection, attention, output projection and the
// feed-forward network. Everything runs on stream_ with shapes from the host mirror and contents
// on the device, so a TOKEN step can be captured into a graph (step_graph.h).
#include "cuda/cuda_memory_model.h"

#include "block_select.cuh"
#include "convert.cuh"
#include "decode_attention.cuh"
#include "elementwise.cuh"
#include "flash_reading.cuh"
#include "head_major.cuh"
#include "kv_blocks.cuh"
#include "memory_softmax.cuh"
#include "qkv_prepare.cuh"
#include "rmsnorm.cuh"
#include "window.cuh"

#include <algorithm>
#include <cmath>

namespace quire {

StepShape CudaMemoryModel::shape_of(StepKind kind, int T, int n_loc_cols) const {
    StepShape s = plan_step(cfg_, kind, T, n_blocks(), n_sink_, win_.size(), has_qvec_);
    s.n_local = n_loc_cols; // a captured step reads the window's largest extent (counters on the device say how much is live)
    return s;
}

void CudaMemoryModel::run_layers(int T, StepKind kind, int n_loc_cols) {
    const StepShape shape = shape_of(kind, T, n_loc_cols);
    const bool adjacent = hp_.rope_layout == RopeLayout::ADJACENT;
    PhaseTimer & pt = *prof_;
    pt.mark("start");
    embed(T);
    CUDA_CHECK(launch_rope_table(ctr_.get(), memory_position(cfg_), w_->inv_freq.get(), T, hp_.head_dim, b_.rope.get(), stream_));
    for (int l = 0; l < hp_.n_layer; ++l) {
        const GpuLayer & W = w_->layers[static_cast<size_t>(l)];
        const GpuWindow::Rows & R = win_[l];
        if (l == 0) pt.mark("embed");
        // The previous layer's FFN output joins the residual here, fused with the norm.
        CUDA_CHECK(launch_add_rmsnorm(b_.x.get(), l == 0 ? nullptr : b_.o.get(), W.attn_norm.get(), b_.xb.get(), ct_, T, hp_.n_embd, hp_.norm_eps, stream_));
        pt.mark("norms");
        mul_ct(T, W.wqkv, b_.qkv.get());
        pt.mark("qkv");
        // Biases, RoPE (true positions and the memory distance), the step's keys into the window.
        const QkvPrepareParams qp{b_.qkv.get(), W.bq.size() ? W.bq.get() : nullptr, W.bk.size() ? W.bk.get() : nullptr, W.bv.size() ? W.bv.get() : nullptr,
                                  ctr_.get(), b_.rope.get(), adjacent, T, hp_.n_head, hp_.n_head_kv, hp_.head_dim, ct_, b_.qm.get(), b_.q.get(),
                                  b_.kr.get(), b_.qmh.get(), b_.qh.get(), R.k.get(), R.krot.get(), R.v.get(), R.score.get()};
        CUDA_CHECK(launch_qkv_prepare(qp, stream_));
        if (shape.sets_question) question_vector(l, T);
        pt.mark("rope");
        select_blocks(l, T, shape);
        pt.mark("select");
        attend(l, T, shape);
        pt.mark("pv");
        gemm_->mul(b_.xb.get(), T, W.wo, b_.o.get());
        pt.mark("wo");
        feed_forward(l, T);
        pt.mark("down");
    }
    CUDA_CHECK(launch_add_f32(b_.x.get(), b_.o.get(), static_cast<long long>(T) * hp_.n_embd, stream_));
    CUDA_CHECK(launch_step_advance(ctr_.get(), T, stream_));
    pt.mark("residual");
}

void CudaMemoryModel::embed(int T) {
    if (w_->tok_embd.bf16.size()) CUDA_CHECK(launch_get_rows_bf16(w_->tok_embd.bf16.get(), io_.ids(), b_.x.get(), T, hp_.n_embd, stream_));
    else CUDA_CHECK(launch_get_rows_f32(w_->tok_embd.f32.get(), io_.ids(), b_.x.get(), T, hp_.n_embd, stream_));
}

// Block selection on the device: s(B) = s(B,H) + beta * s(B,Q), anchors first, top-k, and the
// selected blocks gathered behind the sinks in the layer's memory segment.
void CudaMemoryModel::select_blocks(int l, int T, const StepShape & shape) {
    if (shape.n_sel <= 0) return;
    Layer & L = layers_[static_cast<size_t>(l)];
    const int QD = hp_.q_dim(), nb = n_blocks();
    if (T > 1) CUDA_CHECK(launch_mean_rows(b_.qm.get(), b_.qmean.get(), T, QD, stream_));
    const bool anchored = anchors_.on();
    const BlockScoreParams bp{L.repr.get(), nb, QD, T > 1 ? b_.qmean.get() : b_.qm.get(), shape.with_question ? L.qvec.get() : nullptr, cfg_.lookup.beta,
                              L.s_h.get(), L.s_q.get(), L.combined.get(), anchored ? anchors_.bias() : nullptr, anchors_.rank()};
    CUDA_CHECK(launch_block_scores(bp, stream_));
    CUDA_CHECK(launch_top_k(anchored ? anchors_.rank() : L.combined.get(), nb, shape.n_sel, L.sel.get(), stream_));
    const GatherParams gp{table_->tab_k() + l, table_->tab_v() + l, table_->scale_k() + l, table_->scale_v() + l, hp_.n_layer, L.sel.get(), shape.n_sel,
                          static_cast<long long>(cfg_.block_size) * hp_.kv_dim(), st_, ct_, L.mem_k.get(), L.mem_v.get(),
                          static_cast<long long>(n_sink_) * hp_.kv_dim()};
    CUDA_CHECK(launch_blocks_gather(gp, stream_));
}

// One softmax per head over [sinks + selected blocks | window + causal current tokens], the
// local keys' weights added to their local scores; the output into b_.xb (the wo GEMM's input).
// Three ways to the same result: the split-key decode kernel (one query, when asked for), the
// flash kernel (reading steps of kFlashMinRows+ tokens), else batched GEMMs around a masked
// softmax.
void CudaMemoryModel::attend(int l, int T, const StepShape & shape) {
    const Layer & L = layers_[static_cast<size_t>(l)];
    const GpuWindow::Rows & R = win_[l];
    const int HD = hp_.head_dim, NH = hp_.n_head, NKV = hp_.n_head_kv, KVD = hp_.kv_dim();
    const int n_mem = shape.n_mem, n_loc = shape.n_local, n_cols = n_mem + n_loc;
    const float scale = 1.0f / std::sqrt(static_cast<float>(HD)), one = 1.0f, zero = 0.0f;
    PhaseTimer & pt = *prof_;
    if (T == 1 && opt_.decode_kernel && decode_attention_supported(NH, NKV, HD, n_cols)) {
        const DecodeAttentionParams dp{b_.qm.get(), b_.q.get(), L.mem_k.get(), L.mem_v.get(), R.krot.get(), R.v.get(), ctr_.get(), n_mem,
                                       n_loc, NH, NKV, HD, scale, ct_, b_.s.get(), b_.part.get(), b_.xb.get(), R.score.get()};
        CUDA_CHECK(launch_decode_attention(dp, stream_));
        return;
    }
    if (flash_on() && T >= kFlashMinRows) {
        const FlashReadingParams fp{b_.qmh.get(), b_.qh.get(), L.mem_k.get(), L.mem_v.get(), R.krot.get(), R.v.get(), ctr_.get(), n_mem, T, NH,
                                    NKV, HD, n_loc, scale, b_.xb.get(), b_.stats.get(), R.score.get()};
        CUDA_CHECK(launch_flash_reading(fp, stream_));
        pt.mark("flash");
        CUDA_CHECK(launch_flash_local_scores(fp, stream_));
        pt.mark("local_scores");
        return;
    }
    // S = [q_mem . K_mem | q . K_local] * scale per KV head, one softmax, O = P . V.
    const cudaDataType dt = ct_ == KvType::BF16 ? CUDA_R_16BF : CUDA_R_32F;
    const void * P = ct_ == KvType::BF16 ? static_cast<const void *>(b_.p.get()) : static_cast<const void *>(b_.s.get());
    const size_t p_esz = ct_ == KvType::BF16 ? 2 : 4;
    cublasHandle_t h = gemm_->handle();
    const long long rows_g = static_cast<long long>(NH / NKV) * T; // query rows per KV head
    if (n_mem > 0)
        CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_T, CUBLAS_OP_N, n_mem, static_cast<int>(rows_g), HD, &scale, L.mem_k.get(), dt, KVD, HD,
                                                b_.qmh.get(), dt, HD, rows_g * HD, &zero, b_.s.get(), CUDA_R_32F, n_cols, rows_g * n_cols, NKV,
                                                CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
    CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_T, CUBLAS_OP_N, n_loc, static_cast<int>(rows_g), HD, &scale, R.krot.get(), dt, KVD,
                                            HD, b_.qh.get(), dt, HD, rows_g * HD, &zero, b_.s.get() + n_mem, CUDA_R_32F, n_cols, rows_g * n_cols, NKV,
                                            CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
    pt.mark("qk");
    const MemorySoftmaxParams sp{b_.s.get(), ct_ == KvType::BF16 ? b_.p.get() : nullptr, ctr_.get(), NH, T, n_cols, n_mem};
    CUDA_CHECK(launch_memory_softmax(sp, stream_));
    pt.mark("softmax");
    CUDA_CHECK(launch_local_scores(sp, R.score.get(), stream_));
    pt.mark("local_scores");
    if (n_mem > 0)
        CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_N, HD, static_cast<int>(rows_g), n_mem, &one, L.mem_v.get(), dt, KVD, HD, P,
                                                dt, n_cols, rows_g * n_cols, &zero, b_.atth.get(), CUDA_R_32F, HD, rows_g * HD, NKV,
                                                CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
    CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_N, HD, static_cast<int>(rows_g), n_loc, &one, R.v.get(), dt, KVD,
                                            HD, static_cast<const unsigned char *>(P) + static_cast<size_t>(n_mem) * p_esz, dt, n_cols,
                                            rows_g * n_cols, n_mem > 0 ? &one : &zero, b_.atth.get(), CUDA_R_32F, HD, rows_g * HD, NKV,
                                            CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
    CUDA_CHECK(launch_from_head_major(b_.atth.get(), b_.xb.get(), T, NH, HD, ct_, stream_));
}

// x += o (the attention's output), then the SwiGLU network of RMSNorm(x) into o.
void CudaMemoryModel::feed_forward(int l, int T) {
    const GpuLayer & W = w_->layers[static_cast<size_t>(l)];
    CUDA_CHECK(launch_add_rmsnorm(b_.x.get(), b_.o.get(), W.ffn_norm.get(), b_.xb.get(), ct_, T, hp_.n_embd, hp_.norm_eps, stream_));
    prof_->mark("norms");
    if (T == 1 && gemm_->mul_swiglu(b_.xb.get(), W.w_gu, b_.gu.get())) {
        // Decoding: gate/up GEMV with the SwiGLU in its epilogue (bf16 hidden vector in b_.gu).
        prof_->mark("gate_up");
        gemm_->mul(b_.gu.get(), T, W.w_down, b_.o.get());
        return;
    }
    mul_ct(T, W.w_gu, b_.gu.get());
    prof_->mark("gate_up");
    CUDA_CHECK(launch_swiglu_fused(b_.gu.get(), b_.xb.get(), ct_, T, hp_.n_ff, stream_));
    prof_->mark("swiglu");
    gemm_->mul(b_.xb.get(), T, W.w_down, b_.o.get());
}

} // namespace quire
