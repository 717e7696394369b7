// Memory option parsing.
#include "cli/memory_options.h"

#include "core/error.h"

namespace quire::cli {

const std::set<std::string> kMemoryOptions = {"--preset", "--n-init", "--n-local", "--block-size", "--topk", "--exc-block-size", "--repr-topk",
                                              "--host-budget-mib"};

const char * const kMemoryHelp = R"(memory options:
  --preset 512|1k|2k|infllm   window/block/top-k preset (default 2k)
  --n-init N --n-local N --block-size N --topk N --exc-block-size N --repr-topk N
                              override one field of the preset
  --host-budget-mib N         RAM for memory blocks; beyond it they go to a temporary file
)";

MemoryConfig memory_config_from_args(const Args & a) {
    MemoryConfig c;
    try {
        c = memory_preset(a.get("--preset").value_or("2k"));
    } catch (const Error & e) {
        throw UsageError{e.what()};
    }
    c.n_init = a.get_int("--n-init", c.n_init);
    c.n_local = a.get_int("--n-local", c.n_local);
    c.block_size = a.get_int("--block-size", c.block_size);
    c.topk = a.get_int("--topk", c.topk);
    c.exc_block_size = a.get_int("--exc-block-size", c.exc_block_size);
    c.repr_topk = a.get_int("--repr-topk", c.repr_topk);
    c.host_budget_bytes = static_cast<uint64_t>(a.get_int("--host-budget-mib", 0)) << 20;
    try {
        memory_config_validate(c);
    } catch (const Error & e) {
        throw UsageError{e.what()};
    }
    return c;
}

} // namespace quire::cli
