// Markdown shown rendered (QTextDocument::setMarkdown) while the reading's positions stay those
// of the source text: an alignment from each character of the source to the rendered text's
// position, so that highlights of passages and finds land on the rendered words.
#pragma once

#include <QString>

#include <vector>

namespace quire::ui {

// For each source index i (0..source.size()), the rendered position its character went to, or
// for markup that was dropped the position of the next rendered character. Greedy: characters
// equal in both advance both, whitespace matches whitespace (soft line breaks become spaces or
// paragraph ends), anything else in the source is markup and is skipped.
std::vector<int> align_rendered(const QString & source, const QString & rendered);

} // namespace quire::ui
