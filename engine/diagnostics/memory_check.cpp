// Block-memory parity checks.
#include "diagnostics/memory_check.h"

#include "diagnostics/check_support.h"

#include "cuda/cuda_memory_model.h"
#include "cuda/cuda_model.h"
#include "diagnostics/memory_bench.h"
#include "sampling/sampler.h"
#include "cpu/memory_model.h"
#include "memory/shelf_memory.h"
#include "model/model.h"
#include "reading/reader.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace quire {

namespace {

// Same picks, or picks that differ only among blocks whose CPU scores are near-ties.
void compare_selection(const RetrievalStep & c, const RetrievalStep & g, MemoryCheck & r) {
    for (size_t l = 0; l < c.layers.size() && l < g.layers.size(); ++l) {
        const BlockScores & a = c.layers[l];
        const BlockScores & b = g.layers[l];
        if (a.selected.empty() && b.selected.empty()) continue;
        ++r.selections;
        if (!a.anchors.empty()) ++r.anchored_selections;
        if (a.anchors != b.anchors && r.detail.empty())
            r.detail = "step " + std::to_string(c.index) + " layer " + std::to_string(l) + ": word-match anchors differ";
        if (a.selected == b.selected) {
            ++r.selections_equal;
            continue;
        }
        bool tie = a.selected.size() == b.selected.size();
        for (size_t i = 0; tie && i < a.selected.size(); ++i) {
            const float x = a.combined[static_cast<size_t>(a.selected[i])], y = a.combined[static_cast<size_t>(b.selected[i])];
            tie = std::abs(x - y) <= 1e-4f * std::max({std::abs(x), std::abs(y), 1e-3f});
        }
        if (tie) ++r.selections_near_tie;
        else if (r.detail.empty())
            r.detail = "step " + std::to_string(c.index) + " layer " + std::to_string(l) + ": selections differ beyond ties";
    }
}

} // namespace

MemoryCheck cuda_memory_check(const Model & model, const std::vector<int> & doc, const std::vector<int> & question, const MemoryConfig & cfg,
                              int n_greedy, bool bf16, bool kv_fp8, bool decode_kernel, bool offload, bool question_first) {
    MemoryCheck r;
    MemoryState cs(model.hp, cfg);
    MemoryModel cpu(model, cs);
    CudaMemoryOptions opt;
    opt.kv_fp8 = kv_fp8;
    opt.decode_kernel = decode_kernel;
    if (offload) opt.block_budget = 0; // every block in pinned host memory, hot ones cached on the GPU
    CudaMemoryModel gpu(GpuWeights::upload(model, bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32), cfg, opt);
    std::vector<float> lc, lg;
    auto feed = [&](const std::vector<int> & ids, StepKind kind) {
        for (size_t i = 0; i < ids.size(); i += static_cast<size_t>(cfg.exc_block_size)) {
            const std::vector<int> chunk(ids.begin() + static_cast<std::ptrdiff_t>(i),
                                         ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + static_cast<size_t>(cfg.exc_block_size))));
            RetrievalStep tc, tg;
            tc.index = tg.index = r.steps;
            lc = cpu.step(chunk, kind, true, &tc);
            lg = gpu.step(chunk, kind, true, &tg);
            r.max_logit_error = std::max(r.max_logit_error, norm_error(lg, lc));
            compare_selection(tc, tg, r);
            ++r.steps;
        }
    };
    if (question_first) feed(question, StepKind::QUESTION);
    feed(doc, StepKind::DOCUMENT);
    if (!question_first) feed(question, StepKind::QUESTION);
    int next_cpu = argmax(lc), next_gpu = argmax(lg);
    for (int i = 0; i < n_greedy; ++i) {
        r.greedy_cpu.push_back(next_cpu);
        r.greedy_cuda.push_back(next_gpu);
        RetrievalStep tc, tg;
        tc.index = tg.index = r.steps++;
        lc = cpu.step({next_cpu}, StepKind::TOKEN, true, &tc);
        next_cpu = argmax(lc);
        // The device-greedy path (captured graph) against the host argmax of the CPU.
        next_gpu = gpu.step_greedy(next_gpu, &tg);
        compare_selection(tc, tg, r);
    }
    r.greedy_equal = r.greedy_cpu == r.greedy_cuda;
    r.blocks = gpu.n_blocks();
    r.cache_hits = gpu.cache_hits();
    r.cache_misses = gpu.cache_misses();
    if (r.blocks != cs.n_blocks()) r.detail = "block counts differ: " + std::to_string(r.blocks) + " vs " + std::to_string(cs.n_blocks());
    return r;
}

