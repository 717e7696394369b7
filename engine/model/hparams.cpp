// Consistency checks for hyper-parameters read from untrusted files.
#include "model/hparams.h"

#include "core/error.h"

#include <cmath>

namespace quire {

const char * arch_display_name(Arch a) {
    switch (a) {
    case Arch::LLAMA: return "llama";
    case Arch::QWEN2: return "qwen2";
    }
    return "?";
}

void hparams_validate(const HParams & hp, const std::string & source) {
    auto check = [&](bool ok, const std::string & what) {
        if (!ok) fail(Status::BAD_INPUT, source + ": invalid hyper-parameters: " + what);
    };
    constexpr int kBig = 1 << 20;
    check(hp.n_vocab > 0 && hp.n_vocab <= 4 * kBig, "vocabulary size " + std::to_string(hp.n_vocab));
    check(hp.n_embd > 0 && hp.n_embd <= kBig, "embedding size " + std::to_string(hp.n_embd));
    check(hp.n_ff > 0 && hp.n_ff <= 4 * kBig, "feed-forward size " + std::to_string(hp.n_ff));
    check(hp.n_layer > 0 && hp.n_layer <= 4096, "layer count " + std::to_string(hp.n_layer));
    check(hp.n_head > 0 && hp.n_head <= 4096, "head count " + std::to_string(hp.n_head));
    check(hp.n_head_kv > 0 && hp.n_head % hp.n_head_kv == 0,
          "KV head count " + std::to_string(hp.n_head_kv) + " must divide head count " + std::to_string(hp.n_head));
    check(hp.head_dim > 0 && hp.head_dim % 2 == 0 && hp.head_dim <= 4096, "head size " + std::to_string(hp.head_dim));
    check(hp.n_ctx_train > 0, "context length " + std::to_string(hp.n_ctx_train));
    check(std::isfinite(hp.rope_base) && hp.rope_base > 0, "rope base");
    check(std::isfinite(hp.norm_eps) && hp.norm_eps > 0 && hp.norm_eps < 1, "norm epsilon");
    check(std::isfinite(hp.rope_scaling.factor) && hp.rope_scaling.factor > 0, "rope scaling factor");
}

} // namespace quire
