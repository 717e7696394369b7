// Sampling on the device, so that decoding needs no logits on the host: greedy (the index of
// the largest logit, ties to the lower index) and temperature with top-k (1..256) and top-p
// drawn with a given uniform number r (read from the device). CPU twins: quire::argmax and
// Sampler::pick.
#pragma once
#include <cuda_runtime.h>

namespace quire {

cudaError_t launch_argmax(const float * logits, int n, int * out, cudaStream_t stream);

constexpr int kSampleMaxTopK = 256;
cudaError_t launch_sample_top_p(const float * logits, int n, float temperature, int top_k, float top_p, const double * r, int * out,
                                cudaStream_t stream);

} // namespace quire