double cuda_memory_vs_full(const Model & model, const std::vector<int> & tokens, bool bf16) {
    MemoryConfig cfg = memory_preset("512");
    cfg.n_init = 4;
    cfg.n_local = static_cast<int>(tokens.size()) + 1;
    cfg.exc_block_size = 64;
    const auto w = bf16 ? CudaPrecision::BF16 : CudaPrecision::FP32;
    CudaMemoryModel mem(GpuWeights::upload(model, w), cfg);
    CudaModel full(model, static_cast<int>(tokens.size()), w);
    double worst = 0;
    for (size_t i = 0; i < tokens.size(); i += static_cast<size_t>(cfg.exc_block_size)) {
        const std::vector<int> chunk(tokens.begin() + static_cast<std::ptrdiff_t>(i),
                                     tokens.begin() + static_cast<std::ptrdiff_t>(std::min(tokens.size(), i + static_cast<size_t>(cfg.exc_block_size))));
        const auto a = mem.step(chunk, StepKind::DOCUMENT, true);
        const auto b = full.eval(chunk);
        worst = std::max(worst, norm_error(a, b));
    }
    return worst;
}

namespace {

std::vector<int> pseudo_tokens(int n, int n_vocab, uint32_t seed) {
    std::vector<int> v;
    for (int i = 0; i < n; ++i) {
        seed = seed * 1664525u + 1013904223u;
        v.push_back(static_cast<int>((seed >> 8) % static_cast<uint32_t>(n_vocab)));
    }
    return v;
}

// Small enough that a few hundred tokens cut many blocks.
MemoryConfig small_memory() {
    MemoryConfig c = memory_preset("512");
    c.n_init = 4, c.n_local = 64, c.block_size = 16, c.topk = 3, c.exc_block_size = 32, c.repr_topk = 4, c.lookup.beta = 2.0f;
    return c;
}

std::string fmt(const char * f, double a, double b = 0, double c = 0, double d = 0) {
    char buf[256];
    std::snprintf(buf, sizeof buf, f, a, b, c, d);
    return buf;
}

} // namespace

