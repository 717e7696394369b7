// Sampler implementation.
#include "sampling/sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace quire {

int argmax(const std::vector<float> & logits) {
    return static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

Sampler::Sampler(const SamplerParams & p) : p_(p), rng_(p.seed) {}

int Sampler::sample(std::vector<float> & logits, const std::vector<int> & history) {
    if (p_.repeat_penalty != 1.0f && p_.repeat_last_n > 0) {
        std::unordered_set<int> seen;
        const size_t from = history.size() > static_cast<size_t>(p_.repeat_last_n) ? history.size() - static_cast<size_t>(p_.repeat_last_n) : 0;
        for (size_t i = from; i < history.size(); ++i) seen.insert(history[i]);
        for (int id : seen) {
            if (id < 0 || static_cast<size_t>(id) >= logits.size()) continue;
            float & l = logits[static_cast<size_t>(id)];
            l = l > 0 ? l / p_.repeat_penalty : l * p_.repeat_penalty;
        }
    }
    if (p_.temperature <= 0.0f) return argmax(logits);
    return pick(logits, p_, next_uniform());
}

// A uniform draw from the raw 64-bit output: identical on every platform for a given seed.
double Sampler::next_uniform() { return static_cast<double>(rng_() >> 11) * (1.0 / 9007199254740992.0); }

int Sampler::pick(const std::vector<float> & logits, const SamplerParams & p, double r) {
    std::vector<int> idx(logits.size());
    std::iota(idx.begin(), idx.end(), 0);
    size_t n = idx.size();
    if (p.top_k > 0 && static_cast<size_t>(p.top_k) < n) n = static_cast<size_t>(p.top_k);
    std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(n), idx.end(),
                      [&](int a, int b) { return logits[static_cast<size_t>(a)] > logits[static_cast<size_t>(b)]; });
    idx.resize(n);
    std::vector<double> prob(n);
    const double mx = logits[static_cast<size_t>(idx[0])];
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
        prob[i] = std::exp((logits[static_cast<size_t>(idx[i])] - mx) / p.temperature);
        sum += prob[i];
    }
    for (auto & q : prob) q /= sum;
    if (p.top_p < 1.0f) {
        double cum = 0;
        size_t keep = n;
        for (size_t i = 0; i < n; ++i) {
            cum += prob[i];
            if (cum >= p.top_p) {
                keep = i + 1;
                break;
            }
        }
        prob.resize(keep);
        idx.resize(keep);
        const double s = std::accumulate(prob.begin(), prob.end(), 0.0);
        for (auto & q : prob) q /= s;
    }
    double cum = 0;
    for (size_t i = 0; i < prob.size(); ++i) {
        cum += prob[i];
        if (r < cum) return idx[i];
    }
    return idx.back();
}

} // namespace quire
