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
#include "memory_softmax.cuh"
#include "qkv_prepare.cuh"
#include "rmsnorm.cuh"
#include "sampling.cuh"
#include "window.cuh"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quire {

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
    table_ = std::make_unique<GpuBlockTable>(hp_.n_layer, cfg_.topk, slot, opt_.block_budget, opt_.host_offload, opt_.cache_bytes);
    set_counters();
}

CudaMemoryModel::~CudaMemoryModel() {
    if (stream_) cudaStreamSynchronize(stream_);
    prof_.reset();
    stage_.reset();
    gemm_.reset();
    if (stream_) cudaStreamDestroy(stream_);
}

// Products that only feed a kernel computing in fp32 (QKV, gate/up) are written in the compute
// type: bf16 halves their traffic.
void CudaMemoryModel::mul_ct(int T, const GpuMatrix & w, float * y) {
    if (ct_ == KvType::BF16) gemm_->mul_bf16_out(b_.xb.get(), T, w, y);
    else gemm_->mul(b_.xb.get(), T, w, y);
}

bool CudaMemoryModel::flash_on() const { return opt_.flash && ct_ == KvType::BF16 && flash_reading_supported(hp_.head_dim); }

void CudaMemoryModel::alloc_state() {
    const size_t T = static_cast<size_t>(max_T_), D = static_cast<size_t>(hp_.n_embd), QD = static_cast<size_t>(hp_.q_dim()),
                 KVD = static_cast<size_t>(hp_.kv_dim()), F = static_cast<size_t>(hp_.n_ff), NH = static_cast<size_t>(hp_.n_head);
    const size_t esz = kv_type_size(ct_);
    // The window: n_local tokens, up to a block more waiting to be cut, and a step's tokens.
    const int win_cap = cfg_.n_local + cfg_.block_size + max_T_;
    const size_t n_cols = static_cast<size_t>(mem_cap_ + win_cap);
    win_.allocate(hp_.n_layer, win_cap, KVD * esz, hp_.n_head);
    layers_.resize(static_cast<size_t>(hp_.n_layer));
    for (auto & L : layers_) {
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
    for (auto * b : {&b_.x, &b_.o}) b->resize(T * D);
    for (auto * b : {&b_.q, &b_.qm}) b->resize(T * QD);
    b_.atth.resize(TB * QD);
    b_.kr.resize(T * KVD);
    b_.qkv.resize(T * (QD + 2 * KVD));
    b_.gu.resize(T * 2 * F);
    b_.xb.resize(T * std::max({D, QD, F}) * esz);
    b_.s.resize(NH * TB * n_cols);
    if (ct_ == KvType::BF16) b_.p.resize(NH * TB * n_cols * 2);
    b_.qh.resize(T * QD * esz);
    b_.qmh.resize(T * QD * esz);
    b_.qmean.resize(QD);
    b_.logits.resize(static_cast<size_t>(hp_.n_vocab));
    ctr_.resize(1);
    b_.amax.resize((T / static_cast<size_t>(cfg_.block_size) + 2) * static_cast<size_t>(kBlockStoreSets)); // blocks cut in one trim x sets
    b_.part.resize(NH * static_cast<size_t>(decode_attention_splits()) * static_cast<size_t>(hp_.head_dim + 2));
    b_.stats.resize(NH * T * 2);
    b_.rope.resize((T + 1) * static_cast<size_t>(hp_.head_dim / 2));
    io_.allocate(max_T_, hp_.n_vocab);
    stage_ = std::make_unique<HostStager>(stream_);
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
    const size_t QD = static_cast<size_t>(hp_.q_dim()), nb = static_cast<size_t>(n_blocks());
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
    anchors_.reserve(cap);
    table_->reserve(cap, static_cast<int>(nb), stream_); // waits for the copies above too
    blk_cap_ = cap;
}

void CudaMemoryModel::set_counters() {
    const StepCounters c{static_cast<int>(n_tokens_), win_.size()};
    staged_copy(ctr_.get(), &c, sizeof c);
}

// Final norm and LM head of the last token: logits to pinned host memory, or the argmax into
// the step's ids (the next step's input) and pinned host memory.
void CudaMemoryModel::head(Head mode, int T) {
    const int D = hp_.n_embd, V = hp_.n_vocab;
    prof_->mark("start");
    CUDA_CHECK(launch_add_rmsnorm(b_.x.get() + static_cast<size_t>(T - 1) * D, nullptr, w_->out_norm.get(), b_.xb.get(), ct_, 1, D, hp_.norm_eps, stream_));
    gemm_->mul(b_.xb.get(), 1, w_->lm_head(), b_.logits.get());
    if (mode != Head::LOGITS) {
        const SamplerParams & sp = io_.sampling();
        if (mode == Head::GREEDY) CUDA_CHECK(launch_argmax(b_.logits.get(), V, io_.ids(), stream_));
        else CUDA_CHECK(launch_sample_top_p(b_.logits.get(), V, sp.temperature, sp.top_k, sp.top_p, io_.uniform(), io_.ids(), stream_));
        io_.pick_to_host(stream_);
    } else {
        io_.logits_to_host(b_.logits.get(), stream_);
    }
    prof_->mark("head");
}

// Question steps only: the question vector on the host from this step's queries and keys.
void CudaMemoryModel::question_vector(int l, int T) {
    const size_t QD = static_cast<size_t>(hp_.q_dim()), KVD = static_cast<size_t>(hp_.kv_dim()), t = static_cast<size_t>(T);
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    const auto qm = b_.qm.download(t * QD), q = b_.q.download(t * QD), kr = b_.kr.download(t * KVD);
    std::vector<float> out(QD);
    quire::question_vector(hp_, cfg_.repr_topk, qm.data(), q.data(), kr.data(), T, out.data());
    staged_copy(layers_[static_cast<size_t>(l)].qvec.get(), out.data(), QD * sizeof(float));
}

void CudaMemoryModel::launch_graph(Head mode) {
    StepGraph::Key key;
    key.n_blocks = n_blocks(), key.n_sink = n_sink_, key.question = has_qvec_, key.anchored = anchors_.on();
    key.head = static_cast<int>(mode);
    if (mode == Head::SAMPLE) key.temperature = io_.sampling().temperature, key.top_k = io_.sampling().top_k, key.top_p = io_.sampling().top_p;
    if (!graph_.ready(key)) {
        graph_.capture(stream_, key, *prof_, [&] {
            run_layers(1, StepKind::TOKEN, cfg_.n_local + cfg_.block_size);
            head(mode, 1);
        });
    }
    graph_.replay(stream_, *prof_);
}

// ---------------------------------------------------------------------------------------------
std::vector<float> CudaMemoryModel::step(const std::vector<int> & tokens, StepKind kind, bool want_logits, RetrievalStep * trace) {
    const int T = static_cast<int>(tokens.size());
    if (T == 0) fail(Status::INTERNAL, "memory step of no tokens");
    if (T > max_T_) fail(Status::INTERNAL, "memory step of " + std::to_string(T) + " tokens exceeds the execution block of " + std::to_string(max_T_));
    for (int id : tokens)
        if (id < 0 || id >= hp_.n_vocab) fail(Status::BAD_INPUT, "token id " + std::to_string(id) + " is outside the vocabulary");
    io_.set_ids(tokens.data(), T, *stage_);
    update_anchors(kind == StepKind::QUESTION ? &tokens : nullptr);
    if (opt_.graphs && T == 1 && kind == StepKind::TOKEN) {
        launch_graph(Head::LOGITS);
    } else {
        run_layers(T, kind, win_.size() + T);
        if (want_logits) head(Head::LOGITS, T);
    }
    std::vector<float> logits;
    if (want_logits || trace || kind == StepKind::QUESTION) CUDA_CHECK(cudaStreamSynchronize(stream_));
    if (want_logits) logits.assign(io_.logits(), io_.logits() + hp_.n_vocab);
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
    io_.set_sampling(sp, r, *stage_);
    return step_pick(token, Head::SAMPLE, trace);
}

// Feeds `token` (or, with token < 0, the previous pick still on the device) and picks the next.
int CudaMemoryModel::step_pick(int token, Head mode, RetrievalStep * trace) {
    if (token >= 0) {
        if (token >= hp_.n_vocab) fail(Status::BAD_INPUT, "token id " + std::to_string(token) + " is outside the vocabulary");
        io_.set_ids(&token, 1, *stage_);
    } else {
        if (io_.pick() < 0) fail(Status::INTERNAL, "device step without a previous pick");
        token = io_.pick();
    }
    update_anchors(nullptr);
    if (opt_.graphs) {
        launch_graph(mode);
    } else {
        run_layers(1, StepKind::TOKEN, win_.size() + 1);
        head(mode, 1);
    }
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    const int pick = io_.pick();
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
        b.anchors = anchors_.anchors();
    }
}

void CudaMemoryModel::finish_step(const std::vector<int> & tokens, StepKind kind, RetrievalStep * trace) {
    const int T = static_cast<int>(tokens.size());
    tokens_.insert(tokens_.end(), tokens.begin(), tokens.end());
    if (trace) fill_trace(*trace, kind, T);
    n_tokens_ += T;
    win_.grow(T);
    if (kind == StepKind::QUESTION) has_qvec_ = true;
    cache_after_step(std::min(cfg_.topk, n_blocks()));
    trim();
}

void CudaMemoryModel::synchronize() { CUDA_CHECK(cudaStreamSynchronize(stream_)); }

} // namespace quire
