// The forward pass as generation sees it, whatever runs it: the CPU backend (cpu/cpu_model.h) or
// the CUDA backend (cuda/cuda_model.h). generate/make_backend.h picks one.
#pragma once

#include <vector>

namespace quire {

class ForwardBackend {
public:
    virtual ~ForwardBackend() = default;
    // Run tokens at positions n_past().. and append them to the cache; the last token's logits,
    // and with all_logits every token's.
    virtual std::vector<float> eval(const std::vector<int> & tokens, std::vector<float> * all_logits = nullptr) = 0;
    virtual int n_past() const = 0;
    virtual int n_ctx() const = 0;
    virtual const char * name() const = 0;
};

} // namespace quire
