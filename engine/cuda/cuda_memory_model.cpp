// Block-memory forward pass on the GPU: one step, block cutting, forks, host copies.
#include "cuda/cuda_memory_model.h"

#include "block_select.cuh"
#include "convert.cuh"
#include "decode_attention.cuh"
#include "core/error.h"
#include "elementwise.cuh"
#include "flash_reading.cuh"
#include "head_major.cuh"
#include "kv_blocks.cuh"
#include "memory/memory_model.h"
#include "memory_softmax.cuh"
#include "qkv_prepare.cuh"
#include "rmsnorm.cuh"
#include "sampling.cuh"
#include "window.cuh"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quire {

namespace {

constexpr size_t kStageBytes = 64u << 10;

unsigned char * bytes(const DeviceBuffer<unsigned char> & b, size_t offset = 0) { return b.get() + offset; }

} // namespace

CudaMemoryModel::CudaMemoryModel(std::shared_ptr<const GpuWeights> weights, const MemoryConfig & cfg, const CudaMemoryOptions & opt)
    : w_(std::move(weights)), hp_(w_->hp), cfg_(cfg), opt_(opt) {
    memory_config_validate(cfg_);
    if (hp_.n_head % hp_.n_head_kv) fail(Status::UNSUPPORTED, "query heads are not a multiple of the KV heads");
    ct_ = w_->precision == CudaPrecision::BF16 ? KvType::BF16 : KvType::F32;
    st_ = ct_;
    if (opt_.kv_fp8) {
        if (ct_ != KvType::BF16) fail(Status::BAD_INPUT, "fp8 memory blocks need bf16 weights");
        st_ = KvType::FP8;
    }
    max_T_ = cfg_.exc_block_size;
    win_cap_ = cfg_.n_local + cfg_.block_size + max_T_;
    mem_cap_ = cfg_.n_init + cfg_.topk * cfg_.block_size;
    CUDA_CHECK(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking));
    gemm_ = std::make_unique<GpuGemm>(stream_, ct_ == KvType::F32);
    gemm_->set_custom_gemv(opt_.custom_gemv);
    prof_ = std::make_unique<PhaseTimer>(stream_);
    // A fixed cuBLAS workspace, so that graph capture never allocates.
    blas_ws_.resize(32u << 20);
    CUBLAS_CHECK(cublasSetWorkspace(gemm_->handle(), blas_ws_.get(), blas_ws_.size()));
    alloc_state();
    if (ct_ == KvType::BF16) { // GEMM algorithms for execution blocks (single rows take cuBLAS's GEMV)
        const GpuLayer & W = w_->layers.front();
        gemm_->tune(W.wqkv, max_T_, true);
        gemm_->tune(W.wo, max_T_, false);
        gemm_->tune(W.w_gu, max_T_, true);
        gemm_->tune(W.w_down, max_T_, false);
    }
    const size_t slot = static_cast<size_t>(cfg_.block_size) * static_cast<size_t>(hp_.kv_dim()) * kv_type_size(st_);
    pools_.push_back(std::make_shared<GpuBlockPool>(slot, opt_.block_budget, opt_.host_offload));
    set_counters();
}

CudaMemoryModel::~CudaMemoryModel() {
    if (graph_) cudaGraphExecDestroy(graph_);
    if (pick_host_) cudaFreeHost(pick_host_);
    if (logits_host_) cudaFreeHost(logits_host_);
    if (stream_) cudaStreamSynchronize(stream_);
    prof_.reset();
    for (auto & st : stages_)
        if (st.done) cudaEventDestroy(st.done);
    if (stage_mem_) cudaFreeHost(stage_mem_);
    gemm_.reset();
    if (stream_) cudaStreamDestroy(stream_);
}

// Products that only feed a kernel computing in fp32 (QKV, gate/up) are written in the compute
// type: bf16 halves their traffic.
void CudaMemoryModel::mul_ct(int T, const GpuMatrix & w, float * y) {
    if (ct_ == KvType::BF16) gemm_->mul_bf16_out(xb_.get(), T, w, y);
    else gemm_->mul(xb_.get(), T, w, y);
}

bool CudaMemoryModel::flash_on() const { return opt_.flash && ct_ == KvType::BF16 && flash_reading_supported(hp_.head_dim); }

