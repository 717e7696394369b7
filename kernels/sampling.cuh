// Greedy sampling on the device: the index of the largest logit (ties to the lower index, as
// the CPU sampler), so that decoding needs no logits on the host. CPU twin: quire::argmax.
#pragma once
#include <cuda_runtime.h>

cudaError_t launch_argmax(const float * logits, int n, int * out, cudaStream_t stream);
