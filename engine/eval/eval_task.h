// Long-context retrieval tasks for the evaluation harness, generated from a seed: a document of
// a given length in the model's tokens with facts planted at given depths, the question, and the
// expected answer.
//   passkey   a five-digit key in prose ("The pass key is 48213. Remember it."); exact match.
//   kv        a JSON object of random 8-hex-digit keys and values; the value of one key; exact match.
//   needle    an invented fact in prose ("The secret ingredient of Orla Finch's ember stew is
//             blue saffron."); the answer must contain it.
//   multihop  two facts far apart that only answer the question together ("X's dish is served
//             at the Gull inn" ... "The Gull inn stands in Varrow"); the answer must contain it.
//   docqa     questions about a real document (eval/docqa.h), one instance per question.
// The haystack prose comes from its own vocabulary, disjoint from the facts' names, so no
// sentence of the haystack can answer a question.
#pragma once

#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quire {

enum class EvalTask { PASSKEY, KV, NEEDLE, MULTIHOP, DOCQA };

const char * eval_task_name(EvalTask t);
EvalTask eval_task_from_name(const std::string & s); // throws Error(BAD_INPUT)

struct EvalInstance {
    EvalTask task = EvalTask::PASSKEY;
    int length = 0;     // the target length in tokens (document and question)
    double depth = 0;   // where the (first) fact sits in the document, 0 = start, 1 = end
    int sample = 0;
    std::string document;
    std::string question; // with the answer format asked for
    std::string answer;   // what is expected
    int doc_tokens = 0;   // the document's length in the model's tokens
    // docqa: every accepted answer, the question's style, and the document's tokens (shared by
    // the questions of one document; empty for the generated tasks, which encode `document`).
    std::vector<std::string> accept;
    std::string style;
    std::shared_ptr<const std::vector<int>> tokens;
    std::string title; // docqa: the document's file name without its extension
};

struct DocQaSet;

// One instance; the same (task, length, depth, sample, seed) always gives the same text.
// `length` counts the document plus room for the question and chat frame (kQuestionRoom).
EvalInstance eval_make_instance(const Tokenizer & tok, EvalTask task, int length, double depth, int sample, uint64_t seed);

constexpr int kQuestionRoom = 96;

// The instances of a docqa set: one per question (sample = its index, depth = its evidence's),
// the document encoded once.
std::vector<EvalInstance> docqa_instances(const Tokenizer & tok, const DocQaSet & set);

// Whether `answer` is right: the first number (passkey) or the first 8-hex-digit word other
// than the key (kv) equals the expected answer; needle and multihop: the answer contains it,
// ignoring case; docqa: one of the accepted answers (answer_matches).
bool eval_score(const EvalInstance & inst, const std::string & answer);

} // namespace quire
