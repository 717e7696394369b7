// What an evaluation run writes: a CSV of every instance, a Markdown summary (accuracy and time
// per task x method x mode x length) and, per task x method x mode, a length x depth heatmap as
// SVG (the caller writes them with write_file_atomic).
#pragma once

#include "eval/eval_run.h"

#include <string>
#include <vector>

namespace quire {

struct EvalRow {
    EvalTask task;
    int length = 0, doc_tokens = 0, sample = 0;
    double depth = 0;
    EvalMethod method;
    AskMode mode;
    std::string expected;
    EvalOutcome outcome;
    std::string style; // docqa: the question's style ("lexical", "paraphrase")
};

// The CSV (a header line, one line per row; text fields quoted).
std::string eval_csv(const std::vector<EvalRow> & rows);

// The Markdown summary: `title` (the model and command), then one table per task (docqa: and
// one by question style).
std::string eval_summary(const std::vector<EvalRow> & rows, const std::string & title);

// One heatmap per (task, method, mode) present: {file name, SVG text}.
std::vector<std::pair<std::string, std::string>> eval_heatmaps(const std::vector<EvalRow> & rows, const std::string & model_name);

} // namespace quire
