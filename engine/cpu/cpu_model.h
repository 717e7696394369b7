// The CPU backend's forward pass over a KV cache: feed tokens in chunks, get logits.
#pragma once

#include "backend/forward_backend.h"
#include "model/model.h"

#include <vector>

namespace quire::cpu {

class CpuModel : public ForwardBackend {
public:
    // n_ctx: the most positions this instance will hold (allocates the KV cache).
    CpuModel(const Model & model, int n_ctx);

    // Run tokens at positions n_past().. and append them to the cache. Returns the logits of
    // the last token; with all_logits, fills it with T rows of n_vocab logits.
    std::vector<float> eval(const std::vector<int> & tokens, std::vector<float> * all_logits = nullptr) override;

    int n_past() const override { return n_past_; }
    int n_ctx() const override { return n_ctx_; }
    const char * name() const override { return "cpu"; }
    void reset() { n_past_ = 0; }

private:
    const Model & m_;
    const HParams & hp_;
    int n_ctx_;
    int n_past_ = 0;
    std::vector<float> inv_freq_;
    std::vector<float> k_cache_, v_cache_; // [layer][pos][kv_dim]
};

} // namespace quire::cpu
