// What the query-aware lookup did at one step: for each layer, every block's scores and the
// blocks it selected. Steps are question chunks, document chunks and generated tokens.
#pragma once

#include "memory/block_select.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace quire {

enum class StepKind { DOCUMENT, PROMPT, QUESTION, TOKEN };
const char * step_kind_name(StepKind k);

struct RetrievalStep {
    int index = 0;          // step number within the run
    StepKind kind = StepKind::DOCUMENT;
    int64_t position = 0;   // position of the step's first token
    int n_tokens = 0;
    int token = -1;         // for TOKEN steps: the token that was fed
    std::vector<BlockScores> layers; // empty for layers with no blocks yet
};

using RetrievalCallback = std::function<void(const RetrievalStep &)>;

} // namespace quire
