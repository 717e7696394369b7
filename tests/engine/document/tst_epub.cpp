// EPUBs crafted as an attacker or a damaged download would have them, built here with libzip:
// entity expansion in every XML entry (billion laughs and the quadratic blow-up that libxml2's
// own guard lets through), internal DTD subsets, a chapter longer than libxml2's 10 MB text
// node, and every structural error, which must name the EPUB and the entry.
#include "core/error.h"
#include "document/document_source.h"
#include "epub_writer.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;
using quire::test::EpubParts;

namespace {

std::string repeat(const std::string & s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

// A 50 KB entity referenced 50,000 times (2.5 GB if expanded), and the classic nested one.
const std::string kBigEntity = "<!ENTITY big \"" + std::string(50000, 'x') + "\">";
const std::string kLaughs = "<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                            "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                            "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                            "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                            "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                            "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                            "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                            "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                            "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">";

} // namespace

class TestEpub : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string write(const char * name, const EpubParts & p, bool deflate = false) {
        const std::string path = dir_.filePath(name).toStdString();
        test::write_zip(p.entries(), path, deflate);
        return path;
    }
    static std::string error_of(const std::string & path) {
        try {
            document_open(path);
        } catch (const Error & e) {
            return e.what();
        }
        return "(opened)";
    }

private slots:
    void initTestCase() {
        if (!document_epub_supported()) QSKIP("built without libzip/libxml2: EPUB tests skipped");
    }

    // Entities are never expanded: not in the package document's title, the navigation
    // document's links, nor a chapter's text; the chapter's internal subset is not text either.
    void entityExpansionIsBounded() {
        for (const std::string & subset : {kBigEntity, kLaughs}) {
            const std::string ref = subset == kBigEntity ? "&big;" : "&lol9;";
            EpubParts p;
            p.opf_prolog = "<!DOCTYPE package [" + subset + "]>";
            p.title = "Title " + repeat(ref, 50000);
            p.nav = "<?xml version=\"1.0\"?><!DOCTYPE html [" + subset + "]><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><nav><ol><li><a href=\"c1.xhtml\">" +
                    repeat(ref, 50000) + "</a></li></ol></nav></body></html>";
            p.chapters = {"<?xml version=\"1.0\"?><!DOCTYPE html [" + subset + "]><html><body><h1>One " + repeat(ref, 50000) + "</h1><p>The keeper lit the lamp." +
                          repeat(ref, 50000) + "</p></body></html>"};
            const std::string path = write("entities.epub", p);
            QElapsedTimer t;
            t.start();
            const auto d = document_open(path);
            QVERIFY2(t.elapsed() < 20000, qPrintable(QString("took %1 ms").arg(t.elapsed())));
            QCOMPARE(d->info().pages, 1);
            const Page pg = d->page(0);
            QVERIFY2(d->info().title.size() < 100 && d->info().title.find("xxxx") == std::string::npos, d->info().title.substr(0, 200).c_str());
            QVERIFY2(pg.text.find("The keeper lit the lamp.") != std::string::npos, pg.text.substr(0, 300).c_str());
            QVERIFY2(pg.text.size() < 2 * 50000 * ref.size() + 1000, "the chapter's text is no longer than its entry");
            for (const char * leak : {"<!ENTITY", "]>", "xxxxxxxxxx", "lollollol"})
                QVERIFY2(pg.text.find(leak) == std::string::npos && pg.title.find(leak) == std::string::npos, leak);
            for (const auto & o : d->outline()) QVERIFY(o.title.size() <= 4096 && o.title.find("xxxx") == std::string::npos);
        }
    }

    // An ordinary XHTML chapter: the XHTML DOCTYPE, HTML's entities, CDATA, a comment before.
    void xhtmlDoctypeAndEntities() {
        EpubParts p;
        p.chapters = {"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- made by hand -->\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
                      "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head><body>"
                      "<h2>Fish &amp; <em>chips</em></h2><p>Salt&nbsp;and <b>vinegar</b> <i>please</i>.</p></body></html>"};
        const auto d = document_open(write("xhtml.epub", p));
        QCOMPARE(d->page(0).text, std::string("Fish & chips\n\nSalt\xC2\xA0" "and vinegar please.\n"));
        QCOMPARE(d->outline().at(0).title, std::string("Chapter One"));
    }