std::vector<OpCheck> cuda_memory_checks(const Model & model, std::vector<std::string> * summary) {
    std::vector<OpCheck> out;
    auto add = [&](const std::string & op, double err, double thr, const std::string & note) {
        out.push_back({op, err, thr, err <= thr});
        if (summary) summary->push_back(op + ": " + note);
    };
    const auto doc = pseudo_tokens(300, model.hp.n_vocab, 7), question = pseudo_tokens(20, model.hp.n_vocab, 99);
    {
        const auto c = cuda_memory_check(model, doc, question, small_memory(), 24, false);
        const std::string note = fmt("%g steps, %g blocks, logit error %.2e, ", c.steps, c.blocks, c.max_logit_error) +
                                 fmt("selections %g (equal %g, near-tie %g)", c.selections, c.selections_equal, c.selections_near_tie) +
                                 (c.greedy_equal ? ", greedy identical" : ", greedy DIFFERENT") + (c.detail.empty() ? "" : "; " + c.detail);
        add("memory fp32 logits vs CPU", c.max_logit_error, 1e-4, note);
        add("memory fp32 selections vs CPU", c.detail.empty() && c.blocks >= 10 && c.selections_equal + c.selections_near_tie == c.selections ? 0 : 1, 0, note);
        add("memory fp32 greedy vs CPU", c.greedy_equal ? 0 : 1, 0, note);
    }
    { // word-match anchors (a question that shares tokens with the document), asked after the
      // document and read before it (deep): the same anchors and selections as the CPU
        std::vector<int> q(doc.begin() + 200, doc.begin() + 212);
        q.insert(q.end(), question.begin(), question.begin() + 8);
        MemoryConfig cfg = small_memory();
        cfg.lookup.anchors = 1;
        for (const bool first : {false, true}) {
            const auto c = cuda_memory_check(model, doc, q, cfg, 24, false, false, false, false, first);
            const std::string note = fmt("logit error %.2e, selections %g (equal %g, with anchors %g)", c.max_logit_error, c.selections,
                                         c.selections_equal, c.anchored_selections) +
                                     (c.greedy_equal ? ", greedy identical" : ", greedy DIFFERENT") + (c.detail.empty() ? "" : "; " + c.detail);
            const bool ok = c.detail.empty() && c.anchored_selections > 0 && c.selections_equal + c.selections_near_tie == c.selections && c.greedy_equal;
            add(std::string("memory fp32 with word-match anchors vs CPU") + (first ? " (question first)" : ""), ok ? c.max_logit_error : 1.0, 1e-4, note);
        }
    }
    { // offload: blocks in pinned host memory, read in place or from the GPU cache
        const auto c = cuda_memory_check(model, doc, question, small_memory(), 24, false, false, false, true);
        const std::string note = fmt("logit error %.2e, selections %g (equal %g), ", c.max_logit_error, c.selections, c.selections_equal) +
                                 fmt("cache hits %g, misses %g", static_cast<double>(c.cache_hits), static_cast<double>(c.cache_misses)) +
                                 (c.greedy_equal ? ", greedy identical" : ", greedy DIFFERENT");
        const bool ok = c.greedy_equal && c.selections_equal == c.selections && c.cache_hits > 0;
        add("memory fp32 offloaded to host + GPU cache vs CPU", ok ? c.max_logit_error : 1.0, 1e-4, note);
    }
    { // the opt-in split-key decode kernel in place of the batched GEMMs for T = 1
        const auto c = cuda_memory_check(model, doc, question, small_memory(), 24, false, false, true);
        const std::string note = fmt("logit error %.2e, selections %g (equal %g)", c.max_logit_error, c.selections, c.selections_equal) +
                                 (c.greedy_equal ? ", greedy identical" : ", greedy DIFFERENT");
        add("memory fp32 with the decode kernel vs CPU", c.greedy_equal && c.max_logit_error <= 1e-4 ? c.max_logit_error : 1.0, 1e-4, note);
    }
    struct Bf16Case {
        bool fp8, decode_kernel;
    };
    for (const Bf16Case bc : {Bf16Case{false, false}, Bf16Case{false, true}, Bf16Case{true, false}}) {
        const bool fp8 = bc.fp8;
        const auto c = cuda_memory_check(model, doc, question, small_memory(), 8, true, fp8, bc.decode_kernel);
        const std::string name = std::string(fp8 ? "memory bf16 + fp8 blocks" : "memory bf16") + (bc.decode_kernel ? " (decode kernel)" : "");
        const std::string note = fmt("logit error %.2e, selections %g (equal %g, near-tie %g)", c.max_logit_error, c.selections, c.selections_equal,
                                     c.selections_near_tie);
        // Rounding flips close calls between blocks, so selections are reported, not required
        // to agree; the logits bound the accuracy cost.
        add(name + " logits vs CPU", c.max_logit_error, fp8 ? 0.15 : 8e-2, note);
    }
    { // a shelf: two readings' blocks in one lookup (empty window, sealed blocks), asked on the GPU as on the CPU
        DeviceParams on_cpu, on_gpu;
        on_cpu.backend = BackendKind::CPU;
        on_gpu.backend = BackendKind::CUDA, on_gpu.precision = GpuPrecision::FP32;
        const MemoryConfig cfg = small_memory();
        const auto other = pseudo_tokens(260, model.hp.n_vocab, 13);
        const IngestResult a = memory_ingest(model, doc, cfg, {}, {}, on_cpu), b = memory_ingest(model, other, cfg, {}, {}, on_cpu);
        const ShelfMemory sh = shelf_memory({{&a.state, a.prefix_len, "a"}, {&b.state, b.prefix_len, "b"}});
        const std::string q = model.tok().decode(std::vector<int>(other.begin() + 150, other.begin() + 162));
        AskParams ap;
        ap.lookup = {2.0f, 1};
        ap.evidence_tokens = 48;
        ap.gen.n_predict = 16;
        ap.gen.sampling.temperature = 0;
        ap.gen.device = on_cpu;
        const AskResult c = shelf_ask(model, sh, q, ap);
        ap.gen.device = on_gpu;
        const AskResult g = shelf_ask(model, sh, q, ap);
        bool spans = c.evidence.size() == g.evidence.size() && !c.evidence.empty();
        for (size_t i = 0; spans && i < c.evidence.size(); ++i) spans = c.evidence[i].begin == g.evidence[i].begin && c.evidence[i].end == g.evidence[i].end;
        const std::string note = fmt("%g blocks (%g sealed), %g passages", sh.state.n_blocks(), sh.n_sealed, static_cast<double>(c.evidence.size())) +
                                 (spans ? ", same passages" : ", passages DIFFERENT") + (c.tokens == g.tokens ? ", answer identical" : ", answer DIFFERENT");
        add("shelf fp32 (two readings, one lookup) vs CPU", spans && c.tokens == g.tokens ? 0 : 1, 0, note);
    }
    const auto toks = pseudo_tokens(200, model.hp.n_vocab, 3);
    const double e32 = cuda_memory_vs_full(model, toks, false), e16 = cuda_memory_vs_full(model, toks, true);
    add("memory (window >= sequence) vs full attention, fp32", e32, 1e-5, fmt("normalised error %.2e", e32));
    add("memory (window >= sequence) vs full attention, bf16", e16, 2e-2, fmt("normalised error %.2e", e16));
    return out;
}

