// Op-by-op parity of the CUDA kernels and cuBLAS GEMM with the CPU backend.
#include "diagnostics/backend_check.h"

#include "attention.cuh"
#include "block_select.cuh"
#include "core/half.h"
#include "decode_attention.cuh"
#include "flash_reading.cuh"
#include "gemv.cuh"
#include "sampling.cuh"
#include "kv_blocks.cuh"
#include "memory/block_select.h"
#include "memory_softmax.cuh"
#include "cpu/cpu_model.h"
#include "cpu/ops.h"
#include "cuda/cuda_model.h"
#include "sampling/sampler.h"
#include "cuda/device_buffer.h"
#include "elementwise.cuh"
#include "model/tensor_source.h"
#include "rmsnorm.cuh"
#include "rope.cuh"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace quire {

namespace {

struct Rng {
    std::mt19937 g;
    std::vector<float> normal(size_t n, float sd = 1.0f) {
        std::normal_distribution<float> d(0.0f, sd);
        std::vector<float> v(n);
        for (auto & x : v) x = d(g);
        return v;
    }
};

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

} // namespace

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

// The decoding kernels (one token): the weight GEMVs (plain, bf16 output, SwiGLU epilogue) and
// the split-key attention, against fp32 loops over the same (bf16-rounded) values.
template <typename Add> void check_decode_ops(Rng & rng, Add add) {
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

// The block-memory kernels: scoring and top-k, representatives, the masked softmax with local
// scores, and block storage (exact for fp32, e4m3 rounding for fp8).
template <typename Add> void check_memory_ops(Rng & rng, Add add) {
    { // s(B) = s(B,H) + beta s(B,Q) and top-k against block_scores
        const int nb = 300, dim = 256, k = 8;
        const auto repr = rng.normal(static_cast<size_t>(nb * dim)), qm = rng.normal(dim), qv = rng.normal(dim);
        auto dr = dev(repr), dqm = dev(qm), dqv = dev(qv);
        auto sh = poisoned(nb), sq = poisoned(nb), cb = poisoned(nb);
        DeviceBuffer<int> sel(k);
        const BlockScoreParams bp{dr.get(), nb, dim, dqm.get(), dqv.get(), 2.5f, sh.get(), sq.get(), cb.get(), nullptr, nullptr};
        CUDA_CHECK(launch_block_scores(bp, nullptr));
        CUDA_CHECK(launch_top_k(cb.get(), nb, k, sel.get(), nullptr));
        std::vector<const float *> ptrs;
        for (int b = 0; b < nb; ++b) ptrs.push_back(repr.data() + static_cast<size_t>(b) * dim);
        const BlockScores ref = block_scores(ptrs.data(), nb, dim, qm.data(), qv.data(), 2.5f, k);
        add("block scores", std::max({norm_error(sh.download(nb), ref.s_h), norm_error(sq.download(nb), ref.s_q), norm_error(cb.download(nb), ref.combined)}),
            1e-5);
        add("block top-k (same blocks)", sel.download(k) == ref.selected ? 0.0 : 1.0, 0.0);

        // Word-match anchors (+inf bias) come first, lower index first, then the scores: the
        // lowest-scoring block among them, so they cannot be selected by score.
        const std::vector<int> anchors{static_cast<int>(std::min_element(ref.combined.begin(), ref.combined.end()) - ref.combined.begin()), 7, 250};
        std::vector<float> bias(static_cast<size_t>(nb), 0.0f);
        for (int b : anchors) bias[static_cast<size_t>(b)] = std::numeric_limits<float>::infinity();
        auto dbias = dev(bias), rk = poisoned(nb);
        const BlockScoreParams ba{dr.get(), nb, dim, dqm.get(), dqv.get(), 2.5f, sh.get(), sq.get(), cb.get(), dbias.get(), rk.get()};
        CUDA_CHECK(launch_block_scores(ba, nullptr));
        CUDA_CHECK(launch_top_k(rk.get(), nb, k, sel.get(), nullptr));
        const BlockScores ra = block_scores(ptrs.data(), nb, dim, qm.data(), qv.data(), 2.5f, k, &anchors);
        add("block top-k with anchors (same blocks)", sel.download(k) == ra.selected && norm_error(cb.download(nb), ra.combined) < 1e-5 ? 0.0 : 1.0, 0.0);
    }
    { // representatives of two blocks, GQA
        const int nblk = 2, bs = 64, NH = 4, NKV = 2, HD = 32, topk = 4, kvd = NKV * HD;
        const auto keys = rng.normal(static_cast<size_t>(nblk * bs * kvd)), sc = rng.normal(static_cast<size_t>(nblk * bs * NH));
        auto dk = dev(keys), ds = dev(sc);
        auto out = poisoned(static_cast<size_t>(nblk * NH * HD));
        CUDA_CHECK(launch_block_repr(dk.get(), KvType::F32, ds.get(), nblk, bs, NH, NKV, HD, topk, out.get(), nullptr));
        std::vector<float> ref(static_cast<size_t>(nblk * NH * HD));
        for (int b = 0; b < nblk; ++b)
            for (int h = 0; h < NH; ++h)
                block_representative(keys.data() + static_cast<size_t>(b * bs) * kvd + static_cast<size_t>(h / (NH / NKV)) * HD, kvd,
                                     sc.data() + static_cast<size_t>(b * bs) * NH + h, NH, bs, HD, topk, ref.data() + static_cast<size_t>((b * NH + h) * HD));
        add("block representative", norm_error(out.download(ref.size()), ref), 1e-6);
    }
    { // masked softmax over [memory | window + causal current] and the local scores
        const int NH = 3, T = 5, n_mem = 40, n_win = 17, n_cols = n_mem + n_win + T + 6; // 6 padding columns
        const auto s = rng.normal(static_cast<size_t>(NH * T * n_cols), 3.0f), ws0 = rng.normal(static_cast<size_t>((n_win + T) * NH));
        auto ds = dev(s), dws = dev(ws0);
        DeviceBuffer<StepCounters> c(1);
        const StepCounters hc{1000, n_win};
        c.upload(&hc, 1);
        const MemorySoftmaxParams sp{ds.get(), nullptr, c.get(), NH, T, n_cols, n_mem};
        CUDA_CHECK(launch_memory_softmax(sp, nullptr));
        CUDA_CHECK(launch_local_scores(sp, dws.get(), nullptr));
        std::vector<float> ref = s, ws = ws0;
        for (int h = 0; h < NH; ++h)
            for (int t = 0; t < T; ++t) {
                float * row = ref.data() + static_cast<size_t>((h * T + t) * n_cols);
                const int vis = n_mem + n_win + t + 1;
                cpu::softmax(row, vis);
                std::fill(row + vis, row + n_cols, 0.0f);
                for (int j = 0; j < n_win + T; ++j) ws[static_cast<size_t>(j * NH + h)] += row[n_mem + j];
            }
        add("memory softmax (masked)", norm_error(ds.download(s.size()), ref), 1e-6);
        add("local scores", norm_error(dws.download(ws.size()), ws), 1e-6);
    }
    { // sampling on the device against Sampler::pick with the same uniform numbers
        const int n = 5000;
        const auto logits = rng.normal(static_cast<size_t>(n), 2.0f);
        auto dl = dev(logits);
        DeviceBuffer<double> r(1);
        DeviceBuffer<int> pick(1);
        int differ = 0;
        for (const SamplerParams & sp : {SamplerParams{0.8f, 40, 0.9f, 1.0f, 64, 0}, SamplerParams{1.3f, 256, 1.0f, 1.0f, 64, 0}}) {
            for (int i = 0; i < 32; ++i) {
                const double u = (i + 0.5) / 32.0;
                r.upload(&u, 1);
                CUDA_CHECK(launch_sample_top_p(dl.get(), n, sp.temperature, sp.top_k, sp.top_p, r.get(), pick.get(), nullptr));
                differ += pick.download(1)[0] != Sampler::pick(logits, sp, u);
            }
        }
        CUDA_CHECK(launch_argmax(dl.get(), n, pick.get(), nullptr));
        differ += pick.download(1)[0] != argmax(logits);
        add("sampling (greedy, top-k/top-p picks)", differ, 0.0);
    }
    struct FlashShape {
        int NH, NKV, HD;
    };
    for (const FlashShape fs : {FlashShape{4, 2, 128}, FlashShape{9, 3, 64}}) { // flash reading attention (bf16) against fp32 loops over the same bf16 values
        const int NH = fs.NH, NKV = fs.NKV, HD = fs.HD, T = 100, n_mem = 130, n_win = 70, kvd = NKV * HD, rows = n_win + T;
        const float scale = 1.0f / std::sqrt(static_cast<float>(HD));
        auto rounded = [&](size_t n) {
            auto v = rng.normal(n);
            for (auto & x : v) x = bf16_to_fp32(fp32_to_bf16(x));
            return v;
        };
        auto to_dev = [](const std::vector<float> & v) {
            std::vector<uint16_t> b(v.size());
            for (size_t i = 0; i < v.size(); ++i) b[i] = fp32_to_bf16(v[i]);
            DeviceBuffer<uint16_t> d(b.size());
            d.upload(b);
            return d;
        };
        const auto qm = rounded(static_cast<size_t>(NH * T * HD)), qr = rounded(qm.size()), mk = rounded(static_cast<size_t>(n_mem * kvd)),
                   mv = rounded(mk.size()), wk = rounded(static_cast<size_t>(rows * kvd)), wv = rounded(wk.size()),
                   ws0 = rng.normal(static_cast<size_t>(rows * NH));
        auto dqm = to_dev(qm), dqr = to_dev(qr), dmk = to_dev(mk), dmv = to_dev(mv), dwk = to_dev(wk), dwv = to_dev(wv);
        auto dws = dev(ws0);
        DeviceBuffer<StepCounters> c(1);
        const StepCounters hc{500, n_win};
        c.upload(&hc, 1);
        DeviceBuffer<uint16_t> out(static_cast<size_t>(T * NH * HD));
        CUDA_CHECK(cudaMemset(out.get(), 0xFF, out.size() * 2)); // NaN
        DeviceBuffer<float> stats(static_cast<size_t>(NH * T * 2));
        const FlashReadingParams fp{dqm.get(), dqr.get(), dmk.get(), dmv.get(), dwk.get(), dwv.get(), c.get(), n_mem, T, NH, NKV, HD, rows, scale,
                                    out.get(), stats.get(), dws.get()};
        CUDA_CHECK(launch_flash_reading(fp, nullptr));
        CUDA_CHECK(launch_flash_local_scores(fp, nullptr));
        std::vector<float> ref(out.size()), ws = ws0, lg(static_cast<size_t>(n_mem + rows));
        for (int h = 0; h < NH; ++h) {
            const int kvh = h / (NH / NKV);
            for (int t = 0; t < T; ++t) {
                const float * q1 = qm.data() + static_cast<size_t>((h * T + t) * HD), * q2 = qr.data() + static_cast<size_t>((h * T + t) * HD);
                const int n = n_mem + n_win + t + 1;
                for (int j = 0; j < n; ++j) {
                    const bool mem = j < n_mem;
                    const float * k = (mem ? mk.data() + static_cast<size_t>(j) * kvd : wk.data() + static_cast<size_t>(j - n_mem) * kvd) + kvh * HD;
                    lg[static_cast<size_t>(j)] = cpu::dot(mem ? q1 : q2, k, HD) * scale;
                }
                cpu::softmax(lg.data(), n);
                for (int j = 0; j < n; ++j) {
                    const bool mem = j < n_mem;
                    const float * v = (mem ? mv.data() + static_cast<size_t>(j) * kvd : wv.data() + static_cast<size_t>(j - n_mem) * kvd) + kvh * HD;
                    for (int d = 0; d < HD; ++d) ref[static_cast<size_t>(t * NH * HD + h * HD + d)] += lg[static_cast<size_t>(j)] * v[d];
                    if (!mem) ws[static_cast<size_t>((j - n_mem) * NH + h)] += lg[static_cast<size_t>(j)];
                }
            }
        }
        const auto got16 = out.download(out.size());
        std::vector<float> got(got16.size());
        for (size_t i = 0; i < got.size(); ++i) got[i] = bf16_to_fp32(got16[i]);
        const std::string hd = " (bf16, head dim " + std::to_string(HD) + ")";
        add("flash reading attention" + hd, norm_error(got, ref), 1e-2);
        add("flash reading local scores" + hd, norm_error(dws.download(ws.size()), ws), 1e-4);
    }
    check_decode_ops(rng, add);
    for (KvType st : {KvType::F32, KvType::FP8}) { // store two blocks, gather them back in reverse order
        const int n_blk = 2;
        const long long elems = 128 * 64;
        const auto x = rng.normal(static_cast<size_t>(n_blk * elems));
        auto src = dev(x);
        DeviceBuffer<unsigned char> slots(static_cast<size_t>(n_blk * elems) * kv_type_size(st));
        const std::vector<void *> tab = {slots.get(), slots.get() + elems * static_cast<long long>(kv_type_size(st))};
        DeviceBuffer<void *> dtab(tab.size());
        dtab.upload(tab);
        DeviceBuffer<float> scales(2);
        DeviceBuffer<float> amax(n_blk);
        CUDA_CHECK(launch_blocks_store(src.get(), KvType::F32, dtab.get(), scales.get(), 1, st, n_blk, elems, amax.get(), nullptr));
        DeviceBuffer<int> sel(2);
        sel.upload(std::vector<int>{1, 0});
        auto outk = poisoned(static_cast<size_t>(n_blk * elems + 7)), outv = poisoned(outk.size());
        const GatherParams gp{dtab.get(), dtab.get(), scales.get(), scales.get(), 1, sel.get(), 2, elems, st, KvType::F32, outk.get(), outv.get(), 7};
        CUDA_CHECK(launch_blocks_gather(gp, nullptr));
        std::vector<float> ref(x.begin() + elems, x.end());
        ref.insert(ref.end(), x.begin(), x.begin() + elems);
        const auto got = outk.download(outk.size());
        add(st == KvType::FP8 ? "block store+gather (fp8 e4m3)" : "block store+gather (fp32)", norm_error(std::vector<float>(got.begin() + 7, got.end()), ref),
            st == KvType::FP8 ? 6e-2 : 0.0);
    }
}

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
