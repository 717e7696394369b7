// A decoding step (one token) captured as a CUDA graph and replayed: the step's launches cost
// one graph launch. The graph holds the shapes and kernel arguments it was captured with, so it
// is captured again whenever one of them changes (StepGraph::Key): the blocks and sinks after a
// trim, the question vector, the anchors, the head's mode and sampling parameters.
#pragma once

#include "cuda/phase_timer.h"

#include <cuda_runtime.h>

#include <functional>

namespace quire {

class StepGraph {
public:
    struct Key {
        int n_blocks = -1, n_sink = -1;
        bool question = false, anchored = false;
        int head = 0;                 // the step's head: logits, greedy pick or sampling
        float temperature = 0, top_p = 0;
        int top_k = 0;                // sampling parameters (zero unless the head samples)
        bool operator==(const Key &) const = default;
    };

    StepGraph() = default;
    ~StepGraph();
    StepGraph(const StepGraph &) = delete;
    StepGraph & operator=(const StepGraph &) = delete;

    // Whether the graph was captured for `key` (else capture it again before replaying).
    bool ready(const Key & key) const { return exec_ && key == key_; }
    // Captures `record` (which enqueues the step on the stream) for `key`; the timer pauses.
    void capture(cudaStream_t stream, const Key & key, PhaseTimer & timer, const std::function<void()> & record);
    void replay(cudaStream_t stream, PhaseTimer & timer);

private:
    cudaGraphExec_t exec_ = nullptr;
    Key key_;
};

} // namespace quire