std::vector<OpCheck> cuda_flash_checks(std::vector<std::string> * summary) {
    // Both bf16 paths against the fp32 pass of the same random model (fp32 weights, batched fp32
    // GEMMs): the flash kernel may not be less accurate than the batched-GEMM path it replaces.
    std::vector<OpCheck> out;
    for (const char * shape : {"llama3-8b", "smollm2-135m"}) {
        const HParams hp = bench_shape(shape, 2);
        MemoryConfig cfg = memory_preset("512");
        cfg.n_init = 64, cfg.n_local = 256, cfg.block_size = 64, cfg.topk = 4, cfg.exc_block_size = 256;
        CudaMemoryOptions flash, gemm;
        flash.flash = true;
        gemm.flash = false;
        CudaMemoryModel ref(GpuWeights::random(hp, CudaPrecision::FP32, 5), cfg, gemm);
        const auto w = GpuWeights::random(hp, CudaPrecision::BF16, 5);
        CudaMemoryModel fa(w, cfg, flash), fb(w, cfg, gemm);
        const auto toks = pseudo_tokens(2000, hp.n_vocab, 11);
        double err_flash = 0, err_gemm = 0;
        std::vector<double> med_flash, med_gemm;
        // Per step: errors, and the layers whose block selection differs from the fp32 pass's (a
        // near-tie decided the other way changes the logits more than rounding does).
        std::string steps;
        auto differ = [](const RetrievalStep & a, const RetrievalStep & b) {
            int n = 0;
            for (size_t l = 0; l < a.layers.size() && l < b.layers.size(); ++l) n += a.layers[l].selected != b.layers[l].selected;
            return n;
        };
        for (size_t i = 0; i < toks.size(); i += 256) {
            const std::vector<int> chunk(toks.begin() + static_cast<std::ptrdiff_t>(i), toks.begin() + static_cast<std::ptrdiff_t>(std::min(toks.size(), i + 256)));
            RetrievalStep tr, ta, tb;
            const auto r = ref.step(chunk, StepKind::DOCUMENT, true, &tr);
            const double ea = norm_error(fa.step(chunk, StepKind::DOCUMENT, true, &ta), r), eb = norm_error(fb.step(chunk, StepKind::DOCUMENT, true, &tb), r);
            err_flash = std::max(err_flash, ea);
            err_gemm = std::max(err_gemm, eb);
            steps += fmt(" [%.1e %.1e sel %g/%g]", ea, eb, differ(ta, tr), differ(tb, tr));
            med_flash.push_back(ea);
            med_gemm.push_back(eb);
        }
        // The median over steps: random 2-layer models in bf16 have single steps whose last-token
        // logits swing (either path, at different steps, with the same blocks selected); the
        // typical step shows whether the kernel is as accurate as the path it replaces.
        auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        const double mf = median(med_flash), mg = median(med_gemm);
        const std::string name = std::string("flash reading in a model, ") + shape + " shape (2 layers): median error vs fp32";
        const double bound = 1.25 * mg + 2e-3;
        out.push_back({name, mf, bound, mf <= bound});
        if (summary) {
            summary->push_back(name + ": " + fmt("flash %.2e, batched GEMMs %.2e (bound 1.25x + 2e-3); max %.2e / %.2e", mf, mg, err_flash, err_gemm));
            summary->push_back("  per step [flash, GEMMs error; layers selecting other blocks than fp32, flash/GEMMs]:" + steps);
        }
    }
    return out;
}

