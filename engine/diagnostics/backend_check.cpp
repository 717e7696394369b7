// Op-by-op parity of the CUDA kernels and cuBLAS GEMM with the CPU backend.
#include "diagnostics/backend_check.h"

#include "diagnostics/check_support.h"

#include "attention.cuh"
#include "cpu/causal_attention.h"
#include "cpu/cpu_model.h"
#include "cpu/ops.h"
#include "cuda/cuda_model.h"
#include "cuda/device_buffer.h"
#include "elementwise.cuh"
#include "model/tensor_source.h"
#include "sampling/sampler.h"
#include "rmsnorm.cuh"
#include "rope.cuh"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace quire {

BackendCheckReport cuda_backend_check(unsigned seed) {
    BackendCheckReport r;
    r.device = cuda_device_info();
    if (!r.device.usable) return r;
    Rng rng{std::mt19937(seed)};
    auto add = [&](const std::string & op, double err, double thr) { r.ops.push_back({op, err, thr, err <= thr}); };
    const double fp32 = 1e-5;

    { // RMSNorm
        const int rows = 7, n = 1000;
        const auto x = rng.normal(static_cast<size_t>(rows * n)), w = rng.normal(static_cast<size_t>(n));
        auto dx = dev(x), dw = dev(w);
        auto dy = poisoned(x.size());
        CUDA_CHECK(launch_rmsnorm_f32(dx.get(), dw.get(), dy.get(), rows, n, 1e-5f, nullptr));
        std::vector<float> ref(x.size());
        cpu::rmsnorm(x.data(), w.data(), ref.data(), rows, n, 1e-5f);
        add("rmsnorm", norm_error(dy.download(x.size()), ref), fp32);
    }
    for (bool adjacent : {true, false}) { // RoPE, including positions a 1M-token book reaches
        const int T = 5, H = 4, HD = 64;
        HParams hp;
        hp.head_dim = HD;
        hp.rope_base = 500000.0f;
        const auto inv = rope_inv_freq(hp);
        const std::vector<int> pos = {0, 7, 4095, 131071, 999999};
        const auto x = rng.normal(static_cast<size_t>(T * H * HD));
        auto dx = dev(x), dinv = dev(inv);
        DeviceBuffer<int> dpos(pos.size());
        dpos.upload(pos);
        CUDA_CHECK(launch_rope_f32(dx.get(), T, H, HD, dpos.get(), dinv.get(), adjacent, nullptr));
        auto ref = x;
        for (int t = 0; t < T; ++t)
            cpu::rope(ref.data() + static_cast<size_t>(t) * H * HD, H, HD, pos[static_cast<size_t>(t)], inv, adjacent ? RopeLayout::ADJACENT : RopeLayout::HALVES);
        add(adjacent ? "rope (adjacent pairs)" : "rope (halves)", norm_error(dx.download(x.size()), ref), fp32);
    }
    { // SwiGLU and residual add
        const size_t n = 4099;
        const auto g = rng.normal(n), u = rng.normal(n);
        auto dg = dev(g), du = dev(u);
        CUDA_CHECK(launch_swiglu_f32(dg.get(), du.get(), static_cast<long long>(n), nullptr));
        auto ref = g;
        cpu::swiglu(ref.data(), u.data(), static_cast<int64_t>(n));
        add("swiglu", norm_error(dg.download(n), ref), fp32);
        auto dx = dev(g);
        CUDA_CHECK(launch_add_f32(dx.get(), du.get(), static_cast<long long>(n), nullptr));
        std::vector<float> sum(n);
        for (size_t i = 0; i < n; ++i) sum[i] = g[i] + u[i];
        add("add", norm_error(dx.download(n), sum), 0.0);
    }
    { // Embedding rows
        const int V = 50, D = 96;
        const auto table = rng.normal(static_cast<size_t>(V * D));
        const std::vector<int> ids = {3, 49, 0, 3, 17};
        auto dt = dev(table);
        DeviceBuffer<int> di(ids.size());
        di.upload(ids);
        auto out = poisoned(ids.size() * D);
        CUDA_CHECK(launch_get_rows_f32(dt.get(), di.get(), out.get(), static_cast<int>(ids.size()), D, nullptr));
        std::vector<float> ref;
        for (int id : ids) ref.insert(ref.end(), table.begin() + id * D, table.begin() + (id + 1) * D);
        add("get_rows", norm_error(out.download(ref.size()), ref), 0.0);
    }
    { // Attention over a KV cache with GQA, several queries past a prefix
        const int T = 9, n_past = 300, H = 8, KVH = 2, HD = 64;
        const auto q = rng.normal(static_cast<size_t>(T * H * HD)), k = rng.normal(static_cast<size_t>((n_past + T) * KVH * HD)),
                   v = rng.normal(k.size());
        auto dq = dev(q), dk = dev(k), dv = dev(v);
        auto dout = poisoned(q.size());
        AttentionParams ap{dq.get(), dk.get(), dv.get(), dout.get(), T, n_past, H, KVH, HD, 1.0f / std::sqrt(static_cast<float>(HD))};
        CUDA_CHECK(launch_attention_f32(ap, nullptr));
        std::vector<float> ref(q.size());
        cpu::attention(q.data(), k.data(), v.data(), ref.data(), T, n_past, H, KVH, HD);
        add("attention (causal, GQA)", norm_error(dout.download(q.size()), ref), fp32);
    }
    { // GEMM through cuBLAS (fp32, no TF32)
        const int T = 13, rows = 300, cols = 257;
        const auto x = rng.normal(static_cast<size_t>(T * cols)), w = rng.normal(static_cast<size_t>(rows * cols));
        auto dx = dev(x), dw = dev(w);
        auto dy = poisoned(static_cast<size_t>(T * rows));
        cublasHandle_t h;
        CUBLAS_CHECK(cublasCreate(&h));
        CUBLAS_CHECK(cublasSetMathMode(h, CUBLAS_PEDANTIC_MATH));
        const float one = 1.0f, zero = 0.0f;
        CUBLAS_CHECK(cublasSgemm(h, CUBLAS_OP_T, CUBLAS_OP_N, rows, T, cols, &one, dw.get(), cols, dx.get(), cols, &zero, dy.get(), rows));
        cublasDestroy(h);
        Tensor tw;
        tw.rows = rows;
        tw.cols = cols;
        tw.row_bytes = static_cast<uint64_t>(cols) * 4;
        tw.data = reinterpret_cast<const uint8_t *>(w.data());
        std::vector<float> ref(static_cast<size_t>(T * rows));
        cpu::matmul(x.data(), T, tw, ref.data());
        add("gemm (cuBLAS fp32)", norm_error(dy.download(ref.size()), ref), fp32);
    }
    check_memory_ops(rng, add);
    CUDA_CHECK(cudaDeviceSynchronize());
    return r;
}

ModelCheck cuda_model_check(const Model & model, const std::vector<int> & tokens, int n_greedy, bool bf16) {
    ModelCheck c;
    const int n_ctx = static_cast<int>(tokens.size()) + n_greedy + 1;
    cpu::CpuModel cm(model, n_ctx);
    CudaModel gm(model, n_ctx, bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32);
    std::vector<float> a, b;
    auto la = cm.eval(tokens, &a);
    auto lb = gm.eval(tokens, &b);
    for (size_t i = 0; i < a.size(); ++i) c.max_logit_diff = std::max(c.max_logit_diff, std::abs(a[i] - b[i]));
    c.logit_error = norm_error(b, a);
    for (int i = 0; i < n_greedy; ++i) {
        c.greedy_cpu.push_back(argmax(la));
        c.greedy_cuda.push_back(argmax(lb));
        la = cm.eval({c.greedy_cpu.back()});
        lb = gm.eval({c.greedy_cuda.back()});
    }
    c.greedy_equal = c.greedy_cpu == c.greedy_cuda;
    return c;
}

} // namespace quire
