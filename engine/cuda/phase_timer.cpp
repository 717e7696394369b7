// Event-based phase timing.
#include "cuda/phase_timer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace quire {

PhaseTimer::PhaseTimer(cudaStream_t s) : s_(s) {
    const char * e = std::getenv("QUIRE_PROFILE");
    on_ = e && *e && *e != '0';
}

PhaseTimer::~PhaseTimer() {
    collect();
    if (!on_ || total_.empty()) return;
    std::vector<std::pair<std::string, std::pair<double, long>>> rows(total_.begin(), total_.end());
    std::sort(rows.begin(), rows.end(), [](const auto & a, const auto & b) { return a.second.first > b.second.first; });
    double sum = 0;
    for (const auto & r : rows) sum += r.second.first;
    std::fprintf(stderr, "phase times (QUIRE_PROFILE), total %.1f ms:\n", sum);
    for (const auto & r : rows)
        std::fprintf(stderr, "  %-14s %10.2f ms %6.1f%%  (%ld)\n", r.first.c_str(), r.second.first, 100.0 * r.second.first / sum, r.second.second);
}

void PhaseTimer::mark(const char * phase) {
    if (!enabled()) return;
    cudaEvent_t e;
    if (cudaEventCreate(&e) != cudaSuccess) return;
    cudaEventRecord(e, s_);
    marks_.push_back({phase, e});
}

void PhaseTimer::collect() {
    if (marks_.empty()) return;
    cudaEventSynchronize(marks_.back().second);
    for (size_t i = 1; i < marks_.size(); ++i) {
        float ms = 0;
        cudaEventElapsedTime(&ms, marks_[i - 1].second, marks_[i].second);
        auto & t = total_[marks_[i].first];
        t.first += ms;
        ++t.second;
    }
    for (auto & m : marks_) cudaEventDestroy(m.second);
    marks_.clear();
}

} // namespace quire
