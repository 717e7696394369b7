// quire-cli backend-check: the GPU, and every CUDA op (and optionally a whole model) against the
// CPU backend. Exit 0 when all checks pass or no GPU is present (said plainly), 1 on a failure.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "quire.h"
#include "diagnostics/cuda_diagnostics.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace quire::cli {

int cmd_backend_check(const std::vector<std::string> & argv) {
    const Args a(argv, {"--model", "--tokenizer", "--tokens", "--l8b"}, {"--json", "--bf16", "--memory", "--flash", "--help"});
    if (a.has("--help")) {
        std::fputs("usage: quire-cli backend-check [--json] [--model PATH [--tokenizer PATH] [--tokens N] [--bf16] [--memory]] [--flash] [--l8b DIR]\n"
                   "Checks each CUDA op against its CPU twin on random inputs; with --model, also the whole\n"
                   "model's logits (N pseudo-random tokens, default 64) and 32 greedy tokens on both backends:\n"
                   "fp32 weights must agree exactly (greedy identical, logits within 1e-3); with --bf16, the\n"
                   "normalised logit error must stay under 2e-2. --memory adds the block-memory checks of the\n"
                   "model (CUDA vs CPU memory pass in fp32, bf16 and fp8 blocks; window >= sequence vs full\n"
                   "attention). --flash: the flash reading kernel against the batched-GEMM path in a random\n"
                   "bf16 model of the 8B shape. --l8b DIR: the 8B-shape parity against transformers from the folder written by\n"
                   "tests/reference/make_llama3_8b_2layer.py.\n",
                   stdout);
        return 0;
    }
    nlohmann::ordered_json j;
    std::string why;
    const CudaDiagnostics * cuda = cuda_diagnostics(&why);
    if (!cuda) {
        j["cuda"] = false;
        j["skipped"] = why;
        std::printf("%s\n", a.has("--json") ? j.dump(2).c_str() : ("backend-check: " + why + "; nothing to check").c_str());
        return 0;
    }
    const BackendCheckReport r = cuda->backend_check(1234);
    j["cuda"] = true;
    j["device"] = {{"usable", r.device.usable}, {"name", r.device.name}, {"compute_capability", std::to_string(r.device.cc_major) + "." + std::to_string(r.device.cc_minor)},
                   {"memory_gib", static_cast<double>(r.device.total_bytes) / (1ull << 30)}, {"driver", r.device.driver_version},
                   {"runtime", r.device.runtime_version}, {"error", r.device.error}};
    if (!r.device.usable) {
        j["skipped"] = "no usable CUDA device: " + r.device.error;
        std::printf("%s\n", a.has("--json") ? j.dump(2).c_str() : ("backend-check: GPU checks skipped: no usable CUDA device (" + r.device.error + ")").c_str());
        return 0;
    }
    bool ok = r.all_ok();
    // Check rows under `key`, their notes (if any) under "memory_notes".
    auto record = [&](const char * key, const std::vector<OpCheck> & checks, const std::vector<std::string> & notes) {
        for (const auto & o : checks) {
            j[key].push_back({{"check", o.op}, {"error", o.error}, {"threshold", o.threshold}, {"ok", o.ok}});
            ok = ok && o.ok;
        }
        for (const auto & n : notes) j["memory_notes"].push_back(n);
    };
    nlohmann::ordered_json ops = nlohmann::json::array();
    for (const auto & o : r.ops) ops.push_back({{"op", o.op}, {"error", o.error}, {"threshold", o.threshold}, {"ok", o.ok}});
    j["ops"] = ops;
    if (auto mp = a.get("--model")) {
        ModelLoadOptions lo;
        lo.tokenizer_path = a.get("--tokenizer").value_or("");
        auto m = model_load(*mp, lo);
        std::vector<int> toks;
        uint32_t s = 12345;
        const int n = a.get_int("--tokens", 64);
        for (int i = 0; i < n; ++i) {
            s = s * 1664525u + 1013904223u;
            toks.push_back(static_cast<int>((s >> 8) % static_cast<uint32_t>(m->hp.n_vocab)));
        }
        const bool bf16 = a.has("--bf16");
        const ModelCheck mc = cuda->model_check(*m, toks, 32, bf16);
        j["model"] = {{"path", *mp},           {"precision", bf16 ? "bf16" : "fp32"}, {"max_logit_diff", mc.max_logit_diff},
                      {"logit_error", mc.logit_error}, {"greedy_equal", mc.greedy_equal}, {"greedy_cpu", mc.greedy_cpu},
                      {"greedy_cuda", mc.greedy_cuda}};
        ok = ok && (bf16 ? mc.logit_error < 2e-2 : (mc.greedy_equal && mc.max_logit_diff < 1e-3f));
        if (a.has("--memory")) {
            std::vector<std::string> notes;
            const auto checks = cuda->memory_checks(*m, &notes);
            record("memory", checks, notes);
        }
    }
    if (a.has("--flash")) {
        std::vector<std::string> notes;
        const auto checks = cuda->flash_checks(&notes);
        record("memory", checks, notes);
    }
    if (auto dir = a.get("--l8b")) record("l8b", cuda->l8b_checks(*dir, nullptr), {});
    j["ok"] = ok;
    if (a.has("--json")) {
        std::printf("%s\n", j.dump(2).c_str());
    } else {
        std::printf("device: %s (compute %d.%d, %.0f GiB)\n", r.device.name.c_str(), r.device.cc_major, r.device.cc_minor,
                    static_cast<double>(r.device.total_bytes) / (1ull << 30));
        for (const auto & o : r.ops) std::printf("  %-26s error %.2e (threshold %.0e)  %s\n", o.op.c_str(), o.error, o.threshold, o.ok ? "ok" : "FAIL");
        if (j.contains("model"))
            std::printf("  model (%s): max |logit diff| %.2e, normalised error %.2e, greedy %s\n", j["model"]["precision"].get<std::string>().c_str(),
                        j["model"]["max_logit_diff"].get<double>(), j["model"]["logit_error"].get<double>(),
                        j["model"]["greedy_equal"].get<bool>() ? "identical" : "different");
        for (const char * key : {"memory", "l8b"})
            if (j.contains(key))
                for (const auto & c : j[key])
                    std::printf("  %-58s error %.2e (threshold %.0e)  %s\n", c["check"].get<std::string>().c_str(), c["error"].get<double>(),
                                c["threshold"].get<double>(), c["ok"].get<bool>() ? "ok" : "FAIL");
        if (j.contains("memory_notes"))
            for (const auto & n : j["memory_notes"]) std::printf("    %s\n", n.get<std::string>().c_str());
        std::printf("%s\n", ok ? "all checks passed" : "SOME CHECKS FAILED");
    }
    return ok ? 0 : 1;
}

} // namespace quire::cli
