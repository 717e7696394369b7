// Token sampling: greedy, or temperature with top-k / top-p, a repetition penalty, and a seed
// that makes every run reproducible.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace quire {

struct SamplerParams {
    float temperature = 0.0f;     // 0: greedy
    int top_k = 40;               // 0: off
    float top_p = 0.95f;          // 1: off
    float repeat_penalty = 1.0f;  // 1: off; > 1 discourages tokens seen in the last repeat_last_n
    int repeat_last_n = 64;
    uint64_t seed = 0;
};

class Sampler {
public:
    explicit Sampler(const SamplerParams & p);
    // Picks a token from logits (modified in place by the penalty); `history` is the sequence so far.
    int sample(std::vector<float> & logits, const std::vector<int> & history);
    // The next uniform number in [0, 1) of this sampler's stream (what sample() draws).
    double next_uniform();
    // Temperature / top-k / top-p pick with the uniform number r (no penalty; temperature > 0).
    static int pick(const std::vector<float> & logits, const SamplerParams & p, double r);

private:
    SamplerParams p_;
    std::mt19937_64 rng_;
};

int argmax(const std::vector<float> & logits);

} // namespace quire
