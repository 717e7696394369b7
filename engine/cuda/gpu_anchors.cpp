#include "cuda/gpu_anchors.h"

#include <limits>

namespace quire {

void GpuAnchors::reserve(int cap) {
    bias_.resize(static_cast<size_t>(cap));
    rank_.resize(static_cast<size_t>(cap));
    bias_blocks_ = -1;
}

void GpuAnchors::update(const MemoryConfig & cfg, const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens,
                        const std::vector<int> * question, HostStager & stage) {
    if (question) index_.add_question(*question);
    const std::vector<int> & a = index_.step_anchors(cfg, blocks, tokens);
    const int nb = static_cast<int>(blocks.size());
    if (a == anchors_ && (a.empty() || nb == bias_blocks_)) return;
    anchors_ = a;
    bias_blocks_ = nb;
    if (anchors_.empty()) return;
    std::vector<float> bias(static_cast<size_t>(nb), 0.0f);
    for (int b : anchors_) bias[static_cast<size_t>(b)] = std::numeric_limits<float>::infinity();
    stage.copy(bias_.get(), bias.data(), bias.size() * sizeof(float));
}

void GpuAnchors::reset(const LexicalIndex & index) {
    index_ = index;
    anchors_.clear();
    bias_blocks_ = -1;
}

} // namespace quire
