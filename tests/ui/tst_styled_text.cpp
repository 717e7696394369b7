// An EPUB chapter's markup in the reader (issue 21, point 4): headings, emphasis, strong, lists,
// quotes and code drawn on the page's text, the text itself unchanged, so that a found word is
// highlighted as shown. The EPUB is written by the test (tests/support/epub_writer.h) and read by
// the engine as the app reads it.
#include "epub_writer.h"
#include "reader_view.h"
#include "styled_text.h"

#include "quire.h"

#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QtTest>

using namespace quire;
using namespace quire::ui;

class TestStyledText : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    std::shared_ptr<StoredDocument> read_epub() {
        test::EpubParts p;
        p.chapters = {"<html><body><h1>The Harbour</h1><p>Boats came in <em>slowly</em> at dusk, <b>laden</b> with fish.</p>"
                      "<ul><li>cod</li><li>mackerel</li></ul><blockquote>Mind the nets.</blockquote><pre>tide(6)</pre>"
                      "<p>The keeper wrote it down.</p></body></html>",
                      "<html><body><h2>Storm</h2><p>Rain all night.</p></body></html>"};
        const std::string path = dir_.filePath("harbour.epub").toStdString();
        test::write_zip(p.entries(), path);
        auto doc = std::make_shared<StoredDocument>();
        doc->map = document_read_map(path);
        return doc;
    }
    static int position_of(const QTextDocument & d, const QString & word) { return static_cast<int>(d.toPlainText().indexOf(word)); }
    static QTextCharFormat format_at(const QTextDocument & d, int pos) {
        QTextCursor c(const_cast<QTextDocument *>(&d));
        c.setPosition(pos + 1); // the format of the character before the cursor: the word's first
        return c.charFormat();
    }

private slots:
    void initTestCase() {
        if (!document_epub_supported()) QSKIP("built without libzip/libxml2");
    }

    void stylesDrawnTextUnchanged() {
        const auto doc = read_epub();
        const DocumentMap & m = doc->map;
        QVERIFY(!m.styles.empty());
        const int64_t a = m.page_starts[0], b = m.page_starts[1];
        const QString text = QString::fromUtf8(m.text.data() + a, static_cast<qsizetype>(b - a));
        QTextDocument d;
        d.setPlainText(text);
        const double base = d.defaultFont().pointSizeF();
        apply_styles(d, m, a, b);
        QCOMPARE(d.toPlainText(), QTextDocument(text).toPlainText()); // formats only
        const QTextCharFormat heading = format_at(d, position_of(d, "Harbour"));
        QVERIFY(heading.fontWeight() >= QFont::Bold && heading.fontPointSize() > base * 1.3);
        QVERIFY(format_at(d, position_of(d, "slowly")).fontItalic());
        QVERIFY(!format_at(d, position_of(d, "Boats")).fontItalic());
        QVERIFY(format_at(d, position_of(d, "laden")).fontWeight() >= QFont::Bold);
        QVERIFY(d.findBlock(position_of(d, "cod")).textList() && d.findBlock(position_of(d, "mackerel")).textList());
        QVERIFY(!d.findBlock(position_of(d, "keeper")).textList());
        QVERIFY(d.findBlock(position_of(d, "Mind")).blockFormat().leftMargin() > 0);
        QVERIFY(!format_at(d, position_of(d, "tide")).fontFamilies().toStringList().isEmpty());
    }

    // In the reader: the page is styled and a found word is highlighted where it is shown.
    void readerShowsStyledChapters() {
        ReaderView r;
        r.resize(700, 500);
        r.set_document(read_epub());
        QVERIFY(r.shown_text().contains("The Harbour") && r.shown_text().contains("cod"));
        QVERIFY(r.find_next("laden with"));
        QCOMPARE(r.highlighted_text(), QString("laden with"));
        QVERIFY(r.find_next("all night"));
        QCOMPARE(r.page(), 1);
        QCOMPARE(r.highlighted_text(), QString("all night"));
    }
};

QTEST_MAIN(TestStyledText)
#include "tst_styled_text.moc"
