// The retrieval trace as JSON for people and tools: the run (model, store, question, answer),
// the blocks with their token ranges and text, and for each step and layer the selected blocks
// with s(B,H), s(B,Q) and the combined score, plus every block's scores (or, past a limit, the
// top ones and summary statistics).
#pragma once

#include "quire.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace quire::cli {

class TraceJson {
public:
    // full_limit: up to this many blocks, every block's scores are written; beyond it, the top
    // `full_limit` by combined score and statistics of all.
    explicit TraceJson(int full_limit = 256) : full_limit_(full_limit) {}
    void add(const RetrievalStep & step) { steps_.push_back(step_json(step)); }
    // Writes the file atomically.
    void write(const std::string & path, nlohmann::ordered_json header, const Tokenizer & tok, const AskResult & res) const;

private:
    nlohmann::ordered_json step_json(const RetrievalStep & s) const;
    int full_limit_;
    std::vector<nlohmann::ordered_json> steps_;
};

} // namespace quire::cli
