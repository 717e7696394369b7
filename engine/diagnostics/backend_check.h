// Every CUDA op against its CPU twin on fresh random inputs, outputs poisoned (NaN) before each
// run so that unwritten elements are caught; normalised error ||gpu - cpu|| / ||cpu|| against a
// threshold per op. Runs on the GPU machine (quire-cli backend-check) and in the test suite.
#pragma once

#include "cuda/cuda_device.h"

#include <string>

#include <string>
#include <vector>

namespace quire {

struct OpCheck {
    std::string op;
    double error = 0;
    double threshold = 0;
    bool ok = false;
};

struct BackendCheckReport {
    CudaDeviceInfo device;
    std::vector<OpCheck> ops;
    bool all_ok() const {
        for (const auto & o : ops)
            if (!o.ok) return false;
        return !ops.empty();
    }
};

// Requires a usable device (see cuda_device_info()).
BackendCheckReport cuda_backend_check(unsigned seed = 1234);

struct Model;

// A whole model on both backends: logits of every position of `tokens` (max abs difference)
// and 32 greedy tokens continuing them.
struct ModelCheck {
    float max_logit_diff = 0;
    double logit_error = 0; // ||gpu - cpu|| / ||cpu|| over all logits
    bool greedy_equal = false;
    std::vector<int> greedy_cpu, greedy_cuda;
};
ModelCheck cuda_model_check(const Model & model, const std::vector<int> & tokens, int n_greedy = 32, bool bf16 = false);

} // namespace quire