void CudaMemoryModel::alloc_state() {
    const size_t T = static_cast<size_t>(max_T_), D = static_cast<size_t>(hp_.n_embd), QD = static_cast<size_t>(hp_.q_dim()),
                 KVD = static_cast<size_t>(hp_.kv_dim()), F = static_cast<size_t>(hp_.n_ff), NH = static_cast<size_t>(hp_.n_head);
    const size_t esz = kv_type_size(ct_);
    const size_t n_cols = static_cast<size_t>(mem_cap_ + win_cap_);
    layers_.resize(static_cast<size_t>(hp_.n_layer));
    for (auto & L : layers_) {
        const size_t win = static_cast<size_t>(win_cap_) * KVD * esz;
        for (auto * b : {&L.win_k, &L.win_krot, &L.win_v, &L.alt_k, &L.alt_krot, &L.alt_v}) {
            b->resize(win);
            CUDA_CHECK(cudaMemset(b->get(), 0, win));
        }
        for (auto * b : {&L.win_score, &L.alt_score}) {
            b->resize(static_cast<size_t>(win_cap_) * NH);
            CUDA_CHECK(cudaMemset(b->get(), 0, b->size() * sizeof(float)));
        }
        const size_t mem = static_cast<size_t>(std::max(mem_cap_, 1)) * KVD * esz;
        for (auto * b : {&L.mem_k, &L.mem_v}) {
            b->resize(mem);
            CUDA_CHECK(cudaMemset(b->get(), 0, mem));
        }
        L.qvec.resize(QD);
        L.sel.resize(static_cast<size_t>(std::max(cfg_.topk, 1)));
    }
    // The batched-GEMM attention (logits, probabilities, head-major output) only runs for steps
    // the flash kernel does not take: with it, for fewer than kFlashMinRows tokens.
    const size_t TB = flash_on() ? std::min(T, static_cast<size_t>(kFlashMinRows - 1)) : T;
    for (auto * b : {&x_, &o_}) b->resize(T * D);
    for (auto * b : {&q_, &qm_}) b->resize(T * QD);
    atth_.resize(TB * QD);
    kr_.resize(T * KVD);
    qkv_.resize(T * (QD + 2 * KVD));
    gu_.resize(T * 2 * F);
    xb_.resize(T * std::max({D, QD, F}) * esz);
    s_.resize(NH * TB * n_cols);
    if (ct_ == KvType::BF16) p_.resize(NH * TB * n_cols * 2);
    qh_.resize(T * QD * esz);
    qmh_.resize(T * QD * esz);
    qmean_.resize(QD);
    logits_.resize(static_cast<size_t>(hp_.n_vocab));
    ids_.resize(T);
    ctr_.resize(1);
    r_.resize(1);
    amax_.resize((T / static_cast<size_t>(cfg_.block_size) + 2) * static_cast<size_t>(kBlockStoreSets)); // blocks cut in one trim x sets
    part_.resize(NH * static_cast<size_t>(decode_attention_splits()) * static_cast<size_t>(hp_.head_dim + 2));
    stats_.resize(NH * T * 2);
    rope_.resize((T + 1) * static_cast<size_t>(hp_.head_dim / 2));
    CUDA_CHECK(cudaHostAlloc(&pick_host_, sizeof(int), cudaHostAllocDefault));
    CUDA_CHECK(cudaHostAlloc(&logits_host_, sizeof(float) * static_cast<size_t>(hp_.n_vocab), cudaHostAllocDefault));
    *pick_host_ = -1;
    stages_.resize(64); // the host may run up to a few steps ahead of the GPU
    CUDA_CHECK(cudaHostAlloc(&stage_mem_, kStageBytes * stages_.size(), cudaHostAllocDefault)); // one pinning call
    for (size_t i = 0; i < stages_.size(); ++i) {
        stages_[i].p = stage_mem_ + i * kStageBytes;
        CUDA_CHECK(cudaEventCreateWithFlags(&stages_[i].done, cudaEventDisableTiming));
    }
    CUDA_CHECK(cudaDeviceSynchronize()); // the memsets and uploads above ran on the legacy stream
}

static int grown_capacity(int cap) { return cap + std::max(64, cap / 4); }

void CudaMemoryModel::repr_capacity(int n, int & cap, int & prev) {
    cap = prev = 0;
    while (cap < n) {
        prev = cap;
        cap = grown_capacity(cap);
    }
}

