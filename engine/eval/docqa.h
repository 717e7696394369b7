// The docqa task: questions about a real document. The document is any file Quire reads (PDF,
// EPUB, Markdown, text), taken through the document readers as the app takes it; the questions
// are a file of one JSON object per line:
//   {"question": "...", "answers": ["...", ...], "evidence": ["...", ...], "style": "lexical"}
//   answers   the accepted answers; a reply is right when it holds any one (answer_matches)
//   evidence  where the answer sits, copied from the document's text (whitespace may differ):
//             one place, or several far apart for a question that needs them all
//   style     "lexical" (the question shares a distinctive word with its evidence) or
//             "paraphrase"
// The demo book's questions (a JSON object {"questions": [{"question", "answer", "accept",
// "depth"}, ...]}, resources/demo/) load as well.
#pragma once

#include <string>
#include <vector>

namespace quire {

struct DocQuestion {
    std::string question;
    std::vector<std::string> answers;  // accepted forms, the first the one shown as expected
    std::vector<std::string> evidence; // may be empty (the demo book's format)
    std::string style;
    double depth = 0; // where the first evidence starts in the text, 0..1
};

struct DocQaSet {
    std::string document; // the document's path
    std::string text;     // its text as Quire reads it (document_read_map)
    std::vector<DocQuestion> questions;
};

// Reads the document and its questions. Error(BAD_INPUT) naming the file and line for a
// malformed line, a question without answers, or evidence that is not in the document's text.
DocQaSet docqa_load(const std::string & document, const std::string & questions);

// Whether `reply` holds one of `answers`: letters compared without case, typographic quotes and
// dashes as their ASCII forms, runs of white space as one space; an answer that begins (ends)
// with a letter or digit must not be preceded (followed) by one in the reply.
bool answer_matches(const std::string & reply, const std::vector<std::string> & answers);

} // namespace quire
