// Op checks of the block-memory kernels against their CPU twins (check_support.h).
#include "diagnostics/check_support.h"

#include "block_select.cuh"
#include "flash_reading.cuh"
#include "kv_blocks.cuh"
#include "memory_softmax.cuh"
#include "sampling.cuh"
#include "core/half.h"
#include "cpu/ops.h"
#include "memory/block_select.h"
#include "model/tensor_source.h"
#include "sampling/sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace quire {

// The block-memory kernels: scoring and top-k, representatives, the masked softmax with local
// scores, and block storage (exact for fp32, e4m3 rounding for fp8).
void check_memory_ops(Rng & rng, const CheckAdd & add) {
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

} // namespace quire
