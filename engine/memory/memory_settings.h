// The block memory's reading parameters as one table: each MemoryConfig field a user sets
// (n_init, n_local, block_size, topk, exc_block_size, repr_topk) with its name, command-line flag,
// range, label and help text. Everything that lists these fields is generated from the table:
// quire-cli's memory flags and their help (app/cli/memory_options.cpp), a block store's config
// (block_store_file.cpp), the app's settings file and its settings dialog, the recorded
// configuration of an answer. A new field is one row here (docs/architecture.md).
#pragma once

#include "memory/memory_config.h"

#include <span>

namespace quire {

struct MemorySetting {
    const char * name;   // the key in a store's config and (as "memory/NAME") in the app's settings
    const char * flag;   // quire-cli's flag
    const char * label;  // the settings dialog's label (translated in the app: context "MemorySetting")
    const char * help;   // one line for the CLI's help and the dialog's tooltip (translated likewise)
    int min, max;        // the range the settings dialog offers (memory_config_validate checks any value)
    int MemoryConfig::*field;
};

std::span<const MemorySetting> memory_settings();

// The table's fields and the preset's name from preset `name` (memory_preset); the lookup and the
// host budget stay as they are.
void memory_use_preset(MemoryConfig & c, const std::string & name);

} // namespace quire
