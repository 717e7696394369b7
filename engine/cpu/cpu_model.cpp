// Llama/Qwen2 decoder forward pass (pre-norm, GQA attention, SwiGLU FFN) in fp32.
#include "cpu/cpu_model.h"

#include "core/error.h"
#include "core/host_memory.h"
#include "cpu/causal_attention.h"
#include "cpu/layer_steps.h"
#include "cpu/ops.h"
#include "model/tensor_source.h"

#include <cmath>
#include <cstring>
#include <new>

namespace quire::cpu {

CpuModel::CpuModel(const Model & model, int n_ctx) : m_(model), hp_(model.hp), n_ctx_(n_ctx) {
    if (n_ctx <= 0) fail(Status::BAD_INPUT, "context size must be positive");
    if (m_.w.layers.empty()) fail(Status::INTERNAL, "model was loaded without weights");
    inv_freq_ = rope_inv_freq(hp_);
    const size_t n = static_cast<size_t>(hp_.n_layer) * static_cast<size_t>(n_ctx) * static_cast<size_t>(hp_.kv_dim());
    host_memory_check(n * 2 * sizeof(float), "a KV cache of " + std::to_string(n_ctx) + " positions");
    try {
        k_cache_.resize(n);
        v_cache_.resize(n);
    } catch (const std::bad_alloc &) {
        fail(Status::OUT_OF_MEMORY, "not enough memory for a KV cache of " + std::to_string(n_ctx) + " positions (" +
                                        std::to_string(n * 8 >> 20) + " MiB)");
    }
}

std::vector<float> CpuModel::eval(const std::vector<int> & tokens, std::vector<float> * all_logits) {
    const int T = static_cast<int>(tokens.size());
    if (T == 0) fail(Status::INTERNAL, "eval of no tokens");
    if (n_past_ + T > n_ctx_)
        fail(Status::BAD_INPUT, "sequence of " + std::to_string(n_past_ + T) + " tokens exceeds the context of " + std::to_string(n_ctx_));
    const int D = hp_.n_embd, QD = hp_.q_dim(), KVD = hp_.kv_dim(), HD = hp_.head_dim;
    const size_t layer_stride = static_cast<size_t>(n_ctx_) * static_cast<size_t>(KVD);

    std::vector<float> x(static_cast<size_t>(T) * D), xn(x.size()), q(static_cast<size_t>(T) * QD), k(static_cast<size_t>(T) * KVD),
        v(k.size()), att(q.size()), o(x.size());
    FfnScratch ffn;
    embed_tokens(m_, tokens, x.data());

    for (int l = 0; l < hp_.n_layer; ++l) {
        const LayerWeights & L = m_.w.layers[static_cast<size_t>(l)];
        attention_inputs(hp_, L, x.data(), T, xn.data(), q.data(), k.data(), v.data());
        float * kc = k_cache_.data() + static_cast<size_t>(l) * layer_stride;
        float * vc = v_cache_.data() + static_cast<size_t>(l) * layer_stride;
        for (int t = 0; t < T; ++t) {
            const int pos = n_past_ + t;
            rope(&q[static_cast<size_t>(t) * QD], hp_.n_head, HD, pos, inv_freq_, hp_.rope_layout);
            rope(&k[static_cast<size_t>(t) * KVD], hp_.n_head_kv, HD, pos, inv_freq_, hp_.rope_layout);
            std::memcpy(kc + static_cast<size_t>(pos) * KVD, &k[static_cast<size_t>(t) * KVD], sizeof(float) * static_cast<size_t>(KVD));
            std::memcpy(vc + static_cast<size_t>(pos) * KVD, &v[static_cast<size_t>(t) * KVD], sizeof(float) * static_cast<size_t>(KVD));
        }
        // Causal attention: token t sees positions 0 .. n_past + t.
        attention(q.data(), kc, vc, att.data(), T, n_past_, hp_.n_head, hp_.n_head_kv, HD);
        attention_output_and_ffn(hp_, L, att.data(), T, x.data(), xn.data(), o.data(), ffn);
    }
    n_past_ += T;

    const int V = hp_.n_vocab;
    if (all_logits) {
        all_logits->resize(static_cast<size_t>(T) * V);
        lm_head(m_, x.data(), 0, T, xn.data(), all_logits->data());
        return std::vector<float>(all_logits->end() - V, all_logits->end());
    }
    std::vector<float> last(static_cast<size_t>(V));
    lm_head(m_, x.data(), T - 1, 1, xn.data(), last.data());
    return last;
}

} // namespace quire::cpu
