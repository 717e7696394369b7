#include "cpu/layer_steps.h"

#include "core/error.h"
#include "cpu/ops.h"

namespace quire::cpu {

void embed_tokens(const Model & m, const std::vector<int> & tokens, float * x) {
    const int D = m.hp.n_embd;
    for (size_t t = 0; t < tokens.size(); ++t) {
        const int id = tokens[t];
        if (id < 0 || id >= m.hp.n_vocab) fail(Status::BAD_INPUT, "token id " + std::to_string(id) + " is outside the vocabulary");
        m.w.tok_embd.dequantize_row(id, x + t * static_cast<size_t>(D));
    }
}

void attention_inputs(const HParams & hp, const LayerWeights & W, const float * x, int T, float * xn, float * q, float * k, float * v) {
    rmsnorm(x, W.attn_norm.data(), xn, T, hp.n_embd, hp.norm_eps);
    auto bias = [](const Vector & b) { return b.empty() ? nullptr : &b; };
    matmul_same_input(xn, T, {{&W.wq, q, bias(W.bq)}, {&W.wk, k, bias(W.bk)}, {&W.wv, v, bias(W.bv)}});
}

void attention_output_and_ffn(const HParams & hp, const LayerWeights & W, const float * att, int T, float * x, float * xn, float * o,
                              FfnScratch & s) {
    const size_t n = static_cast<size_t>(T) * static_cast<size_t>(hp.n_embd), nf = static_cast<size_t>(T) * static_cast<size_t>(hp.n_ff);
    s.g.resize(nf);
    s.u.resize(nf);
    matmul(att, T, W.wo, o);
    for (size_t i = 0; i < n; ++i) x[i] += o[i];
    rmsnorm(x, W.ffn_norm.data(), xn, T, hp.n_embd, hp.norm_eps);
    matmul_same_input(xn, T, {{&W.w_gate, s.g.data()}, {&W.w_up, s.u.data()}});
    swiglu(s.g.data(), s.u.data(), static_cast<int64_t>(nf));
    matmul(s.g.data(), T, W.w_down, o);
    for (size_t i = 0; i < n; ++i) x[i] += o[i];
}

void lm_head(const Model & m, const float * x, int first, int n, float * xn, float * out) {
    const int D = m.hp.n_embd;
    rmsnorm(x + static_cast<size_t>(first) * D, m.w.out_norm.data(), xn, n, D, m.hp.norm_eps);
    matmul(xn, n, m.w.lm_head(), out);
}

} // namespace quire::cpu