void CudaMemoryModel::ensure_block_capacity(int n) {
    if (n <= blk_cap_) return;
    // Growth by a quarter (at least 64 blocks): the old and new arrays exist together during the
    // copy, and a 1M-token document's representatives take gigabytes.
    const int cap = std::max(n, grown_capacity(blk_cap_));
    const size_t NL = static_cast<size_t>(hp_.n_layer), QD = static_cast<size_t>(hp_.q_dim()), nb = static_cast<size_t>(n_blocks());
    // Copies on stream_, then a wait before the old buffers are freed.
    std::vector<DeviceBuffer<float>> old_repr;
    for (auto & L : layers_) {
        DeviceBuffer<float> r(static_cast<size_t>(cap) * QD);
        if (nb) CUDA_CHECK(cudaMemcpyAsync(r.get(), L.repr.get(), nb * QD * sizeof(float), cudaMemcpyDeviceToDevice, stream_));
        old_repr.push_back(std::move(L.repr));
        L.repr = std::move(r);
        L.s_h.resize(static_cast<size_t>(cap));
        L.s_q.resize(static_cast<size_t>(cap));
        L.combined.resize(static_cast<size_t>(cap));
    }
    bias_.resize(static_cast<size_t>(cap));
    rank_.resize(static_cast<size_t>(cap));
    bias_blocks_ = -1;
    auto grow = [&](auto & buf) {
        std::remove_reference_t<decltype(buf)> nbuf(static_cast<size_t>(cap) * NL);
        if (nb) CUDA_CHECK(cudaMemcpyAsync(nbuf.get(), buf.get(), nb * NL * sizeof(*buf.get()), cudaMemcpyDeviceToDevice, stream_));
        CUDA_CHECK(cudaStreamSynchronize(stream_));
        buf = std::move(nbuf);
    };
    grow(tab_k_);
    grow(tab_v_);
    grow(scale_k_);
    grow(scale_v_);
    blk_cap_ = cap;
}

void CudaMemoryModel::staged_copy(void * dst, const void * src, size_t n) {
    if (n > kStageBytes) {
        CUDA_CHECK(cudaMemcpyAsync(dst, src, n, cudaMemcpyHostToDevice, stream_));
        return;
    }
    Stage & st = stages_[stage_next_++ % stages_.size()];
    CUDA_CHECK(cudaEventSynchronize(st.done)); // the slot's previous copy has run
    std::memcpy(st.p, src, n);
    CUDA_CHECK(cudaMemcpyAsync(dst, st.p, n, cudaMemcpyHostToDevice, stream_));
    CUDA_CHECK(cudaEventRecord(st.done, stream_));
}

void CudaMemoryModel::set_counters() {
    const StepCounters c{static_cast<int>(n_tokens_), n_win_};
    staged_copy(ctr_.get(), &c, sizeof c);
}