std::vector<OpCheck> cuda_l8b_checks(const std::string & dir, std::vector<std::string> * summary) {
    auto m = model_load(dir);
    std::ifstream tf(dir + "/tokens.json");
    if (!tf) fail(Status::IO, "cannot read " + dir + "/tokens.json");
    const std::vector<int> toks = nlohmann::json::parse(tf)["tokens"].get<std::vector<int>>();
    const size_t V = static_cast<size_t>(m->hp.n_vocab), n_blk = (toks.size() + 63) / 64;
    std::vector<float> ref(n_blk * V);
    std::ifstream lf(dir + "/logits.f32", std::ios::binary);
    if (!lf.read(reinterpret_cast<char *>(ref.data()), static_cast<std::streamsize>(ref.size() * sizeof(float))))
        fail(Status::IO, "cannot read " + dir + "/logits.f32");
    CudaModel full(*m, static_cast<int>(toks.size()), CudaPrecision::BF16);
    MemoryConfig cfg = memory_preset("2k");
    cfg.n_init = 4, cfg.n_local = static_cast<int>(toks.size()) + 1, cfg.exc_block_size = 64;
    CudaMemoryModel mem(GpuWeights::upload(*m, CudaPrecision::BF16), cfg);
    double worst_full = 0, worst_mem = 0;
    for (size_t i = 0, b = 0; i < toks.size(); i += 64, ++b) {
        const std::vector<int> chunk(toks.begin() + static_cast<std::ptrdiff_t>(i), toks.begin() + static_cast<std::ptrdiff_t>(std::min(toks.size(), i + 64)));
        const std::vector<float> r(ref.begin() + static_cast<std::ptrdiff_t>(b * V), ref.begin() + static_cast<std::ptrdiff_t>((b + 1) * V));
        worst_full = std::max(worst_full, norm_error(full.eval(chunk), r));
        worst_mem = std::max(worst_mem, norm_error(mem.step(chunk, StepKind::DOCUMENT, true), r));
    }
    std::vector<OpCheck> out = {{"8B shape (2 layers) full attention bf16 vs transformers", worst_full, 2e-2, worst_full <= 2e-2},
                                {"8B shape (2 layers) block memory bf16 vs transformers", worst_mem, 2e-2, worst_mem <= 2e-2}};
    if (summary)
        for (const auto & o : out) summary->push_back(o.op + ": " + fmt("normalised error %.2e", o.error));
    return out;
}

} // namespace quire
