#include "diagnostics/check_support.h"

#include "core/half.h"

#include <algorithm>
#include <cmath>

namespace quire {

double norm_error(const std::vector<float> & gpu, const std::vector<float> & cpu) {
    double num = 0, den = 0;
    for (size_t i = 0; i < cpu.size(); ++i) {
        if (!std::isfinite(gpu[i])) return INFINITY; // poisoned or broken
        num += (static_cast<double>(gpu[i]) - cpu[i]) * (static_cast<double>(gpu[i]) - cpu[i]);
        den += static_cast<double>(cpu[i]) * cpu[i];
    }
    return std::sqrt(num / std::max(den, 1e-30));
}

DeviceBuffer<float> dev(const std::vector<float> & v) {
    DeviceBuffer<float> d(v.size());
    d.upload(v);
    return d;
}
DeviceBuffer<float> poisoned(size_t n) {
    DeviceBuffer<float> d(n);
    CUDA_CHECK(cudaMemset(d.get(), 0xFF, n * sizeof(float))); // all-ones bits: NaN
    return d;
}


std::vector<float> bf16_rounded(Rng & rng, size_t n) {
    auto v = rng.normal(n);
    for (auto & x : v) x = bf16_to_fp32(fp32_to_bf16(x));
    return v;
}
DeviceBuffer<uint16_t> dev_bf16(const std::vector<float> & v) {
    std::vector<uint16_t> b(v.size());
    for (size_t i = 0; i < v.size(); ++i) b[i] = fp32_to_bf16(v[i]);
    DeviceBuffer<uint16_t> d(b.size());
    d.upload(b);
    return d;
}
std::vector<float> download_bf16(const DeviceBuffer<uint16_t> & d, size_t n) {
    const auto b = d.download(n);
    std::vector<float> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = bf16_to_fp32(b[i]);
    return v;
}

} // namespace quire