    // The chapter's markup as styled spans of its text: each span covers its element's words,
    // nested lists count their depth, and misnested or unclosed tags still end inside the text.
    void markupBecomesStyledSpans() {
        EpubParts p;
        p.chapters = {"<html><body><h2>Fish &amp; <em>chips</em></h2><p>Salt and <b>vinegar</b> <i>please</i>.</p>"
                      "<ul><li>cod</li><li>haddock<ul><li>smoked</li></ul></li></ul><blockquote>Said the cook.</blockquote>"
                      "<pre>fry(180)</pre><p><strong>bold <em>and both</strong> after</p><p><em>never closed</p></body></html>"};
        const Page pg = document_open(write("styled.epub", p))->page(0);
        auto span_text = [&](TextStyle st, int nth = 0) -> std::string {
            for (const StyledSpan & s : pg.styles)
                if (s.style == st && nth-- == 0) return pg.text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.len));
            return "(none)";
        };
        auto level = [&](TextStyle st, int nth) {
            for (const StyledSpan & s : pg.styles)
                if (s.style == st && nth-- == 0) return s.level;
            return -1;
        };
        QCOMPARE(span_text(TextStyle::HEADING), std::string("Fish & chips"));
        QCOMPARE(level(TextStyle::HEADING, 0), 2);
        QCOMPARE(span_text(TextStyle::EMPHASIS, 0), std::string("chips"));
        QCOMPARE(span_text(TextStyle::STRONG, 0), std::string("vinegar"));
        QCOMPARE(span_text(TextStyle::EMPHASIS, 1), std::string("please"));
        QCOMPARE(span_text(TextStyle::LIST_ITEM, 0), std::string("cod"));
        QCOMPARE(span_text(TextStyle::LIST_ITEM, 1), std::string("smoked")); // ends first
        QCOMPARE(level(TextStyle::LIST_ITEM, 1), 2);
        QCOMPARE(span_text(TextStyle::LIST_ITEM, 2), std::string("haddock\n\nsmoked"));
        QCOMPARE(span_text(TextStyle::QUOTE), std::string("Said the cook."));
        QCOMPARE(span_text(TextStyle::CODE), std::string("fry(180)"));
        for (const StyledSpan & s : pg.styles) QVERIFY(s.start >= 0 && s.len > 0 && s.start + s.len <= static_cast<int64_t>(pg.text.size()));
        QVERIFY(pg.text.find("never closed") != std::string::npos);
    }

    // A chapter past libxml2's 10 MB text node is read whole (streamed), not cut.
    void longChapterIsNotCut() {
        EpubParts p;
        p.chapters = {"<html><body><p>" + repeat("lamp ", 2'600'000) + "END-MARKER</p></body></html>"};
        const auto d = document_open(write("long.epub", p, true));
        const Page pg = d->page(0);
        QVERIFY2(pg.text.size() > 13'000'000, qPrintable(QString::number(pg.text.size())));
        QVERIFY(pg.text.find("lamp END-MARKER") != std::string::npos);
    }

    // Every structural error names the EPUB, the entry and what is wrong.
    void structureErrorsNameTheEpubAndEntry() {
        struct Case {
            const char * name;
            std::function<void(test::EpubEntries &)> damage;
            std::vector<std::string> words;
        };
        auto drop = [](const std::string & entry) {
            return [entry](test::EpubEntries & e) { std::erase_if(e, [&](const auto & x) { return x.first == entry; }); };
        };
        auto replace = [](const std::string & entry, std::string bytes) {
            return [entry, bytes](test::EpubEntries & e) {
                for (auto & x : e)
                    if (x.first == entry) x.second = bytes;
            };
        };
        const std::vector<Case> cases = {
            {"no-container.epub", drop("META-INF/container.xml"), {"lacks the container file", "META-INF/container.xml"}},
            {"no-package.epub", drop("OEBPS/content.opf"), {"lacks the package document", "OEBPS/content.opf"}},
            {"no-chapter.epub", drop("OEBPS/c1.xhtml"), {"lacks a chapter named in the spine", "OEBPS/c1.xhtml"}},
            {"bad-container.epub", replace("META-INF/container.xml", "<<< not xml"), {"META-INF/container.xml", "not well-formed XML"}},
            {"bad-package.epub", replace("OEBPS/content.opf", "\x01\x02 binary"), {"OEBPS/content.opf", "the package document", "not well-formed XML"}},
            {"no-rootfile.epub", replace("META-INF/container.xml", "<container/>"), {"container.xml names no package document"}},
            {"spine-id.epub", replace("OEBPS/content.opf", "<package><manifest/><spine><itemref idref=\"ghost\"/></spine></package>"),
             {"'ghost'", "manifest", "OEBPS/content.opf"}},
            {"empty-spine.epub", replace("OEBPS/content.opf", "<package><manifest/><spine/></package>"), {"OEBPS/content.opf", "empty spine"}},
            {"huge-package.epub", replace("OEBPS/content.opf", "<package>" + std::string(17 << 20, ' ') + "</package>"),
             {"OEBPS/content.opf", "the package document", "more than the 16 MiB"}},
        };
        for (const Case & c : cases) {
            auto entries = EpubParts().entries();
            c.damage(entries);
            const std::string path = dir_.filePath(c.name).toStdString();
            test::write_zip(entries, path, true);
            const std::string msg = error_of(path);
            QVERIFY2(msg.find(path) != std::string::npos, (std::string(c.name) + ": " + msg).c_str());
            for (const auto & w : c.words) QVERIFY2(msg.find(w) != std::string::npos, (std::string(c.name) + ": " + msg + " lacks " + w).c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestEpub)
#include "tst_epub.moc"
