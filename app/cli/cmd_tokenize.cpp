// quire-cli tokenize / detokenize: token ids of a text, and the text of ids.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "quire.h"

#include <cstdio>
#include <iostream>
#include <sstream>

namespace quire::cli {

namespace {

// The tokenizer of --model, or the file --tokenizer alone.
struct TokenizerSource {
    std::unique_ptr<Model> model;
    std::unique_ptr<Tokenizer> own;
    const Tokenizer & get() const { return own ? *own : model->tok(); }
};

TokenizerSource open_tokenizer(const Args & a) {
    TokenizerSource s;
    if (auto m = a.get("--model")) {
        ModelLoadOptions lo;
        lo.tokenizer_path = a.get("--tokenizer").value_or("");
        lo.load_weights = false;
        s.model = model_load(*m, lo);
    } else if (auto t = a.get("--tokenizer")) {
        s.own = tokenizer_from_file(*t);
    } else {
        throw UsageError{"give --model or --tokenizer"};
    }
    return s;
}

} // namespace

int cmd_tokenize(const std::vector<std::string> & argv) {
    const Args a(argv, {"--model", "--tokenizer", "--text", "--file"}, {"--no-bos", "--bos", "--pieces", "--parse-special", "--help"});
    if (a.has("--help")) {
        std::fputs("usage: quire-cli tokenize (--model PATH | --tokenizer PATH) [--text TEXT | --file F] [--no-bos | --bos]\n"
                   "                          [--pieces] [--parse-special]\n"
                   "Prints the token ids, space-separated, on one line. BOS follows the vocabulary's default.\n",
                   stdout);
        return 0;
    }
    std::string text;
    if (auto t = a.get("--text")) text = *t;
    else if (auto f = a.get("--file")) text = read_file(*f);
    else throw UsageError{"give --text or --file"};
    const auto src = open_tokenizer(a);
    const Tokenizer & tok = src.get();
    const bool bos = a.has("--bos") || (!a.has("--no-bos") && tok.special().add_bos);
    const auto ids = tok.tokenize(text, bos, a.has("--parse-special"));
    std::string line;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i) line += ' ';
        line += a.has("--pieces") ? tok.piece(ids[i]) : std::to_string(ids[i]);
    }
    std::printf("%s\n", line.c_str());
    return 0;
}

int cmd_detokenize(const std::vector<std::string> & argv) {
    const Args a(argv, {"--model", "--tokenizer"}, {"--help"});
    if (a.has("--help")) {
        std::fputs("usage: quire-cli detokenize (--model PATH | --tokenizer PATH) < ids.txt\n", stdout);
        return 0;
    }
    const auto src = open_tokenizer(a);
    const Tokenizer & tok = src.get();
    std::vector<int> ids;
    std::string word;
    while (std::cin >> word) {
        char * end = nullptr;
        const long id = std::strtol(word.c_str(), &end, 10);
        if (*end != '\0' || id < 0 || id >= tok.n_vocab()) throw UsageError{"'" + word + "' is not a token id of this vocabulary"};
        ids.push_back(static_cast<int>(id));
    }
    const std::string text = tok.decode(ids);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

} // namespace quire::cli
