// quire-cli bench: the CUDA block memory on a model shape with random weights (or a model file),
// document lengths given; one JSON object per length on stdout as it completes, all of them in
// --json OUT. Needs a CUDA device.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/memory_options.h"
#include "quire.h"
#include "diagnostics/cuda_diagnostics.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace quire::cli {

namespace {

const char * kHelp = R"(usage: quire-cli bench (--shape NAME --random-weights | --model PATH) --tokens N,N,... [options]
Ingests random token documents of each length into the CUDA block memory (bf16 weights), then
measures an ask (question + greedy answer on a fork) and decoding at that context.
  --shape llama3-8b|llama3-1b|qwen2.5-1.5b|smollm2-135m   model shape, with --random-weights
  --layers N            override the shape's layer count
  --tokens LIST         document lengths, e.g. 8192,32768,100000,1000000
  --kv-fp8              memory blocks in fp8 e4m3 with per-block scales
  --gpu-mem-gib G       GPU budget of the process: blocks past it go to pinned host memory
  --decode-tokens N     tokens timed for decode (default 32)
  --question-tokens N --answer-tokens N   ask latency shape (default 64 + 128)
  --no-graphs           launch decode steps one kernel at a time
  --no-flash            reading attention through batched GEMMs + a masked softmax instead of the flash kernel
  --decode-kernel       decoding attention through the split-key kernel instead of batched GEMMs
  --cublas-gemv         decoding products through cuBLAS's GEMV instead of Quire's GEMV kernel
  --no-cache            offload mode without the GPU cache of hot host-resident blocks
  --json OUT            write all rows to OUT as JSON
)";

std::vector<int64_t> parse_lengths(const std::string & s) {
    std::vector<int64_t> v;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        try {
            size_t used = 0;
            const long long n = std::stoll(item, &used);
            if (used != item.size() || n <= 0) throw std::invalid_argument(item);
            v.push_back(n);
        } catch (const std::exception &) {
            throw UsageError{"--tokens: not a positive number: '" + item + "'"};
        }
    }
    if (v.empty()) throw UsageError{"--tokens needs at least one length"};
    return v;
}

} // namespace

int cmd_bench(const std::vector<std::string> & argv) {
    std::set<std::string> opts = {"--shape", "--layers", "--model", "--tokens", "--gpu-mem-gib", "--decode-tokens", "--question-tokens", "--answer-tokens", "--json", "--seed"};
    opts.insert(kMemoryOptions.begin(), kMemoryOptions.end());
    const Args a(argv, opts, {"--random-weights", "--kv-fp8", "--no-graphs", "--no-flash", "--decode-kernel", "--cublas-gemv", "--no-cache", "--help"});
    if (a.has("--help")) {
        std::fputs(kHelp, stdout);
        std::fputs(kMemoryHelp.c_str(), stdout);
        return 0;
    }
    if (a.has("--model") == a.has("--random-weights")) throw UsageError{"give either --model PATH or --shape NAME --random-weights"};
    std::string why;
    const CudaDiagnostics * cuda = cuda_diagnostics(&why);
    if (!cuda) fail(Status::UNSUPPORTED, "bench measures the CUDA backend: " + why);
    const CudaDeviceInfo dev = cuda_device_status();
    if (!dev.usable) fail(Status::UNSUPPORTED, "bench needs a usable CUDA device: " + dev.error);
    BenchOptions o;
    o.lengths = parse_lengths(a.require("--tokens"));
    o.cfg = memory_config_from_args(a);
    o.kv_fp8 = a.has("--kv-fp8");
    o.gpu_mem_gib = a.get_double("--gpu-mem-gib", 0);
    o.decode_tokens = a.get_int("--decode-tokens", 32);
    o.question_tokens = a.get_int("--question-tokens", 64);
    o.answer_tokens = a.get_int("--answer-tokens", 128);
    o.graphs = !a.has("--no-graphs");
    o.flash = !a.has("--no-flash");
    o.decode_kernel = a.has("--decode-kernel");
    o.custom_gemv = !a.has("--cublas-gemv");
    o.cache = !a.has("--no-cache");
    o.seed = static_cast<uint64_t>(a.get_int("--seed", 1));
    std::unique_ptr<Model> model;
    HParams hp;
    if (auto mp = a.get("--model")) {
        model = model_load(*mp);
        hp = model->hp;
    } else {
        hp = cuda->bench_shape(a.get("--shape").value_or("llama3-8b"), a.get_int("--layers", 0));
    }
    nlohmann::ordered_json all = nlohmann::json::array();
    auto to_json = [&](const BenchRow & r) {
        nlohmann::ordered_json j;
        j["tokens"] = r.tokens;
        if (!r.error.empty()) {
            j["error"] = r.error;
            return j;
        }
        j["ingest_s"] = r.ingest_s;
        j["ingest_tok_s"] = r.ingest_tok_s;
        j["decode_ms"] = r.decode_ms;
        j["ask_s"] = r.ask_s;
        j["peak_gpu_gib"] = r.peak_gpu_gib;
        j["gpu_ingest_gib"] = r.gpu_ingest_gib;
        j["gpu_ask_gib"] = r.gpu_ask_gib;
        j["host_gib"] = r.host_gib;
        j["block_gpu_gib"] = r.block_gpu_gib;
        j["block_host_gib"] = r.block_host_gib;
        j["blocks"] = r.blocks;
        if (r.cache_hits + r.cache_misses) {
            j["cache_hits"] = r.cache_hits;
            j["cache_misses"] = r.cache_misses;
        }
        return j;
    };
    cuda->memory_bench(hp, model.get(), o, [&](const BenchRow & r) {
        auto j = to_json(r);
        j["shape"] = hp.name.empty() ? a.get("--model").value_or("") : hp.name;
        j["layers"] = hp.n_layer;
        j["preset"] = r.preset.empty() ? o.cfg.preset : r.preset;
        j["kv"] = o.kv_fp8 ? "fp8" : "bf16";
        j["gpu_mem_gib"] = o.gpu_mem_gib;
        j["device"] = dev.name;
        std::printf("%s\n", j.dump().c_str());
        std::fflush(stdout);
        all.push_back(j);
    });
    if (auto out = a.get("--json")) {
        const std::string tmp = *out + ".tmp";
        {
            std::ofstream f(tmp);
            f << all.dump(2) << "\n";
            if (!f) fail(Status::IO, "cannot write " + tmp);
        }
        if (std::rename(tmp.c_str(), out->c_str()) != 0) fail(Status::IO, "cannot rename " + tmp + " to " + *out);
    }
    for (const auto & r : all)
        if (r.contains("error")) return 4;
    return 0;
}

} // namespace quire::cli
