// quire-cli chat: an interactive conversation with a model on the terminal. Each line read from
// stdin is a user turn; the answer streams to stdout. "/reset" starts over; end of input quits.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/model_arg.h"
#include "quire.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace quire::cli {

int cmd_chat(const std::vector<std::string> & argv) {
    const Args a(argv, {"--model", "--tokenizer", "--system", "-n", "--temp", "--top-p", "--seed"}, {"--help"});
    if (a.has("--help")) {
        std::fputs("usage: quire-cli chat --model PATH [--system TEXT] [-n N] [--temp T] [--top-p P] [--seed S]\n"
                   "Type a question and press Enter; /reset forgets the conversation; Ctrl+D quits.\n",
                   stdout);
        return 0;
    }
    ModelLoadOptions lo;
    lo.tokenizer_path = a.get("--tokenizer").value_or("");
    auto model = model_load(model_arg(a), lo);
    if (model->chat.format == ChatFormat::NONE) throw Error(Status::UNSUPPORTED, model->info.path + ": this model has no known chat format");
    GenerateParams gp;
    gp.n_predict = a.get_int("-n", 512);
    gp.sampling.temperature = static_cast<float>(a.get_double("--temp", 0.0));
    gp.sampling.top_p = static_cast<float>(a.get_double("--top-p", 0.95));
    gp.sampling.seed = static_cast<uint64_t>(a.get_double("--seed", 0));
    const bool tty = isatty(STDIN_FILENO);
    std::vector<ChatMessage> conv;
    if (auto s = a.get("--system")) conv.push_back({"system", *s});
    const size_t keep = conv.size();
    if (tty) std::fprintf(stderr, "Quire chat with %s (%s). Type /reset to start over, Ctrl+D to quit.\n", model->hp.name.c_str(), model->info.path.c_str());
    std::string line;
    while (true) {
        if (tty) std::fputs("\n> ", stdout), std::fflush(stdout);
        if (!std::getline(std::cin, line)) break;
        if (line.empty()) continue;
        if (line == "/reset") {
            conv.resize(keep);
            continue;
        }
        conv.push_back({"user", line});
        const auto ids = chat_template_apply(model->chat, model->tok(), conv);
        const auto res = generate(*model, ids, gp, [](const std::string & piece) {
            std::fwrite(piece.data(), 1, piece.size(), stdout);
            std::fflush(stdout);
            return true;
        });
        std::fputc('\n', stdout);
        conv.push_back({"assistant", res.text});
    }
    return 0;
}

} // namespace quire::cli