// ---------------------------------------------------------------------------------------------
// The layers of one step: everything on stream_, shapes from the host mirror, contents on the device.
void CudaMemoryModel::run_layers(int T, StepKind kind, int n_loc_cols) {
    const int D = hp_.n_embd, QD = hp_.q_dim(), KVD = hp_.kv_dim(), F = hp_.n_ff, HD = hp_.head_dim, NH = hp_.n_head, NKV = hp_.n_head_kv;
    const int n_rep = NH / NKV, NL = hp_.n_layer, bs = cfg_.block_size;
    const bool adjacent = hp_.rope_layout == RopeLayout::ADJACENT;
    const float scale = 1.0f / std::sqrt(static_cast<float>(HD)), one = 1.0f, zero = 0.0f;
    const int nb = n_blocks(), n_sel = std::min(cfg_.topk, nb), n_mem = n_sink_ + n_sel * bs, n_cols = n_mem + n_loc_cols;
    const bool with_qvec = has_qvec_ || kind == StepKind::QUESTION;
    const cudaDataType dt = ct_ == KvType::BF16 ? CUDA_R_16BF : CUDA_R_32F;
    const void * P = ct_ == KvType::BF16 ? static_cast<const void *>(p_.get()) : static_cast<const void *>(s_.get());
    const size_t p_esz = ct_ == KvType::BF16 ? 2 : 4;
    cublasHandle_t h = gemm_->handle();
    const long long rows_g = static_cast<long long>(n_rep) * T; // query rows per KV head
    // Flash for execution blocks; a single query (decoding) has too few rows for its tiles.
    const bool use_flash = flash_on() && T >= kFlashMinRows;

    PhaseTimer & pt = *prof_;
    pt.mark("start");
    if (w_->tok_embd.bf16.size()) CUDA_CHECK(launch_get_rows_bf16(w_->tok_embd.bf16.get(), ids_.get(), x_.get(), T, D, stream_));
    else CUDA_CHECK(launch_get_rows_f32(w_->tok_embd.f32.get(), ids_.get(), x_.get(), T, D, stream_));

    CUDA_CHECK(launch_rope_table(ctr_.get(), std::max(cfg_.n_local - 1, 0), w_->inv_freq.get(), T, HD, rope_.get(), stream_));
    for (int l = 0; l < NL; ++l) {
        const GpuLayer & W = w_->layers[static_cast<size_t>(l)];
        Layer & L = layers_[static_cast<size_t>(l)];
        if (l == 0) pt.mark("embed");
        // The previous layer's FFN output joins the residual here, fused with the norm.
        CUDA_CHECK(launch_add_rmsnorm(x_.get(), l == 0 ? nullptr : o_.get(), W.attn_norm.get(), xb_.get(), ct_, T, D, hp_.norm_eps, stream_));
        pt.mark("norms");
        mul_ct(T, W.wqkv, qkv_.get());
        pt.mark("qkv");
        const QkvPrepareParams qp{qkv_.get(), W.bq.size() ? W.bq.get() : nullptr, W.bk.size() ? W.bk.get() : nullptr, W.bv.size() ? W.bv.get() : nullptr,
                                  ctr_.get(), rope_.get(), adjacent, T, NH, NKV, HD, ct_, qm_.get(), q_.get(),
                                  kr_.get(), qmh_.get(), qh_.get(), L.win_k.get(), L.win_krot.get(), L.win_v.get(), L.win_score.get()};
        CUDA_CHECK(launch_qkv_prepare(qp, stream_));
        if (kind == StepKind::QUESTION && !has_qvec_) question_vector(l, T);
        pt.mark("rope");

        // Block selection on the device: s(B) = s(B,H) + beta * s(B,Q), top-k, gather.
        if (n_sel > 0) {
            if (T > 1) CUDA_CHECK(launch_mean_rows(qm_.get(), qmean_.get(), T, QD, stream_));
            const bool anchored = !anchors_.empty();
            const BlockScoreParams bp{L.repr.get(), nb, QD, T > 1 ? qmean_.get() : qm_.get(), with_qvec ? L.qvec.get() : nullptr, cfg_.beta,
                                      L.s_h.get(), L.s_q.get(), L.combined.get(), anchored ? bias_.get() : nullptr, rank_.get()};
            CUDA_CHECK(launch_block_scores(bp, stream_));
            CUDA_CHECK(launch_top_k(anchored ? rank_.get() : L.combined.get(), nb, n_sel, L.sel.get(), stream_));
            const GatherParams gp{tab_k_.get() + l, tab_v_.get() + l, scale_k_.get() + l, scale_v_.get() + l, NL, L.sel.get(), n_sel,
                                  static_cast<long long>(bs) * KVD, st_, ct_, L.mem_k.get(), L.mem_v.get(),
                                  static_cast<long long>(n_sink_) * KVD};
            CUDA_CHECK(launch_blocks_gather(gp, stream_));
        }

        pt.mark("select");
        if (T == 1 && opt_.decode_kernel && decode_attention_supported(NH, NKV, HD, n_mem + n_loc_cols)) {
            // Decoding: one query, split over the keys; output straight into the wo GEMM's input.
            const DecodeAttentionParams dp{qm_.get(), q_.get(), L.mem_k.get(), L.mem_v.get(), L.win_krot.get(), L.win_v.get(), ctr_.get(), n_mem,
                                           n_loc_cols, NH, NKV, HD, scale, ct_, s_.get(), part_.get(), xb_.get(), L.win_score.get()};
            CUDA_CHECK(launch_decode_attention(dp, stream_));
        } else if (use_flash) {
            const FlashReadingParams fp{qmh_.get(), qh_.get(), L.mem_k.get(), L.mem_v.get(), L.win_krot.get(), L.win_v.get(), ctr_.get(), n_mem, T, NH,
                                        NKV, HD, n_loc_cols, scale, xb_.get(), stats_.get(), L.win_score.get()};
            CUDA_CHECK(launch_flash_reading(fp, stream_));
            pt.mark("flash");
            CUDA_CHECK(launch_flash_local_scores(fp, stream_));
            pt.mark("local_scores");
        } else {
            // Attention: S = [q_mem . K_mem | q . K_local] * scale per KV head, one softmax, O = P . V.
            if (n_mem > 0)
                CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_T, CUBLAS_OP_N, n_mem, static_cast<int>(rows_g), HD, &scale, L.mem_k.get(), dt, KVD, HD,
                                                        qmh_.get(), dt, HD, rows_g * HD, &zero, s_.get(), CUDA_R_32F, n_cols, rows_g * n_cols, NKV,
                                                        CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
            CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_T, CUBLAS_OP_N, n_loc_cols, static_cast<int>(rows_g), HD, &scale, L.win_krot.get(), dt, KVD,
                                                    HD, qh_.get(), dt, HD, rows_g * HD, &zero, s_.get() + n_mem, CUDA_R_32F, n_cols, rows_g * n_cols, NKV,
                                                    CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
            pt.mark("qk");
            const MemorySoftmaxParams sp{s_.get(), ct_ == KvType::BF16 ? p_.get() : nullptr, ctr_.get(), NH, T, n_cols, n_mem};
            CUDA_CHECK(launch_memory_softmax(sp, stream_));
            pt.mark("softmax");
            CUDA_CHECK(launch_local_scores(sp, L.win_score.get(), stream_));
            pt.mark("local_scores");
            if (n_mem > 0)
                CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_N, HD, static_cast<int>(rows_g), n_mem, &one, L.mem_v.get(), dt, KVD, HD, P,
                                                        dt, n_cols, rows_g * n_cols, &zero, atth_.get(), CUDA_R_32F, HD, rows_g * HD, NKV,
                                                        CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
            CUBLAS_CHECK(cublasGemmStridedBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_N, HD, static_cast<int>(rows_g), n_loc_cols, &one, L.win_v.get(), dt, KVD,
                                                    HD, static_cast<const unsigned char *>(P) + static_cast<size_t>(n_mem) * p_esz, dt, n_cols,
                                                    rows_g * n_cols, n_mem > 0 ? &one : &zero, atth_.get(), CUDA_R_32F, HD, rows_g * HD, NKV,
                                                    CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
            CUDA_CHECK(launch_from_head_major(atth_.get(), xb_.get(), T, NH, HD, ct_, stream_));
        }
        pt.mark("pv");

        gemm_->mul(xb_.get(), T, W.wo, o_.get());
        pt.mark("wo");
        CUDA_CHECK(launch_add_rmsnorm(x_.get(), o_.get(), W.ffn_norm.get(), xb_.get(), ct_, T, D, hp_.norm_eps, stream_));
        pt.mark("norms");
        if (T == 1 && gemm_->mul_swiglu(xb_.get(), W.w_gu, gu_.get())) {
            // Decoding: gate/up GEMV with the SwiGLU in its epilogue (bf16 hidden vector in gu_).
            pt.mark("gate_up");
            gemm_->mul(gu_.get(), T, W.w_down, o_.get());
        } else {
            mul_ct(T, W.w_gu, gu_.get());
            pt.mark("gate_up");
            CUDA_CHECK(launch_swiglu_fused(gu_.get(), xb_.get(), ct_, T, F, stream_));
            pt.mark("swiglu");
            gemm_->mul(xb_.get(), T, W.w_down, o_.get());
        }
        pt.mark("down");
    }
    CUDA_CHECK(launch_add_f32(x_.get(), o_.get(), static_cast<long long>(T) * D, stream_));
    CUDA_CHECK(launch_step_advance(ctr_.get(), T, stream_));
    pt.mark("residual");
}

// Final norm and LM head of the last token: logits to pinned host memory, or the argmax into
// ids_ (the next step's input) and pinned host memory.
void CudaMemoryModel::head(Head mode, int T) {
    const int D = hp_.n_embd, V = hp_.n_vocab;
    prof_->mark("start");
    CUDA_CHECK(launch_add_rmsnorm(x_.get() + static_cast<size_t>(T - 1) * D, nullptr, w_->out_norm.get(), xb_.get(), ct_, 1, D, hp_.norm_eps, stream_));
    gemm_->mul(xb_.get(), 1, w_->lm_head(), logits_.get());
    if (mode != Head::LOGITS) {
        if (mode == Head::GREEDY) CUDA_CHECK(launch_argmax(logits_.get(), V, ids_.get(), stream_));
        else CUDA_CHECK(launch_sample_top_p(logits_.get(), V, samp_.temperature, samp_.top_k, samp_.top_p, r_.get(), ids_.get(), stream_));
        CUDA_CHECK(cudaMemcpyAsync(pick_host_, ids_.get(), sizeof(int), cudaMemcpyDeviceToHost, stream_));
    } else {
        CUDA_CHECK(cudaMemcpyAsync(logits_host_, logits_.get(), sizeof(float) * static_cast<size_t>(V), cudaMemcpyDeviceToHost, stream_));
    }
    prof_->mark("head");
}

// Question steps only: the question vector on the host from this step's queries and keys.
void CudaMemoryModel::question_vector(int l, int T) {
    const size_t QD = static_cast<size_t>(hp_.q_dim()), KVD = static_cast<size_t>(hp_.kv_dim()), t = static_cast<size_t>(T);
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    const auto qm = qm_.download(t * QD), q = q_.download(t * QD), kr = kr_.download(t * KVD);
    std::vector<float> out(QD);
    quire::question_vector(hp_, cfg_.repr_topk, qm.data(), q.data(), kr.data(), T, out.data());
    staged_copy(layers_[static_cast<size_t>(l)].qvec.get(), out.data(), QD * sizeof(float));
}

void CudaMemoryModel::launch_graph(Head mode) {
    const int nb = n_blocks();
    const bool same_samp = mode != Head::SAMPLE || (graph_samp_.temperature == samp_.temperature && graph_samp_.top_k == samp_.top_k &&
                                                    graph_samp_.top_p == samp_.top_p);
    const bool anchored = !anchors_.empty();
    if (!graph_ || graph_nb_ != nb || graph_sink_ != n_sink_ || graph_qvec_ != has_qvec_ || graph_anchored_ != anchored || graph_mode_ != mode || !same_samp) {
        if (graph_) CUDA_CHECK(cudaGraphExecDestroy(graph_));
        graph_ = nullptr;
        cudaGraph_t g = nullptr;
        prof_->collect();
        prof_->pause(true);
        CUDA_CHECK(cudaStreamBeginCapture(stream_, cudaStreamCaptureModeThreadLocal));
        try {
            run_layers(1, StepKind::TOKEN, cfg_.n_local + cfg_.block_size);
            head(mode, 1);
        } catch (...) {
            prof_->pause(false);
            cudaStreamEndCapture(stream_, &g);
            if (g) cudaGraphDestroy(g);
            throw;
        }
        CUDA_CHECK(cudaStreamEndCapture(stream_, &g));
        prof_->pause(false);
        const cudaError_t e = cudaGraphInstantiate(&graph_, g, 0);
        cudaGraphDestroy(g);
        CUDA_CHECK(e);
        graph_nb_ = nb, graph_sink_ = n_sink_, graph_qvec_ = has_qvec_, graph_anchored_ = anchored, graph_mode_ = mode, graph_samp_ = samp_;
    }
    prof_->mark("start");
    CUDA_CHECK(cudaGraphLaunch(graph_, stream_));
    prof_->mark("graph step");
}

// ---------------------------------------------------------------------------------------------
std::vector<float> CudaMemoryModel::step(const std::vector<int> & tokens, StepKind kind, bool want_logits, RetrievalStep * trace) {
    const int T = static_cast<int>(tokens.size());
    if (T == 0) fail(Status::INTERNAL, "memory step of no tokens");
    if (T > max_T_) fail(Status::INTERNAL, "memory step of " + std::to_string(T) + " tokens exceeds the execution block of " + std::to_string(max_T_));
    for (int id : tokens)
        if (id < 0 || id >= hp_.n_vocab) fail(Status::BAD_INPUT, "token id " + std::to_string(id) + " is outside the vocabulary");
    staged_copy(ids_.get(), tokens.data(), sizeof(int) * static_cast<size_t>(T));
    update_anchors(kind == StepKind::QUESTION ? &tokens : nullptr);
    if (opt_.graphs && T == 1 && kind == StepKind::TOKEN) {
        launch_graph(Head::LOGITS);
    } else {
        run_layers(T, kind, n_win_ + T);
        if (want_logits) head(Head::LOGITS, T);
    }
    std::vector<float> logits;
    if (want_logits || trace || kind == StepKind::QUESTION) CUDA_CHECK(cudaStreamSynchronize(stream_));
    if (want_logits) logits.assign(logits_host_, logits_host_ + hp_.n_vocab);
    finish_step(tokens, kind, trace);
    return logits;
}

int CudaMemoryModel::step_greedy(int token, RetrievalStep * trace) { return step_pick(token, Head::GREEDY, trace); }

bool CudaMemoryModel::device_sampling_ok(const SamplerParams & sp) {
    return sp.temperature <= 0.0f || (sp.repeat_penalty == 1.0f && sp.top_k >= 1 && sp.top_k <= kSampleMaxTopK);
}

int CudaMemoryModel::step_sample(int token, const SamplerParams & sp, double r, RetrievalStep * trace) {
    if (sp.temperature <= 0.0f) return step_pick(token, Head::GREEDY, trace);
    if (!device_sampling_ok(sp)) fail(Status::INTERNAL, "sampling parameters the device does not support");
    samp_ = sp;
    samp_.top_k = std::min(sp.top_k, hp_.n_vocab);
    staged_copy(r_.get(), &r, sizeof r);
    return step_pick(token, Head::SAMPLE, trace);
}

// Feeds `token` (or, with token < 0, the previous pick still on the device) and picks the next.
int CudaMemoryModel::step_pick(int token, Head mode, RetrievalStep * trace) {
    if (token >= 0) {
        if (token >= hp_.n_vocab) fail(Status::BAD_INPUT, "token id " + std::to_string(token) + " is outside the vocabulary");
        staged_copy(ids_.get(), &token, sizeof(int));
    } else {
        if (*pick_host_ < 0) fail(Status::INTERNAL, "device step without a previous pick");
        token = *pick_host_;
    }
    update_anchors(nullptr);
    if (opt_.graphs) {
        launch_graph(mode);
    } else {
        run_layers(1, StepKind::TOKEN, n_win_ + 1);
        head(mode, 1);
    }
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    const int pick = *pick_host_;
    finish_step({token}, StepKind::TOKEN, trace);
    return pick;
}

void CudaMemoryModel::fill_trace(RetrievalStep & tr, StepKind kind, int T) const {
    tr.kind = kind;
    tr.position = n_tokens_;
    tr.n_tokens = T;
    tr.token = T == 1 ? tokens_.back() : -1;
    tr.layers.assign(static_cast<size_t>(hp_.n_layer), {});
    const int nb = n_blocks(), n_sel = std::min(cfg_.topk, nb);
    if (n_sel <= 0) return;
    const bool with_qvec = has_qvec_ || kind == StepKind::QUESTION;
    for (int l = 0; l < hp_.n_layer; ++l) {
        const Layer & L = layers_[static_cast<size_t>(l)];
        BlockScores & b = tr.layers[static_cast<size_t>(l)];
        b.s_h = L.s_h.download(static_cast<size_t>(nb));
        if (with_qvec) b.s_q = L.s_q.download(static_cast<size_t>(nb));
        b.combined = L.combined.download(static_cast<size_t>(nb));
        b.selected = L.sel.download(static_cast<size_t>(n_sel));
        b.anchors = anchors_;
    }
}

void CudaMemoryModel::finish_step(const std::vector<int> & tokens, StepKind kind, RetrievalStep * trace) {
    const int T = static_cast<int>(tokens.size());
    tokens_.insert(tokens_.end(), tokens.begin(), tokens.end());
    if (trace) fill_trace(*trace, kind, T);
    n_tokens_ += T;
    n_win_ += T;
    if (kind == StepKind::QUESTION) has_qvec_ = true;
    cache_after_step(std::min(cfg_.topk, n_blocks()));
    trim();
}

// ---------------------------------------------------------------------------------------------
// Rows [n, n_win) of every window array move to the front: one copy into the other half of the
// double-buffered window per layer, then the halves swap (captured graphs are re-captured after
// any trim, since it changes the blocks or sinks they were captured for).
void CudaMemoryModel::shift_window(int n) {
    const long long rows = n_win_ - n, kv_words = static_cast<long long>(hp_.kv_dim()) * static_cast<long long>(kv_type_size(ct_)) / 4;
    WindowShift ws{};
    ws.n = 4;
    for (int a = 0; a < 4; ++a) {
        const long long row = a < 3 ? kv_words : hp_.n_head;
        ws.skip[a] = static_cast<long long>(n) * row;
        ws.words[a] = rows * row;
    }
    // Up to kWindowShiftLayers layers per launch.
    for (size_t l0 = 0; l0 < layers_.size(); l0 += kWindowShiftLayers) {
        ws.n_layers = static_cast<int>(std::min(layers_.size() - l0, static_cast<size_t>(kWindowShiftLayers)));
        for (int i = 0; i < ws.n_layers; ++i) {
            Layer & L = layers_[l0 + static_cast<size_t>(i)];
            const void * src[4] = {L.win_k.get(), L.win_krot.get(), L.win_v.get(), L.win_score.get()};
            void * dst[4] = {L.alt_k.get(), L.alt_krot.get(), L.alt_v.get(), L.alt_score.get()};
            for (int a = 0; a < 4; ++a) ws.src[i][a] = src[a], ws.dst[i][a] = dst[a];
        }
        CUDA_CHECK(launch_window_shift(ws, stream_));
    }
    for (auto & L : layers_) {
        std::swap(L.win_k, L.alt_k);
        std::swap(L.win_krot, L.alt_krot);
        std::swap(L.win_v, L.alt_v);
        std::swap(L.win_score, L.alt_score);
    }
}

// Tokens that left the local window become sinks, then whole blocks (the CPU twin is
// MemoryState::trim_window; blocks of one trim are cut in one launch per layer).
void CudaMemoryModel::trim() {
    const int NL = hp_.n_layer, KVD = hp_.kv_dim(), bs = cfg_.block_size;
    const size_t esz = kv_type_size(ct_);
    prof_->mark("start");
    while (n_win_ > cfg_.n_local) {
        if (n_sink_ < cfg_.n_init) {
            const int n = std::min(cfg_.n_init - n_sink_, n_win_ - cfg_.n_local);
            const size_t off = static_cast<size_t>(n_sink_) * KVD * esz, len = static_cast<size_t>(n) * KVD * esz;
            for (auto & L : layers_) {
                CUDA_CHECK(cudaMemcpyAsync(bytes(L.mem_k, off), L.win_k.get(), len, cudaMemcpyDeviceToDevice, stream_));
                CUDA_CHECK(cudaMemcpyAsync(bytes(L.mem_v, off), L.win_v.get(), len, cudaMemcpyDeviceToDevice, stream_));
            }
            shift_window(n);
            n_sink_ += n;
            win_start_ += n;
            n_win_ -= n;
            continue;
        }
        if (n_win_ - cfg_.n_local < bs) break;
        const int nb_new = (n_win_ - cfg_.n_local) / bs, nb = n_blocks();
        ensure_block_capacity(nb + nb_new);
        add_homes(nb_new);
        const size_t at = static_cast<size_t>(nb) * NL;
        staged_copy(tab_k_.get() + at, home_k_.data() + at, static_cast<size_t>(nb_new) * NL * sizeof(void *));
        staged_copy(tab_v_.get() + at, home_v_.data() + at, static_cast<size_t>(nb_new) * NL * sizeof(void *));
        // Every layer's keys and values stored, and their representatives, in a few launches.
        const long long elems = static_cast<long long>(bs) * KVD;
        for (int l0 = 0; l0 < NL; l0 += kBlockStoreSets / 2) {
            const int n = std::min(NL - l0, kBlockStoreSets / 2);
            BlockStoreSets ss{};
            ReprSets rs{};
            for (int i = 0; i < n; ++i) {
                const int l = l0 + i;
                Layer & L = layers_[static_cast<size_t>(l)];
                ss.s[2 * i] = {L.win_k.get(), tab_k_.get() + at + l, scale_k_.get() + at + l};
                ss.s[2 * i + 1] = {L.win_v.get(), tab_v_.get() + at + l, scale_v_.get() + at + l};
                rs.s[i] = {L.win_k.get(), L.win_score.get(), L.repr.get() + static_cast<size_t>(nb) * hp_.q_dim()};
            }
            CUDA_CHECK(launch_blocks_store_sets(ss, 2 * n, ct_, NL, st_, nb_new, elems, amax_.get(), stream_));
            CUDA_CHECK(launch_block_repr_sets(rs, n, ct_, nb_new, bs, hp_.n_head, hp_.n_head_kv, hp_.head_dim, cfg_.repr_topk, stream_));
        }
        shift_window(nb_new * bs);
        for (int b = 0; b < nb_new; ++b) blocks_.push_back({win_start_ + static_cast<int64_t>(b) * bs, bs});
        win_start_ += static_cast<int64_t>(nb_new) * bs;
        n_win_ -= nb_new * bs;
    }
    set_counters();
    prof_->mark("trim");
    prof_->collect();
}

// Slots for nb_new more blocks in every layer, entries [block][layer] appended to the homes.
void CudaMemoryModel::add_homes(int nb_new) {
    const size_t n = static_cast<size_t>(nb_new) * static_cast<size_t>(hp_.n_layer);
    for (size_t i = 0; i < n; ++i) {
        bool dk = false, dv = false;
        home_k_.push_back(pools_.back()->alloc(&dk));
        home_v_.push_back(pools_.back()->alloc(&dv));
        home_dev_.push_back(dk && dv);
        any_host_ = any_host_ || !(dk && dv);
    }
    start_cache();
}

// Offload mode: a cache of GPU slots for the host-resident blocks that steps select.
void CudaMemoryModel::start_cache() {
    if (!cache_ && opt_.cache_bytes > 0 && any_host_) {
        const size_t slot = pools_.back()->slot_bytes();
        const uint64_t want = opt_.cache_bytes == UINT64_MAX ? 4ull * std::max(cfg_.topk, 1) * hp_.n_layer * 2 * slot : opt_.cache_bytes;
        const int pairs = static_cast<int>(want / (2 * slot));
        if (pairs > 0) {
            try {
                cache_ = std::make_unique<GpuBlockCache>(slot, pairs, hp_.n_layer, cfg_.topk);
            } catch (const Error & e) {
                if (e.status() != Status::OUT_OF_MEMORY) throw;
                opt_.cache_bytes = 0; // no room: blocks are read from host memory in place
            }
        }
    }
}

void CudaMemoryModel::cache_after_step(int n_sel) {
    if (!cache_) return;
    std::vector<const int *> sel;
    for (const auto & L : layers_) sel.push_back(L.sel.get());
    const GpuBlockCache::Tables t{tab_k_.get(), tab_v_.get(), &home_k_, &home_v_, &home_dev_,
                                  [this](void * dst, const void * src, size_t n) { staged_copy(dst, src, n); }};
    cache_->after_step(stream_, sel, n_sel, t);
}

void CudaMemoryModel::set_block_budget(uint64_t bytes) { pools_.back()->set_device_budget(bytes); }
void CudaMemoryModel::synchronize() { CUDA_CHECK(cudaStreamSynchronize(stream_)); }

} // namespace quire
