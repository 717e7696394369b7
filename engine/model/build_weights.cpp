// Turning stored tensors of any supported type into fp32 weights, with shape checks.
#include "model/tensor_source.h"

#include "core/error.h"
#include "model/ggml_type.h"

#include <cmath>
#include <cstring>
#include <new>

namespace quire {

namespace {

std::string shape_str(const std::vector<uint64_t> & ne) {
    std::string s = "[";
    for (size_t i = 0; i < ne.size(); ++i) s += (i ? ", " : "") + std::to_string(ne[i]);
    return s + "]";
}

// Validates a stored tensor against the expected shape and returns a view of it.
Tensor view_tensor(const SourceTensor & st, int64_t rows, int64_t cols, const std::string & source, Weights & w) {
    uint64_t rest = 1;
    for (size_t i = 1; i < st.ne.size(); ++i) rest *= st.ne[i];
    if (st.ne.empty() || st.ne[0] != static_cast<uint64_t>(cols) || rest != static_cast<uint64_t>(rows))
        fail(Status::BAD_INPUT, source + ": tensor '" + st.stored_name + "' has shape " + shape_str(st.ne) + ", expected [" +
                                    std::to_string(cols) + ", " + std::to_string(rows) + "]");
    auto info = ggml_type_info(st.type);
    if (!info || !info->can_dequantize)
        fail(Status::UNSUPPORTED, source + ": tensor '" + st.stored_name + "' has type " + ggml_type_name(st.type) +
                                      ", which this version of Quire cannot load");
    const auto row_bytes = ggml_row_bytes(static_cast<GgmlType>(st.type), static_cast<uint64_t>(cols));
    if (!row_bytes || *row_bytes * static_cast<uint64_t>(rows) > st.nbytes)
        fail(Status::BAD_INPUT, source + ": tensor '" + st.stored_name + "' holds fewer bytes than its shape needs");
    Tensor t;
    t.rows = rows;
    t.cols = cols;
    t.type = static_cast<GgmlType>(st.type);
    t.row_bytes = *row_bytes;
    t.data = st.data;
    if (t.type == GgmlType::F32 && reinterpret_cast<uintptr_t>(st.data) % alignof(float) != 0) {
        // fp32 rows are used in place; a misaligned one (possible in safetensors) gets an aligned copy.
        std::shared_ptr<std::vector<float>> copy;
        try {
            copy = std::make_shared<std::vector<float>>(static_cast<size_t>(rows * cols));
        } catch (const std::bad_alloc &) {
            fail(Status::OUT_OF_MEMORY, source + ": not enough memory for tensor '" + st.stored_name + "'");
        }
        std::memcpy(copy->data(), st.data, copy->size() * sizeof(float));
        t.data = reinterpret_cast<const uint8_t *>(copy->data());
        w.storage.push_back(std::move(copy));
    }
    return t;
}

Vector to_vector(const Tensor & t) {
    Vector v(static_cast<size_t>(t.rows * t.cols));
    for (int64_t r = 0; r < t.rows; ++r) t.dequantize_row(r, v.data() + r * t.cols);
    return v;
}

} // namespace

Weights build_weights(const HParams & hp, const TensorLookup & lookup, const std::string & source, ModelInfo & info) {
    Weights w;
    auto get = [&](const std::string & name, int64_t rows, int64_t cols) -> Tensor {
        const SourceTensor * st = lookup(name);
        if (!st) fail(Status::BAD_INPUT, source + ": missing tensor '" + name + "'");
        info.tensor_types[ggml_type_name(st->type)]++;
        info.n_params += static_cast<uint64_t>(rows * cols);
        Tensor t = view_tensor(*st, rows, cols, source, w);
        info.weight_bytes += t.row_bytes * static_cast<uint64_t>(rows);
        return t;
    };
    auto vec = [&](const std::string & name, int64_t n) { return to_vector(get(name, 1, n)); };
    w.tok_embd = get("token_embd.weight", hp.n_vocab, hp.n_embd);
    w.out_norm = vec("output_norm.weight", hp.n_embd);
    if (!hp.tied_embeddings) w.output = get("output.weight", hp.n_vocab, hp.n_embd);
    w.layers.resize(static_cast<size_t>(hp.n_layer));
    for (int l = 0; l < hp.n_layer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        auto & L = w.layers[static_cast<size_t>(l)];
        L.attn_norm = vec(p + "attn_norm.weight", hp.n_embd);
        L.wq = get(p + "attn_q.weight", hp.q_dim(), hp.n_embd);
        L.wk = get(p + "attn_k.weight", hp.kv_dim(), hp.n_embd);
        L.wv = get(p + "attn_v.weight", hp.kv_dim(), hp.n_embd);
        L.wo = get(p + "attn_output.weight", hp.n_embd, hp.q_dim());
        if (hp.qkv_bias) {
            L.bq = vec(p + "attn_q.bias", hp.q_dim());
            L.bk = vec(p + "attn_k.bias", hp.kv_dim());
            L.bv = vec(p + "attn_v.bias", hp.kv_dim());
        }
        L.ffn_norm = vec(p + "ffn_norm.weight", hp.n_embd);
        L.w_gate = get(p + "ffn_gate.weight", hp.n_ff, hp.n_embd);
        L.w_up = get(p + "ffn_up.weight", hp.n_ff, hp.n_embd);
        L.w_down = get(p + "ffn_down.weight", hp.n_embd, hp.n_ff);
    }
    return w;
}

std::vector<float> rope_inv_freq(const HParams & hp) {
    const int half = hp.head_dim / 2;
    std::vector<float> inv(static_cast<size_t>(half));
    const auto & rs = hp.rope_scaling;
    for (int i = 0; i < half; ++i) {
        // float32 like the reference implementations, so positions agree to the last bit that matters.
        const float f = 1.0f / std::pow(hp.rope_base, static_cast<float>(2 * i) / static_cast<float>(hp.head_dim));
        float g = f;
        if (!hp.rope_freq_factors.empty()) {
            g = f / hp.rope_freq_factors[static_cast<size_t>(i)];
        } else if (rs.kind == RopeScaling::Kind::LINEAR) {
            g = f / rs.factor;
        } else if (rs.kind == RopeScaling::Kind::LLAMA3) {
            const float low_wavelen = static_cast<float>(rs.original_context) / rs.low_freq_factor;
            const float high_wavelen = static_cast<float>(rs.original_context) / rs.high_freq_factor;
            const float wavelen = 2.0f * static_cast<float>(M_PI) / f;
            if (wavelen > low_wavelen) {
                g = f / rs.factor;
            } else if (wavelen >= high_wavelen) {
                const float smooth = (static_cast<float>(rs.original_context) / wavelen - rs.low_freq_factor) /
                                     (rs.high_freq_factor - rs.low_freq_factor);
                g = (1.0f - smooth) * f / rs.factor + smooth * f;
            }
        }
        inv[static_cast<size_t>(i)] = g;
    }
    return inv;
}

} // namespace quire
