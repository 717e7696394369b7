// FNV-1a over a canonical description of the model.
#include "memory/model_fingerprint.h"

#include "model/model.h"

#include <cstdio>

namespace quire {

namespace {
struct Fnv {
    uint64_t h = 1469598103934665603ull;
    void bytes(const void * p, size_t n) {
        const auto * b = static_cast<const unsigned char *>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    }
    void str(const std::string & s) {
        const uint64_t n = s.size();
        bytes(&n, sizeof(n));
        bytes(s.data(), s.size());
    }
    template <typename T> void val(T v) { bytes(&v, sizeof(v)); }
};
} // namespace

uint64_t model_fingerprint(const Model & m) {
    Fnv f;
    const HParams & hp = m.hp;
    f.str(hp.arch_name);
    for (int v : {hp.n_vocab, hp.n_embd, hp.n_ff, hp.n_layer, hp.n_head, hp.n_head_kv, hp.head_dim, hp.n_ctx_train}) f.val(v);
    f.val(hp.rope_base);
    f.val(hp.norm_eps);
    f.val(static_cast<int>(hp.rope_layout));
    f.val(static_cast<int>(hp.rope_scaling.kind));
    f.val(hp.rope_scaling.factor);
    for (float x : hp.rope_freq_factors) f.val(x);
    f.val(m.info.n_params);
    f.val(m.info.weight_bytes);
    for (const auto & [type, count] : m.info.tensor_types) {
        f.str(type);
        f.val(count);
    }
    if (m.tokenizer) {
        f.str(m.tokenizer->kind());
        for (int id = 0; id < m.tokenizer->n_vocab(); ++id) {
            f.str(m.tokenizer->token_bytes(id));
            f.val(static_cast<int>(m.tokenizer->token_type(id)));
        }
    }
    return f.h;
}

std::string fingerprint_hex(uint64_t fp) {
    char buf[17];
    std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(fp));
    return buf;
}

} // namespace quire
