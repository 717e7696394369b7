#include "memory/retrieval_trace.h"

namespace quire {

const char * step_kind_name(StepKind k) {
    switch (k) {
    case StepKind::DOCUMENT: return "document";
    case StepKind::PROMPT: return "prompt";
    case StepKind::QUESTION: return "question";
    case StepKind::TOKEN: return "token";
    }
    return "?";
}

} // namespace quire
