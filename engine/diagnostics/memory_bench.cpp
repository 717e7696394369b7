// Block-memory benchmark on the GPU.
#include "diagnostics/memory_bench.h"

#include "core/error.h"
#include "cuda/cuda_memory_model.h"
#include "memory/reading_plan.h"

#include <chrono>
#include <fstream>
#include <random>

namespace quire {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

uint64_t gpu_used() {
    size_t free_b = 0, total_b = 0;
    CUDA_CHECK(cudaMemGetInfo(&free_b, &total_b));
    return total_b - free_b;
}

// Resident set of this process (pinned host memory included), from /proc.
double host_rss_gib() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) * 1024.0 / kGiB;
    return 0;
}

std::vector<int> random_tokens(std::mt19937 & g, int n_vocab, int64_t n) {
    std::uniform_int_distribution<int> d(0, n_vocab - 1);
    std::vector<int> v(static_cast<size_t>(n));
    for (auto & t : v) t = d(g);
    return v;
}

} // namespace

HParams bench_shape(const std::string & name, int n_layer) {
    HParams hp;
    hp.arch = Arch::LLAMA;
    hp.rope_layout = RopeLayout::HALVES;
    hp.norm_eps = 1e-5f;
    if (name == "llama3-8b") {
        hp.n_vocab = 128256, hp.n_embd = 4096, hp.n_ff = 14336, hp.n_layer = 32, hp.n_head = 32, hp.n_head_kv = 8, hp.head_dim = 128;
        hp.rope_base = 500000.0f, hp.n_ctx_train = 8192;
    } else if (name == "llama3-1b") {
        hp.n_vocab = 128256, hp.n_embd = 2048, hp.n_ff = 8192, hp.n_layer = 16, hp.n_head = 32, hp.n_head_kv = 8, hp.head_dim = 64;
        hp.rope_base = 500000.0f, hp.n_ctx_train = 8192, hp.tied_embeddings = true;
    } else if (name == "qwen2.5-1.5b") { // Qwen2.5(-Coder)-1.5B without the q/k/v biases
        hp.n_vocab = 151936, hp.n_embd = 1536, hp.n_ff = 8960, hp.n_layer = 28, hp.n_head = 12, hp.n_head_kv = 2, hp.head_dim = 128;
        hp.rope_base = 1000000.0f, hp.n_ctx_train = 32768, hp.tied_embeddings = true;
    } else if (name == "smollm2-135m") {
        hp.n_vocab = 49152, hp.n_embd = 576, hp.n_ff = 1536, hp.n_layer = 30, hp.n_head = 9, hp.n_head_kv = 3, hp.head_dim = 64;
        hp.rope_base = 100000.0f, hp.n_ctx_train = 8192, hp.tied_embeddings = true;
    } else {
        fail(Status::BAD_INPUT, "unknown shape '" + name + "' (llama3-8b, llama3-1b, qwen2.5-1.5b, smollm2-135m)");
    }
    hp.name = name;
    if (n_layer > 0) hp.n_layer = n_layer;
    return hp;
}

