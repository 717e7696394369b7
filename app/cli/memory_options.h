// Block-memory options shared by quire-cli ingest and ask: a preset and overrides of each field.
#pragma once

#include "cli/cli_args.h"
#include "memory/memory_config.h"

#include <set>
#include <string>

namespace quire::cli {

extern const std::set<std::string> kMemoryOptions;
extern const char * const kMemoryHelp;

MemoryConfig memory_config_from_args(const Args & a);

} // namespace quire::cli
