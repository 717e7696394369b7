// Op checks of the decoding kernels against their CPU twins (check_support.h).
#include "diagnostics/check_support.h"

#include "decode_attention.cuh"
#include "gemv.cuh"
#include "core/half.h"
#include "cpu/ops.h"
#include "memory/block_select.h"
#include "model/tensor_source.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace quire {

// The decoding kernels (one token): the weight GEMVs (plain, bf16 output, SwiGLU epilogue) and
// the split-key attention, against fp32 loops over the same (bf16-rounded) values.
void check_decode_ops(Rng & rng, const CheckAdd & add) {
    for (const int cols : {4096, 264}) {
        const int rows = 523; // odd: the last warp's second row is absent
        const auto w = bf16_rounded(rng, static_cast<size_t>(2 * rows) * cols), x = bf16_rounded(rng, static_cast<size_t>(cols));
        auto dw = dev_bf16(w), dx = dev_bf16(x);
        std::vector<float> ref(static_cast<size_t>(2 * rows)), sw(static_cast<size_t>(rows));
        for (size_t r = 0; r < ref.size(); ++r) {
            double acc = 0;
            for (size_t k = 0; k < static_cast<size_t>(cols); ++k) acc += static_cast<double>(w[r * static_cast<size_t>(cols) + k]) * x[k];
            ref[r] = static_cast<float>(acc);
        }
        for (int r = 0; r < rows; ++r) {
            sw[static_cast<size_t>(r)] = ref[static_cast<size_t>(r)];
            cpu::swiglu(&sw[static_cast<size_t>(r)], &ref[static_cast<size_t>(rows + r)], 1);
        }
        auto y = poisoned(ref.size());
        DeviceBuffer<uint16_t> y16(ref.size()), ysw(static_cast<size_t>(rows));
        CUDA_CHECK(cudaMemset(y16.get(), 0xFF, y16.size() * 2));
        CUDA_CHECK(cudaMemset(ysw.get(), 0xFF, ysw.size() * 2));
        CUDA_CHECK(launch_gemv_bf16(dw.get(), dx.get(), 2 * rows, cols, y.get(), nullptr));
        CUDA_CHECK(launch_gemv_bf16_out_bf16(dw.get(), dx.get(), 2 * rows, cols, y16.get(), nullptr));
        CUDA_CHECK(launch_gemv_swiglu_bf16(dw.get(), dx.get(), rows, cols, ysw.get(), nullptr));
        const std::string c = " (" + std::to_string(cols) + " columns)";
        add("gemv bf16" + c, norm_error(y.download(ref.size()), ref), 1e-5);
        add("gemv bf16, bf16 output" + c, norm_error(download_bf16(y16, ref.size()), ref), 1e-2);
        add("gemv bf16 + SwiGLU" + c, norm_error(download_bf16(ysw, sw.size()), sw), 1e-2);
    }
    struct Shape {
        int NH, NKV, HD;
    };
    for (const KvType ct : {KvType::F32, KvType::BF16})
        for (const Shape sh : {Shape{8, 2, 128}, Shape{9, 3, 64}, Shape{8, 4, 8}}) {
            const int NH = sh.NH, NKV = sh.NKV, HD = sh.HD, kvd = NKV * HD, n_mem = 300, n_win = 150, n_loc_cap = n_win + 1 + 40;
            const float scale = 1.0f / std::sqrt(static_cast<float>(HD));
            const auto qm = rng.normal(static_cast<size_t>(NH * HD)), qr = rng.normal(qm.size());
            const auto mk = bf16_rounded(rng, static_cast<size_t>(n_mem * kvd)), mv = bf16_rounded(rng, mk.size()),
                       wk = bf16_rounded(rng, static_cast<size_t>(n_loc_cap * kvd)), wv = bf16_rounded(rng, wk.size());
            const auto ws0 = rng.normal(static_cast<size_t>(n_loc_cap * NH));
            const bool bf = ct == KvType::BF16;
            auto kv_dev = [&](const std::vector<float> & v) {
                DeviceBuffer<unsigned char> d(v.size() * kv_type_size(ct));
                if (bf) {
                    auto b = dev_bf16(v);
                    CUDA_CHECK(cudaMemcpy(d.get(), b.get(), v.size() * 2, cudaMemcpyDeviceToDevice));
                } else {
                    CUDA_CHECK(cudaMemcpy(d.get(), v.data(), v.size() * 4, cudaMemcpyHostToDevice));
                }
                return d;
            };
            auto dqm = dev(qm), dqr = dev(qr), dws = dev(ws0);
            auto dmk = kv_dev(mk), dmv = kv_dev(mv), dwk = kv_dev(wk), dwv = kv_dev(wv);
            DeviceBuffer<StepCounters> c(1);
            const StepCounters hc{900, n_win};
            c.upload(&hc, 1);
            auto logits = poisoned(static_cast<size_t>(NH * n_loc_cap));
            auto part = poisoned(static_cast<size_t>(NH * decode_attention_splits() * (HD + 2)));
            DeviceBuffer<unsigned char> out(static_cast<size_t>(NH * HD) * kv_type_size(ct));
            CUDA_CHECK(cudaMemset(out.get(), 0xFF, out.size()));
            const DecodeAttentionParams dp{dqm.get(), dqr.get(), dmk.get(), dmv.get(), dwk.get(), dwv.get(), c.get(), n_mem, n_loc_cap, NH, NKV, HD,
                                           scale, ct, logits.get(), part.get(), out.get(), dws.get()};
            CUDA_CHECK(launch_decode_attention(dp, nullptr));
            std::vector<float> ref(static_cast<size_t>(NH * HD)), ws = ws0, lg(static_cast<size_t>(n_mem + n_win + 1));
            for (int h = 0; h < NH; ++h) {
                const int kvh = h / (NH / NKV), n = n_mem + n_win + 1;
                for (int j = 0; j < n; ++j) {
                    const bool mem = j < n_mem;
                    const float * k = (mem ? mk.data() + static_cast<size_t>(j) * kvd : wk.data() + static_cast<size_t>(j - n_mem) * kvd) + kvh * HD;
                    lg[static_cast<size_t>(j)] = cpu::dot((mem ? qm : qr).data() + static_cast<size_t>(h * HD), k, HD) * scale;
                }
                cpu::softmax(lg.data(), n);
                for (int j = 0; j < n; ++j) {
                    const bool mem = j < n_mem;
                    const float * v = (mem ? mv.data() + static_cast<size_t>(j) * kvd : wv.data() + static_cast<size_t>(j - n_mem) * kvd) + kvh * HD;
                    for (int d = 0; d < HD; ++d) ref[static_cast<size_t>(h * HD + d)] += lg[static_cast<size_t>(j)] * v[d];
                    if (!mem) ws[static_cast<size_t>((j - n_mem) * NH + h)] += lg[static_cast<size_t>(j)];
                }
            }
            std::vector<float> got(ref.size());
            if (bf) {
                std::vector<uint16_t> b(ref.size());
                CUDA_CHECK(cudaMemcpy(b.data(), out.get(), b.size() * 2, cudaMemcpyDeviceToHost));
                for (size_t i = 0; i < b.size(); ++i) got[i] = bf16_to_fp32(b[i]);
            } else {
                CUDA_CHECK(cudaMemcpy(got.data(), out.get(), got.size() * 4, cudaMemcpyDeviceToHost));
            }
            const std::string what = std::string(" (") + (bf ? "bf16, " : "fp32, ") + std::to_string(NH) + "/" + std::to_string(NKV) +
                                     " heads, head dim " + std::to_string(HD) + ")";
            add("decode attention" + what, norm_error(got, ref), bf ? 1e-2 : 1e-5);
            add("decode attention local scores" + what, norm_error(dws.download(ws.size()), ws), 1e-5);
        }
}

} // namespace quire
