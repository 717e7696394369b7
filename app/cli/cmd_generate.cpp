// quire-cli generate: text from a prompt (or from BOS), streamed to stdout.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/device_options.h"
#include "cli/model_arg.h"
#include "quire.h"

#include <chrono>
#include <cstdio>
#include <optional>

namespace quire::cli {

namespace {
const char * kHelp = R"(usage: quire-cli generate --model PATH [--tokenizer PATH] [--prompt TEXT | --prompt-file F]
                          [--chat] [--system TEXT] [-n N] [--temp T] [--top-k K] [--top-p P]
                          [--repeat-penalty R] [--seed S] [--ctx N] [device options] [--timings]
Prints the generated text alone on stdout. With an empty prompt, generation starts from BOS.
--timings prints one JSON line to stderr: the prompt's tokens and seconds (until the first token),
the generated tokens and the seconds after the first, and both rates (scripts/bench-cpu.sh).
--chat wraps the prompt in the model's chat format as a user message.
Defaults: -n 128, --temp 0 (greedy), --top-k 40, --top-p 0.95, --repeat-penalty 1, --seed 0.
)";
} // namespace

int cmd_generate(const std::vector<std::string> & argv) {
    std::set<std::string> opts = {"--model", "--tokenizer", "--prompt", "--prompt-file", "--system", "-n", "--temp", "--top-k", "--top-p",
                                  "--repeat-penalty", "--seed", "--ctx"};
    opts.insert(kDeviceOptions.begin(), kDeviceOptions.end());
    const Args a(argv, opts, {"--chat", "--help", "--timings"});
    if (a.has("--help")) {
        std::fputs(kHelp, stdout);
        std::fputs(kDeviceHelp, stdout);
        return 0;
    }
    if (!a.positional().empty()) throw UsageError{"unexpected argument '" + a.positional()[0] + "'"};
    if (a.has("--prompt") && a.has("--prompt-file")) throw UsageError{"give --prompt or --prompt-file, not both"};
    GenerateParams gp;
    gp.n_predict = a.get_int("-n", 128);
    if (gp.n_predict < 0) throw UsageError{"-n must not be negative"};
    gp.sampling.temperature = static_cast<float>(a.get_double("--temp", 0.0));
    gp.sampling.top_k = a.get_int("--top-k", 40);
    gp.sampling.top_p = static_cast<float>(a.get_double("--top-p", 0.95));
    gp.sampling.repeat_penalty = static_cast<float>(a.get_double("--repeat-penalty", 1.0));
    gp.sampling.seed = static_cast<uint64_t>(a.get_double("--seed", 0));
    gp.n_ctx = a.get_int("--ctx", 0);
    gp.device = device_from_args(a);
    if (gp.sampling.temperature < 0 || gp.sampling.top_p <= 0 || gp.sampling.top_p > 1) throw UsageError{"--temp must be >= 0 and --top-p in (0, 1]"};

    ModelLoadOptions lo;
    lo.tokenizer_path = a.get("--tokenizer").value_or("");
    const std::string model_path = model_arg(a);
    std::string prompt = a.get("--prompt").value_or("");
    if (auto f = a.get("--prompt-file")) prompt = read_file(*f);

    auto model = model_load(model_path, lo);
    const Tokenizer & tok = model->tok();
    std::vector<int> ids;
    if (a.has("--chat")) {
        std::vector<ChatMessage> msgs;
        if (auto s = a.get("--system")) msgs.push_back({"system", *s});
        msgs.push_back({"user", prompt});
        ids = chat_template_apply(model->chat, tok, msgs, true);
    } else {
        ids = tok.tokenize(prompt, prompt.empty() || tok.special().add_bos, false);
        if (ids.empty()) throw UsageError{"empty prompt and the vocabulary has no BOS token to start from"};
    }
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    std::optional<Clock::time_point> first; // the first token: the prompt has been read
    const GenerateResult res = generate(*model, ids, gp, [&](const std::string & piece) {
        if (!first) first = Clock::now();
        std::fwrite(piece.data(), 1, piece.size(), stdout);
        std::fflush(stdout);
        return true;
    });
    if (a.has("--timings")) {
        const auto end = Clock::now();
        const auto secs = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
        const double prompt_s = secs(first.value_or(end) - t0), gen_s = secs(end - first.value_or(end));
        const size_t after_first = res.tokens.empty() ? 0 : res.tokens.size() - 1;
        std::fprintf(stderr,
                     "{\"prompt_tokens\": %zu, \"prompt_seconds\": %.4f, \"prompt_tokens_per_second\": %.2f, \"generated_tokens\": %zu, "
                     "\"generate_seconds\": %.4f, \"generate_tokens_per_second\": %.2f}\n",
                     ids.size(), prompt_s, prompt_s > 0 ? static_cast<double>(ids.size()) / prompt_s : 0.0, res.tokens.size(), gen_s,
                     gen_s > 0 ? static_cast<double>(after_first) / gen_s : 0.0);
    }
    return 0;
}

} // namespace quire::cli
