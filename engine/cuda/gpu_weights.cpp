// Weights on the GPU.
#include "cuda/gpu_weights.h"

#include "convert.cuh"
#include "core/half.h"
#include "model/model.h"
#include "model/tensor_source.h"
#include "random_fill.cuh"

#include <algorithm>

namespace quire {

namespace {

void upload_rows(const Tensor & t, CudaPrecision p, GpuMatrix & m, size_t row_base);

DeviceBuffer<float> upload_vector(const std::vector<float> & v) {
    DeviceBuffer<float> d(v.size());
    if (!v.empty()) d.upload(v);
    return d;
}

// Dequantise stored matrices of the same width on the host, a slab of rows at a time, and upload
// them stacked into one matrix (bf16 with round-to-nearest-even, or fp32).
GpuMatrix upload_stacked(const std::vector<const Tensor *> & parts, CudaPrecision p) {
    GpuMatrix m;
    for (const Tensor * t : parts) {
        if (t->cols != parts[0]->cols) fail(Status::INTERNAL, "stacked matrices of different widths");
        m.rows += static_cast<int>(t->rows);
    }
    m.cols = static_cast<int>(parts[0]->cols);
    if (m.rows == 0) return m;
    const size_t total = static_cast<size_t>(m.rows) * static_cast<size_t>(m.cols);
    if (p == CudaPrecision::BF16) m.bf16.resize(total);
    else m.f32.resize(total);
    size_t row0 = 0;
    for (const Tensor * t : parts) {
        upload_rows(*t, p, m, row0);
        row0 += static_cast<size_t>(t->rows);
    }
    return m;
}

GpuMatrix upload_matrix(const Tensor & t, CudaPrecision p) { return upload_stacked({&t}, p); }

void upload_rows(const Tensor & t, CudaPrecision p, GpuMatrix & m, size_t row_base) {
    const int64_t slab = std::max<int64_t>(1, (int64_t(16) << 20) / std::max<int64_t>(t.cols, 1));
    std::vector<float> buf;
    std::vector<uint16_t> half;
    for (int64_t r0 = 0; r0 < t.rows; r0 += slab) {
        const int64_t n = std::min(slab, t.rows - r0);
        buf.resize(static_cast<size_t>(n * t.cols));
#pragma omp parallel for schedule(static)
        for (int64_t r = 0; r < n; ++r) t.dequantize_row(r0 + r, buf.data() + r * t.cols);
        if (p == CudaPrecision::BF16) {
            half.resize(buf.size());
#pragma omp parallel for schedule(static)
            for (size_t i = 0; i < buf.size(); ++i) half[i] = fp32_to_bf16(buf[i]);
            m.bf16.upload(half.data(), half.size(), (row_base + static_cast<size_t>(r0)) * static_cast<size_t>(t.cols));
        } else {
            m.f32.upload(buf.data(), buf.size(), (row_base + static_cast<size_t>(r0)) * static_cast<size_t>(t.cols));
        }
    }
}

GpuMatrix random_matrix(int rows, int cols, CudaPrecision p, uint64_t seed) {
    GpuMatrix m;
    m.rows = rows;
    m.cols = cols;
    const size_t n = static_cast<size_t>(rows) * static_cast<size_t>(cols);
    void * ptr = nullptr;
    if (p == CudaPrecision::BF16) m.bf16.resize(n), ptr = m.bf16.get();
    else m.f32.resize(n), ptr = m.f32.get();
    CUDA_CHECK(launch_fill_normal(ptr, p == CudaPrecision::BF16 ? KvType::BF16 : KvType::F32, static_cast<long long>(n), seed, 0.02f, nullptr));
    return m;
}

// Whether the model keeps its weights on the device in p (the caller holds c.mutex).
bool holds(const Model::DeviceWeights & c, CudaPrecision p) { return c.weights && c.key == static_cast<int>(p); }

} // namespace

uint64_t GpuWeights::bytes_needed(const HParams & hp, CudaPrecision p) {
    const uint64_t elem = p == CudaPrecision::BF16 ? 2 : 4;
    const uint64_t D = static_cast<uint64_t>(hp.n_embd);
    const uint64_t per_layer = D * static_cast<uint64_t>(hp.q_dim()) * 2 + D * static_cast<uint64_t>(hp.kv_dim()) * 2 + D * static_cast<uint64_t>(hp.n_ff) * 3;
    const uint64_t emb = D * static_cast<uint64_t>(hp.n_vocab) * (hp.tied_embeddings ? 1 : 2);
    return (per_layer * static_cast<uint64_t>(hp.n_layer) + emb) * elem;
}

void GpuWeights::check_room(const Model & model, CudaPrecision p, uint64_t reserve, const std::string & what) {
    bool uploaded = false;
    {
        std::lock_guard<std::mutex> lock(model.device_weights->mutex);
        uploaded = holds(*model.device_weights, p);
    }
    const uint64_t need = uploaded ? 0 : bytes_needed(model.hp, p);
    size_t free_b = 0, total_b = 0;
    CUDA_CHECK(cudaMemGetInfo(&free_b, &total_b));
    if (need + reserve > free_b)
        fail(Status::OUT_OF_MEMORY, "the model (" + std::to_string(need >> 20) + " MiB on the GPU) and " + what + " (" + std::to_string(reserve >> 20) +
                                        " MiB) do not fit the GPU's " + std::to_string(free_b >> 20) + " MiB free");
}

std::shared_ptr<const GpuWeights> GpuWeights::shared(const Model & model, CudaPrecision p) {
    Model::DeviceWeights & c = *model.device_weights;
    std::lock_guard<std::mutex> lock(c.mutex);
    if (holds(c, p)) return std::static_pointer_cast<const GpuWeights>(c.weights);
    c.weights.reset(); // the other precision's copy goes first (once no backend holds it)
    std::shared_ptr<const GpuWeights> w = upload(model, p);
    c.weights = w;
    c.key = static_cast<int>(p);
    return w;
}

std::shared_ptr<GpuWeights> GpuWeights::upload(const Model & model, CudaPrecision p) {
    if (model.w.layers.empty()) fail(Status::INTERNAL, "model was loaded without weights");
    auto w = std::make_shared<GpuWeights>();
    w->hp = model.hp;
    w->precision = p;
    w->tok_embd = upload_matrix(model.w.tok_embd, p);
    w->out_norm = upload_vector(model.w.out_norm);
    if (!model.w.output.empty()) w->output = upload_matrix(model.w.output, p);
    w->inv_freq = upload_vector(rope_inv_freq(model.hp));
    w->layers.resize(static_cast<size_t>(model.hp.n_layer));
    for (size_t l = 0; l < w->layers.size(); ++l) {
        const LayerWeights & W = model.w.layers[l];
        GpuLayer & L = w->layers[l];
        L.attn_norm = upload_vector(W.attn_norm);
        L.ffn_norm = upload_vector(W.ffn_norm);
        L.wqkv = upload_stacked({&W.wq, &W.wk, &W.wv}, p);
        L.wo = upload_matrix(W.wo, p);
        L.w_gu = upload_stacked({&W.w_gate, &W.w_up}, p);
        L.w_down = upload_matrix(W.w_down, p);
        L.bq = upload_vector(W.bq);
        L.bk = upload_vector(W.bk);
        L.bv = upload_vector(W.bv);
    }
    return w;
}

std::shared_ptr<GpuWeights> GpuWeights::random(const HParams & hp, CudaPrecision p, uint64_t seed) {
    auto w = std::make_shared<GpuWeights>();
    w->hp = hp;
    w->precision = p;
    const int D = hp.n_embd;
    uint64_t s = seed * 1000003ull;
    w->tok_embd = random_matrix(hp.n_vocab, D, p, ++s);
    if (!hp.tied_embeddings) w->output = random_matrix(hp.n_vocab, D, p, ++s);
    const std::vector<float> ones(static_cast<size_t>(D), 1.0f);
    w->out_norm = upload_vector(ones);
    w->inv_freq = upload_vector(rope_inv_freq(hp));
    w->layers.resize(static_cast<size_t>(hp.n_layer));
    for (auto & L : w->layers) {
        L.attn_norm = upload_vector(ones);
        L.ffn_norm = upload_vector(ones);
        L.wqkv = random_matrix(hp.q_dim() + 2 * hp.kv_dim(), D, p, ++s);
        L.wo = random_matrix(D, hp.q_dim(), p, ++s);
        L.w_gu = random_matrix(2 * hp.n_ff, D, p, ++s);
        L.w_down = random_matrix(D, hp.n_ff, p, ++s);
    }
    CUDA_CHECK(cudaDeviceSynchronize());
    return w;
}

} // namespace quire
