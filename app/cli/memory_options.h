// Block-memory options shared by quire-cli ingest, eval and bench: a preset and overrides of each field
// (one flag per row of memory/memory_settings.h).
#pragma once

#include "cli/cli_args.h"
#include "quire.h"

#include <set>
#include <string>

namespace quire::cli {

extern const std::set<std::string> kMemoryOptions;
extern const std::string kMemoryHelp;

MemoryConfig memory_config_from_args(const Args & a);

// --evidence-tokens: N >= 0, or "auto" (kAutoEvidence: as the reading suits); `def` when absent.
int evidence_tokens_from_args(const Args & a, int def);

} // namespace quire::cli
