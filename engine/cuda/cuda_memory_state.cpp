// CudaMemoryModel's state copies: forks on the device, and the host representation (MemoryState)
// for block store files and the CPU backend; the word-match anchors found from the host mirror.
#include "core/error.h"
#include "core/half.h"
#include "cuda/cuda_memory_model.h"
#include "cuda/pinned_buffer.h"
#include "head_major.cuh"
#include "kv_blocks.cuh"
#include "window.cuh"

#include <algorithm>
#include <cstring>
#include <cuda_fp8.h>
#include <limits>

namespace quire {

namespace {

// n elements of type t (on the host) widened to fp32 into out; fp8 times its block's scale.
void widen(const void * src, KvType t, size_t n, float scale, float * out) {
    if (t == KvType::F32) {
        std::memcpy(out, src, n * sizeof(float));
    } else if (t == KvType::BF16) {
        const auto * h = static_cast<const uint16_t *>(src);
        for (size_t i = 0; i < n; ++i) out[i] = bf16_to_fp32(h[i]);
    } else {
        const auto * q = static_cast<const __nv_fp8_e4m3 *>(src);
        for (size_t i = 0; i < n; ++i) out[i] = static_cast<float>(q[i]) * scale;
    }
}

// n elements of type t at a device (or mapped host) address, widened to fp32 on the host.
std::vector<float> fetch_f32(const void * p, KvType t, size_t n, float scale = 1.0f) {
    std::vector<float> out(n);
    if (n == 0) return out;
    std::vector<unsigned char> raw(n * kv_type_size(t));
    CUDA_CHECK(cudaMemcpy(raw.data(), p, raw.size(), cudaMemcpyDefault));
    widen(raw.data(), t, n, scale, out.data());
    return out;
}

} // namespace

void CudaMemoryModel::copy_state_from(const CudaMemoryModel & o) {
    CUDA_CHECK(cudaStreamSynchronize(o.stream_));
    const size_t NL = static_cast<size_t>(hp_.n_layer), KVD = static_cast<size_t>(hp_.kv_dim()), QD = static_cast<size_t>(hp_.q_dim()),
                 esz = kv_type_size(ct_), nb = static_cast<size_t>(o.n_blocks());
    // Room for the blocks a session's questions and answers cut (16 blocks: 2K tokens at the
    // default block size) without growing the representatives.
    ensure_block_capacity(o.n_blocks() + kForkBlockHeadroom);
    auto d2d = [&](void * dst, const void * src, size_t n) {
        if (n) CUDA_CHECK(cudaMemcpyAsync(dst, src, n, cudaMemcpyDeviceToDevice, stream_));
    };
    table_->share(*o.table_, static_cast<int>(nb), stream_); // shared blocks; new ones go to this one's own pool
    for (size_t l = 0; l < NL; ++l) {
        Layer & L = layers_[l];
        const Layer & S = o.layers_[l];
        const size_t win = static_cast<size_t>(o.win_.size()) * KVD * esz;
        const int li = static_cast<int>(l);
        d2d(win_[li].k.get(), o.win_[li].k.get(), win);
        d2d(win_[li].krot.get(), o.win_[li].krot.get(), win);
        d2d(win_[li].v.get(), o.win_[li].v.get(), win);
        d2d(win_[li].score.get(), o.win_[li].score.get(), static_cast<size_t>(o.win_.size()) * static_cast<size_t>(hp_.n_head) * sizeof(float));
        d2d(L.mem_k.get(), S.mem_k.get(), static_cast<size_t>(o.n_sink_) * KVD * esz);
        d2d(L.mem_v.get(), S.mem_v.get(), static_cast<size_t>(o.n_sink_) * KVD * esz);
        d2d(L.repr.get(), S.repr.get(), nb * QD * sizeof(float));
        d2d(L.qvec.get(), S.qvec.get(), QD * sizeof(float));
    }
    n_tokens_ = o.n_tokens_, n_sink_ = o.n_sink_, has_qvec_ = o.has_qvec_;
    win_.assign(o.win_.size(), o.win_.start());
    blocks_ = o.blocks_;
    tokens_ = o.tokens_;
    anchors_.reset(o.anchors_.index());
    set_counters();
    CUDA_CHECK(cudaStreamSynchronize(stream_));
}

std::unique_ptr<CudaMemoryModel> CudaMemoryModel::fork() const {
    auto f = std::make_unique<CudaMemoryModel>(w_, cfg_, opt_);
    f->copy_state_from(*this);
    // The session's new blocks share what is left of this state's GPU budget.
    f->set_block_budget(table_->budget_left());
    return f;
}

void CudaMemoryModel::download(MemoryState & host) const {
    CUDA_CHECK(cudaStreamSynchronize(stream_));
    const size_t NL = static_cast<size_t>(hp_.n_layer), KVD = static_cast<size_t>(hp_.kv_dim()), QD = static_cast<size_t>(hp_.q_dim()),
                 nb = static_cast<size_t>(n_blocks()), blk = static_cast<size_t>(cfg_.block_size) * KVD;
    host = MemoryState(hp_, cfg_);
    host.n_tokens = n_tokens_;
    host.n_sink = n_sink_;
    host.win_start = win_.start();
    host.blocks = blocks_;
    host.tokens = tokens_;
    host.lexical = anchors_.index();
    const std::vector<void *> & kp = table_->homes_k(), & vp = table_->homes_v();
    std::vector<float> ks(nb * NL), vs(nb * NL);
    if (nb) {
        CUDA_CHECK(cudaMemcpy(ks.data(), table_->scale_k(), nb * NL * sizeof(float), cudaMemcpyDeviceToHost));
        CUDA_CHECK(cudaMemcpy(vs.data(), table_->scale_v(), nb * NL * sizeof(float), cudaMemcpyDeviceToHost));
    }
    // The blocks come back kGroup at a time through one pinned buffer (asynchronous copies, one
    // wait per group; a copy per block into pageable memory waits every time) and are widened
    // to fp32 straight into the state's slabs, on every core.
    constexpr size_t kGroup = 64;
    const size_t esz = kv_type_size(st_), group = std::min(kGroup, std::max(nb, size_t(1)));
    PinnedBuffer<unsigned char> pin;
    if (nb) pin.resize(2 * group * blk * esz);
    std::vector<float *> dst(2 * group);
    for (size_t l = 0; l < NL; ++l) {
        const Layer & S = layers_[l];
        LayerMemory & L = host.layers[l];
        const GpuWindow::Rows & R = win_[static_cast<int>(l)];
        const size_t win = static_cast<size_t>(win_.size()) * KVD, sink = static_cast<size_t>(n_sink_) * KVD;
        L.sink_k = fetch_f32(S.mem_k.get(), ct_, sink);
        L.sink_v = fetch_f32(S.mem_v.get(), ct_, sink);
        L.win_k = fetch_f32(R.k.get(), ct_, win);
        L.win_krot = fetch_f32(R.krot.get(), ct_, win);
        L.win_v = fetch_f32(R.v.get(), ct_, win);
        L.win_score = R.score.download(static_cast<size_t>(win_.size()) * static_cast<size_t>(hp_.n_head));
        if (has_qvec_) L.qvec = S.qvec.download(QD);
        const auto repr = S.repr.download(nb * QD);
        for (size_t b0 = 0; b0 < nb; b0 += group) {
            const size_t n = std::min(group, nb - b0);
            for (size_t i = 0; i < n; ++i) {
                const size_t e = (b0 + i) * NL + l;
                CUDA_CHECK(cudaMemcpyAsync(pin.get() + (2 * i) * blk * esz, kp[e], blk * esz, cudaMemcpyDefault, stream_));
                CUDA_CHECK(cudaMemcpyAsync(pin.get() + (2 * i + 1) * blk * esz, vp[e], blk * esz, cudaMemcpyDefault, stream_));
                dst[2 * i] = host.pool->alloc(blk);
                dst[2 * i + 1] = host.pool->alloc(blk);
                float * r = host.repr_pool->alloc(QD);
                std::memcpy(r, repr.data() + (b0 + i) * QD, QD * sizeof(float));
                L.blk_k.push_back(dst[2 * i]);
                L.blk_v.push_back(dst[2 * i + 1]);
                L.blk_repr.push_back(r);
            }
            CUDA_CHECK(cudaStreamSynchronize(stream_));
            const int64_t halves = static_cast<int64_t>(2 * n);
#pragma omp parallel for schedule(static)
            for (int64_t j = 0; j < halves; ++j) {
                const size_t e = (b0 + static_cast<size_t>(j) / 2) * NL + l;
                widen(pin.get() + static_cast<size_t>(j) * blk * esz, st_, blk, (j % 2 ? vs : ks)[e], dst[static_cast<size_t>(j)]);
            }
        }
    }
}

void CudaMemoryModel::upload(const MemoryState & h) {
    if (h.n_layer != hp_.n_layer || h.head_dim != hp_.head_dim || h.n_head != hp_.n_head || h.n_head_kv != hp_.n_head_kv)
        fail(Status::BAD_INPUT, "block memory was built for another model shape");
    const MemoryConfig & c = h.cfg;
    if (c.n_init != cfg_.n_init || c.n_local != cfg_.n_local || c.block_size != cfg_.block_size || c.repr_topk != cfg_.repr_topk)
        fail(Status::BAD_INPUT, "block memory was built with other memory parameters");
    if (h.n_win() > win_.capacity() - cfg_.exc_block_size) fail(Status::BAD_INPUT, "block memory window is longer than this configuration allows");
    if (n_tokens_ != 0) fail(Status::INTERNAL, "upload into a used block memory");
    const size_t NL = static_cast<size_t>(hp_.n_layer), KVD = static_cast<size_t>(hp_.kv_dim()), QD = static_cast<size_t>(hp_.q_dim()),
                 nb = static_cast<size_t>(h.n_blocks()), blk = static_cast<size_t>(cfg_.block_size) * KVD;
    const size_t n_win = static_cast<size_t>(h.n_win()), n_sink = static_cast<size_t>(h.n_sink);
    ensure_block_capacity(h.n_blocks());
    table_->append(0, h.n_blocks(), *stage_);
    // fp32 staging on the device, converted by the same kernels that cut blocks and fill the
    // window; blocks go kGroup at a time (keys, then values), one wait per group.
    constexpr size_t kGroup = 32;
    const size_t group = std::min(kGroup, std::max(nb, size_t(1)));
    DeviceBuffer<float> stage(std::max({2 * group * blk, n_win * KVD * 3, n_sink * KVD, size_t(1)}));
    DeviceBuffer<StepCounters> zero(1);
    DeviceBuffer<float> amax(2 * group);
    std::vector<float> repr(nb * QD);
    const int stride = static_cast<int>(NL); // table entries are [block][layer]
    const StepCounters z{0, 0};
    CUDA_CHECK(cudaMemcpyAsync(zero.get(), &z, sizeof z, cudaMemcpyHostToDevice, stream_));
    auto put = [&](const float * src, size_t n, size_t at = 0) {
        if (n) CUDA_CHECK(cudaMemcpyAsync(stage.get() + at, src, n * sizeof(float), cudaMemcpyHostToDevice, stream_));
    };
    auto wait = [&] { CUDA_CHECK(cudaStreamSynchronize(stream_)); }; // the stage is reused
    for (size_t l = 0; l < NL; ++l) {
        const LayerMemory & S = h.layers[l];
        Layer & L = layers_[l];
        for (size_t b0 = 0; b0 < nb; b0 += group) {
            const size_t n = std::min(group, nb - b0), e = b0 * NL + l;
            for (size_t i = 0; i < n; ++i) put(S.blk_k[b0 + i], blk, i * blk), put(S.blk_v[b0 + i], blk, (group + i) * blk);
            CUDA_CHECK(launch_blocks_store(stage.get(), KvType::F32, table_->tab_k() + e, table_->scale_k() + e, stride, st_, static_cast<int>(n),
                                           static_cast<long long>(blk), amax.get(), stream_));
            CUDA_CHECK(launch_blocks_store(stage.get() + group * blk, KvType::F32, table_->tab_v() + e, table_->scale_v() + e, stride, st_,
                                           static_cast<int>(n), static_cast<long long>(blk), amax.get() + group, stream_));
            wait();
        }
        for (size_t b = 0; b < nb; ++b) std::copy(S.blk_repr[b], S.blk_repr[b] + QD, repr.begin() + static_cast<std::ptrdiff_t>(b * QD));
        if (nb) CUDA_CHECK(cudaMemcpyAsync(L.repr.get(), repr.data(), nb * QD * sizeof(float), cudaMemcpyHostToDevice, stream_));
        if (n_win) {
            put(S.win_k.data(), n_win * KVD);
            put(S.win_krot.data(), n_win * KVD, n_win * KVD);
            put(S.win_v.data(), n_win * KVD, 2 * n_win * KVD);
            const GpuWindow::Rows & R = win_[static_cast<int>(l)];
            CUDA_CHECK(launch_window_append(zero.get(), stage.get(), stage.get() + n_win * KVD, stage.get() + 2 * n_win * KVD, R.k.get(),
                                            R.krot.get(), R.v.get(), R.score.get(), static_cast<int>(n_win), static_cast<int>(KVD),
                                            hp_.n_head, ct_, stream_));
            CUDA_CHECK(cudaMemcpyAsync(R.score.get(), S.win_score.data(), S.win_score.size() * sizeof(float), cudaMemcpyHostToDevice, stream_));
            wait();
        }
        for (int kv = 0; kv < 2 && n_sink; ++kv) {
            put(kv ? S.sink_v.data() : S.sink_k.data(), n_sink * KVD);
            CUDA_CHECK(launch_to_head_major(stage.get(), (kv ? L.mem_v : L.mem_k).get(), 1, 1, static_cast<int>(n_sink * KVD), ct_, stream_));
            wait();
        }
        if (!S.qvec.empty()) CUDA_CHECK(cudaMemcpyAsync(L.qvec.get(), S.qvec.data(), QD * sizeof(float), cudaMemcpyHostToDevice, stream_));
    }
    n_tokens_ = h.n_tokens, n_sink_ = h.n_sink;
    win_.assign(h.n_win(), h.win_start);
    has_qvec_ = !h.layers.empty() && !h.layers[0].qvec.empty();
    blocks_ = h.blocks;
    tokens_ = h.tokens;
    anchors_.reset(h.lexical);
    set_counters();
    wait();
}

// GPU bytes of the representatives, scores and table entries (capacity, not use).
uint64_t CudaMemoryModel::repr_device_bytes() const {
    return static_cast<uint64_t>(blk_cap_) * static_cast<uint64_t>(hp_.n_layer) * (static_cast<uint64_t>(hp_.q_dim()) + 3) * sizeof(float) +
           static_cast<uint64_t>(blk_cap_) * static_cast<uint64_t>(hp_.n_layer) * (2 * sizeof(void *) + 2 * sizeof(float));
}

} // namespace quire
