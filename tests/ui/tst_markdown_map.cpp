// Markdown rendered by Qt (QTextDocument::setMarkdown) against its source: every word of the
// source maps onto the same word in the rendered text (headings, emphasis, links, lists, code,
// escapes, entities and soft line breaks dropped or changed by the rendering).
#include "markdown_map.h"

#include <QRegularExpression>
#include <QTextDocument>
#include <QtTest>

using namespace quire::ui;

class TestMarkdownMap : public QObject {
    Q_OBJECT
private slots:
    void wordsLandOnTheRenderedWords() {
        const QString src = "## Chapter 2: Late January\n\nGideon walked to the **north cliff** and came back\nwith a *bundle* of letters.\n\n"
                            "- the [fog bell](https://example.org/bell) rang\n- `wick_trimmer` and oil\n\n1. first keeper\n2. second keeper\n\n"
                            "> The sea forgets nothing \\* and forgives little &amp; more.\n\nLast line_with_underscore.";
        QTextDocument doc;
        doc.setMarkdown(src);
        const QString out = doc.toPlainText();
        const std::vector<int> map = align_rendered(src, out);
        QCOMPARE(map.size(), static_cast<size_t>(src.size()) + 1);
        for (int i = 1; i < static_cast<int>(map.size()); ++i) QVERIFY(map[static_cast<size_t>(i)] >= map[static_cast<size_t>(i) - 1]); // monotone
        // Every word of the source (letters only) is found where the map puts it.
        const QRegularExpression word("[A-Za-z]{3,}");
        const qsizetype url = src.indexOf("(https://"), url_end = src.indexOf(')', url);
        int checked = 0;
        for (auto it = word.globalMatch(src); it.hasNext();) {
            const auto m = it.next();
            if ((m.capturedStart() > url && m.capturedStart() < url_end) || m.captured() == "amp") continue; // markup: a link's target, an entity
            const int a = map[static_cast<size_t>(m.capturedStart())], b = map[static_cast<size_t>(m.capturedEnd())];
            QVERIFY2(out.mid(a, b - a) == m.captured(), qPrintable(QString("'%1' mapped to '%2'").arg(m.captured(), out.mid(a, b - a))));
            ++checked;
        }
        QVERIFY(checked > 30);
        QVERIFY(!out.contains("**") && !out.contains("## ")); // it was rendered
    }
    void plainTextMapsOntoItself() {
        const QString s = "No markup here, just words.";
        const std::vector<int> map = align_rendered(s, s);
        for (int i = 0; i <= s.size(); ++i) QCOMPARE(map[static_cast<size_t>(i)], i);
    }
};

QTEST_MAIN(TestMarkdownMap)
#include "tst_markdown_map.moc"
