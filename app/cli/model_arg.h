// The model a quire-cli command runs: --model PATH, else the default model (SmolLM2-135M-
// Instruct) when it is in the model cache, else a usage error saying how to get it.
#pragma once

#include "cli/cli_args.h"

#include <string>

namespace quire::cli {

std::string model_arg(const Args & a);

} // namespace quire::cli
