// Memory option parsing: a preset, then one flag per row of the memory settings table
// (memory/memory_settings.h), and the RAM budget.
#include "cli/memory_options.h"

#include "quire.h"

#include <cstdio>

namespace quire::cli {

namespace {

std::set<std::string> option_names() {
    std::set<std::string> s = {"--preset", "--host-budget-mib"};
    for (const auto & m : memory_settings()) s.insert(m.flag);
    return s;
}

std::string help_text() {
    std::string h = "memory options:\n"
                    "  --preset auto|whole|512|1k|2k|infllm\n"
                    "                              window/block/top-k preset (default 2k); the flags below override one field of it.\n"
                    "                              auto (the app's): the whole document in the window (full attention) when it\n"
                    "                              fits the model's trained context, else the block memory preset for the model\n";
    const MemoryConfig d = memory_preset("2k");
    for (const auto & m : memory_settings()) {
        char line[256];
        std::snprintf(line, sizeof line, "  %-27s %s (2k: %d)\n", (std::string(m.flag) + " N").c_str(), m.help, d.*m.field);
        h += line;
    }
    h += "  --host-budget-mib N         RAM for memory blocks; beyond it they go to a temporary file\n";
    return h;
}

} // namespace

const std::set<std::string> kMemoryOptions = option_names();
const std::string kMemoryHelp = help_text();

MemoryConfig memory_config_from_args(const Args & a) {
    MemoryConfig c;
    try {
        c = memory_preset(a.get("--preset").value_or("2k"));
    } catch (const Error & e) {
        throw UsageError{e.what()};
    }
    for (const auto & m : memory_settings()) {
        if (a.has(m.flag) && chosen_per_document(c.preset))
            throw UsageError{std::string(m.flag) + " does not go with --preset " + c.preset + ": its values are chosen per document and model"};
        c.*m.field = a.get_int(m.flag, c.*m.field);
    }
    c.host_budget_bytes = static_cast<uint64_t>(a.get_int("--host-budget-mib", 0)) << 20;
    try {
        memory_config_validate(c);
    } catch (const Error & e) {
        throw UsageError{e.what()};
    }
    return c;
}

int evidence_tokens_from_args(const Args & a, int def) {
    const auto v = a.get("--evidence-tokens");
    if (!v) return def;
    if (*v == "auto") return kAutoEvidence;
    const int n = a.get_int("--evidence-tokens", def);
    if (n < 0) throw UsageError{"--evidence-tokens must be >= 0 or auto"};
    return n;
}

} // namespace quire::cli
