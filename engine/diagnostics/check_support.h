// What the op checks share (internal to diagnostics/): random inputs, device copies, outputs
// poisoned with NaN so that unwritten elements are caught, the normalised error against the
// CPU twin, and the checks of backend_check.cpp kept in files of their own.
#pragma once

#include "cuda/device_buffer.h"

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace quire {

struct Rng {
    std::mt19937 g;
    std::vector<float> normal(size_t n, float sd = 1.0f) {
        std::normal_distribution<float> d(0.0f, sd);
        std::vector<float> v(n);
        for (auto & x : v) x = d(g);
        return v;
    }
};

// ||gpu - cpu|| / ||cpu||; infinity when the GPU left a non-finite value (poisoned or broken).
double norm_error(const std::vector<float> & gpu, const std::vector<float> & cpu);
DeviceBuffer<float> dev(const std::vector<float> & v);
DeviceBuffer<float> poisoned(size_t n); // NaN everywhere
std::vector<float> bf16_rounded(Rng & rng, size_t n); // normal values that bf16 holds exactly
DeviceBuffer<uint16_t> dev_bf16(const std::vector<float> & v);
std::vector<float> download_bf16(const DeviceBuffer<uint16_t> & d, size_t n);

// Records one op's error against its threshold.
using CheckAdd = std::function<void(const std::string & op, double error, double threshold)>;

// The decoding kernels (GEMVs, split-key attention): decode_op_checks.cpp.
void check_decode_ops(Rng & rng, const CheckAdd & add);
// The block-memory kernels (scores, top-k, representatives, masked softmax, block storage):
// memory_op_checks.cpp.
void check_memory_ops(Rng & rng, const CheckAdd & add);

} // namespace quire
