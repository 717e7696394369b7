// quire-cli subcommands. Each returns the process exit code: 0 success, 2 bad usage,
// 3 a bad or unsupported input file, 4 any other failure.
#pragma once

#include <string>
#include <vector>

namespace quire::cli {

int cmd_generate(const std::vector<std::string> & args);
int cmd_info(const std::vector<std::string> & args);
int cmd_tokenize(const std::vector<std::string> & args);
int cmd_detokenize(const std::vector<std::string> & args);
int cmd_chat(const std::vector<std::string> & args);
int cmd_ingest(const std::vector<std::string> & args);
int cmd_ask(const std::vector<std::string> & args);
int cmd_backend_check(const std::vector<std::string> & args);
int cmd_bench(const std::vector<std::string> & args);
int cmd_text(const std::vector<std::string> & args);
int cmd_passage(const std::vector<std::string> & args);
int cmd_models(const std::vector<std::string> & args);
int cmd_eval(const std::vector<std::string> & args);

} // namespace quire::cli