std::vector<BenchRow> memory_bench(const HParams & hp, const Model * model, const BenchOptions & opt, const std::function<void(const BenchRow &)> & on_row) {
    CUDA_CHECK(cudaFree(nullptr)); // create the context before the baseline
    const uint64_t base = gpu_used();
    const auto w = model ? GpuWeights::upload(*model, CudaPrecision::BF16) : GpuWeights::random(hp, CudaPrecision::BF16, opt.seed);
    std::mt19937 g(static_cast<unsigned>(opt.seed));
    std::vector<BenchRow> rows;
    for (const int64_t n : opt.lengths) {
        BenchRow r;
        r.tokens = n;
        try {
            CudaMemoryOptions mo;
            mo.kv_fp8 = opt.kv_fp8;
            mo.graphs = opt.graphs;
            mo.flash = opt.flash;
            mo.decode_kernel = opt.decode_kernel;
            mo.custom_gemv = opt.custom_gemv;
            uint64_t peak = 0;
            auto sample = [&] { peak = std::max(peak, gpu_used() - base); };
            const auto doc = random_tokens(g, hp.n_vocab, n);
            // "auto" and "whole" resolve per length as a reading does (whole when it fits).
            const MemoryConfig cfg = memory_for_reading(hp, opt.cfg, n);
            r.preset = cfg.preset;
            CudaMemoryModel mm(w, cfg, mo);
            // Offload mode: the process's budget is split again before every step from what is
            // measured in use (weights, scratch, loaded kernels, handles, representatives, cache
            // slots, blocks); estimated is only what the rest of the run will add: the
            // representatives' growth to the document's final block count (the last growth holds
            // old and new arrays at once), the ask fork (its scratch as measured for this state,
            // its copy of the representatives, its cache slots) and a margin for allocation
            // granularity. What is left may hold blocks on the GPU.
            const double fork_scratch = static_cast<double>(gpu_used() - base) - static_cast<double>(GpuWeights::bytes_needed(hp, CudaPrecision::BF16));
            const double per_block = static_cast<double>(hp.n_layer) * ((hp.q_dim() + 3) * 4.0 + 2 * sizeof(void *) + 8.0);
            const int nb_final = static_cast<int>(n / cfg.block_size + 1);
            int cap_i = 0, prev_i = 0;
            CudaMemoryModel::repr_capacity(nb_final, cap_i, prev_i);
            // The document's last growth holds both arrays; later the fork holds its own copy.
            const double repr_peak = std::max(prev_i + cap_i, cap_i + nb_final + CudaMemoryModel::kForkBlockHeadroom) * per_block;
            double cache = 0;
            auto rebudget = [&] {
                if (opt.gpu_mem_gib <= 0) return;
                const double used = static_cast<double>(gpu_used() - base), blocks = static_cast<double>(mm.block_device_bytes());
                const double reprs = static_cast<double>(mm.repr_device_bytes());
                const double repr_future = repr_peak - reprs;
                const double cache_future = (cache - static_cast<double>(mm.cache_device_bytes())) + cache;
                const double left = opt.gpu_mem_gib * kGiB - used - repr_future - fork_scratch - cache_future - 64.0 * 1024 * 1024;
                mm.set_block_budget(static_cast<uint64_t>(blocks + std::max(left, 0.0)));
            };
            if (opt.gpu_mem_gib > 0) {
                const double left = opt.gpu_mem_gib * kGiB - static_cast<double>(gpu_used() - base) - fork_scratch - repr_peak;
                if (left < 0) fail(Status::OUT_OF_MEMORY, "the GPU budget is smaller than the weights and scratch");
                // An eighth of it (at most 512 MiB) for GPU slots caching hot host-resident blocks,
                // for the document and again for the ask fork; the rest may hold blocks.
                cache = opt.cache ? std::min(left / 8, 512.0 * 1024 * 1024) : 0.0;
                mm.set_cache_bytes(static_cast<uint64_t>(cache));
                rebudget();
            }
            sample();
            const auto t0 = Clock::now();
            const size_t chunk = static_cast<size_t>(cfg.exc_block_size);
            for (size_t i = 0; i < doc.size(); i += chunk) {
                mm.step(std::vector<int>(doc.begin() + static_cast<std::ptrdiff_t>(i), doc.begin() + static_cast<std::ptrdiff_t>(std::min(doc.size(), i + chunk))),
                        StepKind::DOCUMENT, false);
                rebudget();
                if ((i / chunk) % 16 == 0) sample();
            }
            mm.synchronize();
            r.ingest_s = since(t0);
            r.ingest_tok_s = static_cast<double>(n) / r.ingest_s;
            sample();
            r.gpu_ingest_gib = static_cast<double>(gpu_used() - base) / kGiB;
            r.blocks = mm.n_blocks();

            // Ask: fork, question, greedy answer.
            {
                const auto q = random_tokens(g, hp.n_vocab, opt.question_tokens);
                const auto t1 = Clock::now();
                auto s = mm.fork();
                s->clear_question();
                std::vector<float> logits;
                for (size_t i = 0; i < q.size(); i += chunk)
                    logits = s->step(std::vector<int>(q.begin() + static_cast<std::ptrdiff_t>(i), q.begin() + static_cast<std::ptrdiff_t>(std::min(q.size(), i + chunk))),
                                     StepKind::QUESTION, i + chunk >= q.size());
                int tok = static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
                for (int i = 0; i < opt.answer_tokens; ++i) tok = s->step_greedy(i == 0 ? tok : -1);
                r.ask_s = since(t1);
                sample();
                r.gpu_ask_gib = static_cast<double>(gpu_used() - base) / kGiB;
            }
            // Decode at this context on the document itself.
            int tok = mm.step_greedy(doc.back());
            tok = mm.step_greedy(-1); // graph captured
            const auto t2 = Clock::now();
            for (int i = 0; i < opt.decode_tokens; ++i) tok = mm.step_greedy(-1);
            r.decode_ms = since(t2) * 1e3 / std::max(opt.decode_tokens, 1);
            (void)tok;
            sample();
            r.peak_gpu_gib = static_cast<double>(peak) / kGiB;
            r.block_gpu_gib = static_cast<double>(mm.block_device_bytes()) / kGiB;
            r.block_host_gib = static_cast<double>(mm.block_host_bytes()) / kGiB;
            r.cache_hits = mm.cache_hits();
            r.cache_misses = mm.cache_misses();
            r.host_gib = host_rss_gib();
        } catch (const Error & e) {
            r.error = e.what();
        }
        rows.push_back(r);
        if (on_row) on_row(r);
    }
    return rows;
}

} // namespace quire
