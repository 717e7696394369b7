// quire-cli generate: text from a prompt (or from BOS), streamed to stdout.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/model_arg.h"
#include "quire.h"

#include <cstdio>

namespace quire::cli {

namespace {
const char * kHelp = R"(usage: quire-cli generate --model PATH [--tokenizer PATH] [--prompt TEXT | --prompt-file F]
                          [--chat] [--system TEXT] [-n N] [--temp T] [--top-k K] [--top-p P]
                          [--repeat-penalty R] [--seed S] [--ctx N] [--backend auto|cpu|cuda]
Prints the generated text alone on stdout. With an empty prompt, generation starts from BOS.
--chat wraps the prompt in the model's chat format as a user message.
Defaults: -n 128, --temp 0 (greedy), --top-k 40, --top-p 0.95, --repeat-penalty 1, --seed 0.
)";
} // namespace

int cmd_generate(const std::vector<std::string> & argv) {
    const Args a(argv, {"--model", "--tokenizer", "--prompt", "--prompt-file", "--system", "-n", "--temp", "--top-k", "--top-p",
                        "--repeat-penalty", "--seed", "--ctx", "--backend"},
                 {"--chat", "--help"});
    if (a.has("--help")) {
        std::fputs(kHelp, stdout);
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
    try {
        gp.device.backend = backend_kind_from_string(a.get("--backend").value_or("auto"));
    } catch (const Error & e) {
        throw UsageError{e.what()};
    }
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
    generate(*model, ids, gp, [](const std::string & piece) {
        std::fwrite(piece.data(), 1, piece.size(), stdout);
        std::fflush(stdout);
        return true;
    });
    return 0;
}

} // namespace quire::cli
