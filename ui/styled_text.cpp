#include "styled_text.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

namespace quire::ui {

namespace {

// UTF-16 position of each byte offset of a UTF-8 text (continuation bytes share their
// character's position).
std::vector<int> utf16_positions(const char * s, size_t n) {
    std::vector<int> at(n + 1);
    int q = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        at[i] = q;
        if ((c & 0xC0) != 0x80) q += c >= 0xF0 ? 2 : 1; // a 4-byte sequence is a surrogate pair
    }
    at[n] = q;
    return at;
}

} // namespace

void apply_styles(QTextDocument & doc, const DocumentMap & map, int64_t page_start, int64_t page_end) {
    if (map.styles.empty() || page_end <= page_start) return;
    const std::vector<int> at = utf16_positions(map.text.data() + page_start, static_cast<size_t>(page_end - page_start));
    const double base = doc.defaultFont().pointSizeF() > 0 ? doc.defaultFont().pointSizeF() : 10.0;
    static constexpr double kHeadingScale[7] = {1.0, 1.6, 1.4, 1.25, 1.12, 1.05, 1.0};
    QTextCursor c(&doc);
    c.beginEditBlock();
    for (const MappedStyle & s : map.styles) {
        const int64_t a = std::max(s.start, page_start), b = std::min(s.start + s.len, page_end);
        if (a >= b) continue;
        c.setPosition(at[static_cast<size_t>(a - page_start)]);
        c.setPosition(at[static_cast<size_t>(b - page_start)], QTextCursor::KeepAnchor);
        QTextCharFormat cf;
        QTextBlockFormat bf;
        switch (static_cast<TextStyle>(s.style)) {
        case TextStyle::HEADING:
            cf.setFontWeight(QFont::Bold);
            cf.setFontPointSize(base * kHeadingScale[std::clamp<int>(s.level, 1, 6)]);
            bf.setTopMargin(base * 0.6);
            bf.setBottomMargin(base * 0.3);
            c.mergeBlockFormat(bf);
            break;
        case TextStyle::EMPHASIS: cf.setFontItalic(true); break;
        case TextStyle::STRONG: cf.setFontWeight(QFont::Bold); break;
        case TextStyle::CODE: cf.setFontFamilies({QFontDatabase::systemFont(QFontDatabase::FixedFont).family()}); break;
        case TextStyle::QUOTE:
            bf.setLeftMargin(base * 2.5);
            c.mergeBlockFormat(bf);
            cf.setFontItalic(true);
            break;
        case TextStyle::LIST_ITEM: {
            // A bullet drawn beside the item's first block (a list format adds no character).
            QTextCursor first(&doc);
            first.setPosition(at[static_cast<size_t>(a - page_start)]);
            if (!first.currentList()) {
                QTextListFormat lf;
                lf.setStyle(s.level % 2 ? QTextListFormat::ListDisc : QTextListFormat::ListCircle);
                lf.setIndent(std::clamp<int>(s.level, 1, 8));
                first.createList(lf);
            }
            continue;
        }
        default: continue;
        }
        c.mergeCharFormat(cf);
    }
    c.endEditBlock();
}

} // namespace quire::ui
