#include "markdown_map.h"

namespace quire::ui {

std::vector<int> align_rendered(const QString & source, const QString & rendered) {
    std::vector<int> map(static_cast<size_t>(source.size()) + 1);
    qsizetype j = 0;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar s = source[i];
        // Rendered characters with no source (list bullets are formatting, but an object
        // replacement for an image is a character): skipped when they cannot match.
        while (j < rendered.size() && !s.isSpace() && rendered[j] != s && rendered[j] == QChar::ObjectReplacementCharacter) ++j;
        map[static_cast<size_t>(i)] = static_cast<int>(j);
        if (j < rendered.size() && (rendered[j] == s || (s.isSpace() && (rendered[j].isSpace() || rendered[j] == QChar::ParagraphSeparator)))) ++j;
    }
    map.back() = static_cast<int>(j);
    return map;
}

} // namespace quire::ui
