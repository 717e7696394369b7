// What crosses between the host and a step of block memory on the device: the token ids in;
// out, either the last token's logits or the device's pick (argmax, or a token drawn with the
// sampling parameters and a uniform number the host gives). Outputs land in pinned host memory,
// read once the stream has run.
#pragma once

#include "cuda/device_buffer.h"
#include "cuda/host_stager.h"
#include "cuda/pinned_buffer.h"
#include "sampling/sampler.h"

#include <cuda_runtime.h>

namespace quire {

class GpuStepIo {
public:
    void allocate(int max_tokens, int n_vocab);

    // The step's ids on the device; after a pick, the pick (the next step's input).
    int * ids() const { return ids_.get(); }
    void set_ids(const int * ids, int n, HostStager & stage);

    // The next pick's sampling: sp (top_k capped at the vocabulary), drawing with r.
    void set_sampling(const SamplerParams & sp, double r, HostStager & stage);
    const SamplerParams & sampling() const { return samp_; } // kernel arguments (part of a graph's key)
    double * uniform() const { return r_.get(); }

    // Copies to the host, ordered on the stream: the pick (ids()[0]), or the logits.
    void pick_to_host(cudaStream_t stream);
    void logits_to_host(const float * logits, cudaStream_t stream);
    // Once the stream has run: the last pick (-1 before the first), the last logits [n_vocab].
    int pick() const { return *pick_.get(); }
    const float * logits() const { return logits_.get(); }

private:
    int n_vocab_ = 0;
    DeviceBuffer<int> ids_;
    DeviceBuffer<double> r_;
    SamplerParams samp_;
    PinnedBuffer<int> pick_;
    PinnedBuffer<float> logits_;
};

} // namespace quire
