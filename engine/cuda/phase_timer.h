// Where a stream's time goes, by phase: CUDA events recorded at phase ends, summed per phase
// name, printed on destruction. Enabled by QUIRE_PROFILE=1 (never inside graph captures).
#pragma once

#include <cuda_runtime.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace quire {

class PhaseTimer {
public:
    explicit PhaseTimer(cudaStream_t s);
    ~PhaseTimer();
    PhaseTimer(const PhaseTimer &) = delete;
    PhaseTimer & operator=(const PhaseTimer &) = delete;

    bool enabled() const { return on_ && !paused_; }
    void pause(bool p) { paused_ = p; }
    // The phase that ends now.
    void mark(const char * phase);
    // Wait for the recorded events and add their intervals to the totals.
    void collect();

private:
    cudaStream_t s_;
    bool on_ = false, paused_ = false;
    std::vector<std::pair<const char *, cudaEvent_t>> marks_;
    std::map<std::string, std::pair<double, long>> total_; // ms, count
};

} // namespace quire
