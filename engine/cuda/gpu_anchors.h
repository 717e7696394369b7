// Word-match anchors on the device. The anchors themselves are found on the host, by the rule
// both backends follow (LexicalIndex::step_anchors, memory/lexical_anchors.h); the device holds a
// bias per block, +inf at each anchor, that the scoring kernel adds into the ranks top-k reads,
// so that anchors take their slots first.
#pragma once

#include "cuda/device_buffer.h"
#include "cuda/host_stager.h"
#include "memory/lexical_anchors.h"
#include "memory/memory_state.h"

#include <vector>

namespace quire {

class GpuAnchors {
public:
    // Room for cap blocks (the bias is written again at the next update).
    void reserve(int cap);
    // This step's anchors under cfg (question: the question's tokens, given once, at its step);
    // the device bias is written when they or the number of blocks changed.
    void update(const MemoryConfig & cfg, const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens,
                const std::vector<int> * question, HostStager & stage);
    // A fork or an upload: the index of the state taken over, no anchors until the next update.
    void reset(const LexicalIndex & index);

    bool on() const { return !anchors_.empty(); }
    const std::vector<int> & anchors() const { return anchors_; } // this step's, best first
    const LexicalIndex & index() const { return index_; }
    float * bias() const { return bias_.get(); } // [cap]
    float * rank() const { return rank_.get(); } // [cap]: the scores with the bias, for top-k

private:
    LexicalIndex index_;
    std::vector<int> anchors_;
    int bias_blocks_ = -1; // blocks the device bias was written for (-1: stale)
    DeviceBuffer<float> bias_, rank_;
};

} // namespace quire
