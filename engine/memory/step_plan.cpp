#include "memory/step_plan.h"

#include <algorithm>

namespace quire {

int memory_position(const MemoryConfig & cfg) { return std::max(cfg.n_local - 1, 0); }

StepShape plan_step(const MemoryConfig & cfg, StepKind kind, int T, int n_blocks, int n_sink, int n_win, bool has_question) {
    StepShape s;
    s.n_sel = std::max(0, std::min(cfg.topk, n_blocks));
    s.n_mem = n_sink + s.n_sel * cfg.block_size;
    s.n_local = n_win + T;
    s.with_question = has_question || kind == StepKind::QUESTION;
    s.sets_question = kind == StepKind::QUESTION && !has_question;
    return s;
}

TrimPlan plan_trim(const MemoryConfig & cfg, int n_sink, int n_win) {
    TrimPlan p;
    if (n_win <= cfg.n_local) return p;
    if (n_sink < cfg.n_init) p.to_sinks = std::min(cfg.n_init - n_sink, n_win - cfg.n_local);
    const int rest = n_win - p.to_sinks - cfg.n_local;
    if (rest > 0 && cfg.block_size > 0) p.new_blocks = rest / cfg.block_size;
    return p;
}

} // namespace quire
