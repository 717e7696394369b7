// Document sources against documents made here: text in every supported encoding, Markdown
// with headings, and PDFs written by Qt's PDF writer with known words at known places (several
// pages, two columns, no text layer, truncated, encrypted by qpdf, 2,000 pages), and a
// hand-written PDF with an outline and a justified line.
#include "core/error.h"
#include "document/document_source.h"
#include "memory/passage.h"
#include "document/text_decode.h"
#include "test_env.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

namespace {

// Points: the writer at 72 dpi draws in PDF units; text is placed by its baseline.
struct Text {
    int page;
    double x, y;
    QString s;
};

QString write_pdf(const QString & path, const std::vector<Text> & texts, int pages, bool rectangles_only = false) {
    QPdfWriter w(path);
    w.setResolution(72);
    w.setPageSize(QPageSize(QPageSize::A4));
    w.setPageMargins(QMarginsF(0, 0, 0, 0));
    w.setTitle("Quire Test Document");
    QPainter p(&w);
    QFont f("DejaVu Sans");
    f.setPixelSize(12);
    p.setFont(f);
    for (int pg = 0; pg < pages; ++pg) {
        if (pg) w.newPage();
        if (rectangles_only) p.fillRect(QRectF(50, 50, 200, 100), Qt::black);
        for (const auto & t : texts)
            if (t.page == pg) p.drawText(QPointF(t.x, t.y), t.s);
    }
    p.end();
    return path;
}

void write_bytes(const QString & path, const QByteArray & b) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(b);
}

Status open_status(const std::string & path, const std::string & password = {}, std::string * message = nullptr) {
    try {
        document_open(path, password);
        return Status::OK;
    } catch (const Error & e) {
        if (message) *message = e.what();
        return e.status();
    }
}

const Word * find_word(const Page & p, const std::string & w) {
    for (const auto & x : p.words)
        if (p.text.compare(static_cast<size_t>(x.start), static_cast<size_t>(x.len), w) == 0) return &x;
    return nullptr;
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string at(const char * name) { return dir_.filePath(name).toStdString(); }

private slots:
    void textEncodings() {
        const std::string want = "Gr\xC3\xBC\xC3\x9F" "e, \xE4\xB8\x96\xE7\x95\x8C!\nline two\n";
        QCOMPARE(decode_text(want).encoding, std::string("utf-8"));
        std::string with_bom = "\xEF\xBB\xBF";
        with_bom.append(want);
        QCOMPARE(decode_text(with_bom).utf8, want);
        // UTF-16 LE and BE with BOM, CRLF line ends.
        const QString q = QString::fromUtf8(want.c_str()).replace("\n", "\r\n");
        QByteArray le("\xFF\xFE", 2), be("\xFE\xFF", 2);
        for (QChar c : q) {
            le.append(static_cast<char>(c.unicode() & 0xFF)).append(static_cast<char>(c.unicode() >> 8));
            be.append(static_cast<char>(c.unicode() >> 8)).append(static_cast<char>(c.unicode() & 0xFF));
        }
        const auto dle = decode_text(le.toStdString()), dbe = decode_text(be.toStdString());
        QCOMPARE(dle.encoding, std::string("utf-16le"));
        QCOMPARE(dle.utf8, want);
        QCOMPARE(dbe.encoding, std::string("utf-16be"));
        QCOMPARE(dbe.utf8, want);
        // Not UTF-8: Latin-1.
        const auto l1 = decode_text("Gr\xFC\xDF" "e");
        QCOMPARE(l1.encoding, std::string("latin-1"));
        QCOMPARE(l1.utf8, std::string("Gr\xC3\xBC\xC3\x9F" "e"));
        QVERIFY_THROWS_EXCEPTION(Error, decode_text(std::string("\xFF\xFE\x41", 3))); // odd UTF-16
        // Windows-1252's quotes and dashes (bytes 0x80-0x9F) are its characters, not C1 controls.
        const auto w = decode_text("\x93Quoted\x94 \x96 it\x92s \x80" "5");
        QCOMPARE(w.encoding, std::string("windows-1252"));
        QCOMPARE(w.utf8, std::string("\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s \xE2\x82\xAC" "5"));
    }
    // Malformed UTF-16 is refused with the file's name, what is wrong and what to do.
    void utf16ErrorsNameTheFile() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {std::string("\xFF\xFE\x41\x00\x42", 5), "odd number of bytes"},
            {std::string("\xFF\xFE\x41\x00\x3D\xD8", 6), "ends inside a surrogate pair"},
            {std::string("\xFF\xFE\x3D\xD8\x41\x00", 6), "unpaired high surrogate at byte 2"},
            {std::string("\xFE\xFF\xDC\x00\x00\x41", 6), "unpaired low surrogate at byte 2"},
        };
        for (const auto & [bytes, why] : cases) {
            write_bytes(dir_.filePath("u16.txt"), QByteArray::fromStdString(bytes));
            std::string msg;
            QCOMPARE(open_status(at("u16.txt"), {}, &msg), Status::BAD_INPUT);
            QVERIFY2(msg.find(at("u16.txt")) != std::string::npos && msg.find(why) != std::string::npos && msg.find("save it again as UTF-8") != std::string::npos,
                     msg.c_str());
        }
    }
    // Binary content named .txt / .md (an executable, random bytes, NUL bytes, UTF-16 of control
    // characters) is refused as binary, naming the file, not read as Latin-1 text.
    void binaryFilesAreRefused() {
        QFile exe(QCoreApplication::applicationFilePath());
        QVERIFY(exe.open(QIODevice::ReadOnly));
        write_bytes(dir_.filePath("program.txt"), exe.read(1 << 20));
        uint32_t seed = 7;
        QByteArray noise;
        for (int i = 0; i < 200000; ++i) {
            seed = seed * 1664525u + 1013904223u;
            noise.append(static_cast<char>(1 + (seed >> 24) % 255)); // no NUL: the control-character rule decides
        }
        write_bytes(dir_.filePath("noise.md"), noise);
        write_bytes(dir_.filePath("zeros.txt"), QByteArray(4096, '\0'));
        QByteArray u16("\xFF\xFE", 2);
        for (int i = 0; i < 100; ++i) u16.append(static_cast<char>(1 + i % 8)).append('\0');
        write_bytes(dir_.filePath("u16-controls.txt"), u16);
        for (const char * name : {"program.txt", "noise.md", "zeros.txt", "u16-controls.txt"}) {
            std::string msg;
            QCOMPARE(open_status(at(name), {}, &msg), Status::BAD_INPUT);
            QVERIFY2(msg.find(at(name)) != std::string::npos && msg.find("is a binary file, not text") != std::string::npos, msg.c_str());
        }
        // A stray control character in real text is no sign of a binary file; a text of nothing
        // but control characters and blanks is empty, the same as for ingest.
        write_bytes(dir_.filePath("stray.txt"), "A line with a bell\x07 in it.\n");
        QCOMPARE(open_status(at("stray.txt")), Status::OK);
        write_bytes(dir_.filePath("controls.txt"), "\x01\n \x02\n");
        std::string msg;
        QCOMPARE(open_status(at("controls.txt"), {}, &msg), Status::BAD_INPUT);
        QVERIFY2(msg.find("is empty (no text)") != std::string::npos, msg.c_str());
    }
    void textFilesAsDocuments() {
        write_bytes(dir_.filePath("book.txt"), "First paragraph.\n\nSecond paragraph.\n");
        const auto d = document_open(at("book.txt"));
        QCOMPARE(d->info().format, std::string("text"));
        QCOMPARE(d->info().pages, 1);
        QCOMPARE(d->page(0).text, std::string("First paragraph.\n\nSecond paragraph.\n"));
        // A long text is cut into sections at paragraph breaks; nothing is lost.
        std::string big;
        for (int i = 0; i < 400; ++i) big += "Paragraph " + std::to_string(i) + " says something about the sea.\n\n";
        write_bytes(dir_.filePath("big.txt"), QByteArray::fromStdString(big));
        const auto b = document_open(at("big.txt"));
        QVERIFY(b->info().pages > 2);
        std::string joined;
        for (int i = 0; i < b->info().pages; ++i) {
            if (i) joined += '\n';
            joined += b->page(i).text;
        }
        QCOMPARE(joined, big);
    }
    // Whitespace the model should not pay for: trailing blanks, runs inside a line, control
    // characters, runs of blank lines; indentation stays.
    void textWhitespaceTidied() {
        write_bytes(dir_.filePath("ws.txt"), "\n\nTitle   of\tthe  book   \n\n\n\n    indented  code\x01 line\n\t\n\nEnd.\n");
        const auto d = document_open(at("ws.txt"));
        QCOMPARE(d->page(0).text, std::string("Title of the book\n\n    indented code line\n\nEnd.\n"));
    }
    void markdownOutline() {
        write_bytes(dir_.filePath("notes.md"), "# The Book\n\nIntro.\n\n## Chapter One\n\nThe key is blue.\n\n## Chapter Two ##\n\nThe end.\n");
        const auto d = document_open(at("notes.md"));
        QCOMPARE(d->info().format, std::string("markdown"));
        QCOMPARE(d->info().title, std::string("The Book"));
        QCOMPARE(d->info().pages, 3);
        const auto & o = d->outline();
        QCOMPARE(o.size(), size_t(3));
        QCOMPARE(o[1].title, std::string("Chapter One"));
        QCOMPARE(o[1].level, 1);
        QCOMPARE(o[2].title, std::string("Chapter Two"));
        QCOMPARE(o[2].page, 2);
        QVERIFY(d->page(o[1].page).text.find("The key is blue.") != std::string::npos);
    }
    void badFiles() {
        write_bytes(dir_.filePath("empty.txt"), "");
        write_bytes(dir_.filePath("blank.md"), "  \n\n \n");
        std::string msg;
        QCOMPARE(open_status(at("empty.txt"), {}, &msg), Status::BAD_INPUT);
        QVERIFY(msg.find("empty") != std::string::npos);
        QCOMPARE(open_status(at("blank.md")), Status::BAD_INPUT);
        QCOMPARE(open_status(at("missing.pdf")), Status::IO);
    }
    void pdfWordsOnTheirPages() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp: PDF tests skipped");
        const auto path = write_pdf(dir_.filePath("three.pdf"),
                                    {{0, 100, 100, "alpha"}, {1, 300, 500, "bravo"}, {2, 72, 700, "charlie delta"}, {2, 72, 720, "echo"}}, 3);
        const auto d = document_open(path.toStdString());
        QCOMPARE(d->info().format, std::string("pdf"));
        QCOMPARE(d->info().pages, 3);
        QCOMPARE(d->info().title, std::string("Quire Test Document"));
        const Page p1 = d->page(1);
        QVERIFY(p1.width > 590 && p1.width < 600); // A4: 595 x 842 points
        const Word * w = find_word(p1, "bravo");
        QVERIFY2(w, p1.text.c_str());
        QVERIFY(std::abs(w->box.x0 - 300) < 3);
        QVERIFY(w->box.y0 < 500 && w->box.y1 > 495 && w->box.y1 < 506); // the baseline is inside the box's lower part
        QVERIFY(!find_word(d->page(0), "bravo"));
        const Page p2 = d->page(2);
        QVERIFY(find_word(p2, "charlie") && find_word(p2, "delta") && find_word(p2, "echo"));
        QVERIFY(p2.text.find("charlie delta\necho") != std::string::npos);
    }
    // A word hyphenated at a line's end reads as one word; its parts keep their boxes.
    void pdfHyphenationJoined() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        const auto d = document_open(write_pdf(dir_.filePath("hyphen.pdf"), {{0, 72, 100, "a long exam-"}, {0, 72, 116, "ple of text"}, {0, 72, 132, "Anglo-"}, {0, 72, 148, "Saxon kings"}}, 1)
                                         .toStdString());
        const Page p = d->page(0);
        QVERIFY2(p.text.find("a long example of text") != std::string::npos, p.text.c_str());
        QVERIFY2(p.text.find("Anglo-\nSaxon") != std::string::npos, p.text.c_str()); // an upper-case next word: the hyphen is real
        const Word * exam = find_word(p, "exam");
        const Word * ple = find_word(p, "ple");
        QVERIFY(exam && ple);
        QCOMPARE(ple->start, exam->start + 4);
        QVERIFY(ple->box.y0 > exam->box.y0 + 10); // the second part on the next line
    }
    void pdfTwoColumnsInReadingOrder() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        std::vector<Text> t;
        for (int i = 0; i < 12; ++i) {
            t.push_back({0, 60, 100.0 + 16 * i, QString("left%1 words in the first column").arg(i)});
            t.push_back({0, 320, 100.0 + 16 * i, QString("right%1 words in the second column").arg(i)});
        }
        const auto d = document_open(write_pdf(dir_.filePath("columns.pdf"), t, 1).toStdString());
        const std::string text = d->page(0).text;
        const size_t l_last = text.find("left11"), r_first = text.find("right0");
        QVERIFY2(l_last != std::string::npos && r_first != std::string::npos, text.c_str());
        QVERIFY2(l_last < r_first, text.c_str()); // the whole left column before the right one
    }
    // A hand-written PDF (tests/data/document/make_pdf_outline.py): outline entries with the
    // pages they point to, and a justified line drawn word by word with gaps but no spaces.
    void pdfOutlineAndJustifiedWords() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        const QString py = QStandardPaths::findExecutable("python3");
        if (py.isEmpty()) QSKIP("python3 not found (scripts/install-deps.sh installs it): PDF fixture cannot be built");
        const QString path = dir_.filePath("outline.pdf");
        QCOMPARE(QProcess::execute(py, {QString::fromStdString(test::data("document/make_pdf_outline.py")), path}), 0);
        const auto d = document_open(path.toStdString());
        QCOMPARE(d->info().pages, 3);
        QVERIFY2(d->page(1).text.find("Do not enable this option") != std::string::npos, d->page(1).text.c_str());
        QVERIFY2(d->page(2).text.find("The lighthouse keeper") != std::string::npos, d->page(2).text.c_str());
        const auto & o = d->outline();
        QCOMPARE(o.size(), size_t(3));
        QCOMPARE(o[0].title, std::string("Chapter One"));
        QCOMPARE(o[2].title, std::string("The Keeper"));
        QCOMPARE(o[2].level, 1);
#ifdef QUIRE_HAVE_QPDF
        QCOMPARE(o[0].page, 1); // an explicit destination
        QCOMPARE(o[1].page, 2); // a GoTo action
        QCOMPARE(o[2].page, 2);
#else
        qInfo("built without libqpdf: outline pages not checked");
#endif
    }
    void pdfWithoutText() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        std::string msg;
        QCOMPARE(open_status(write_pdf(dir_.filePath("scan.pdf"), {}, 2, true).toStdString(), {}, &msg), Status::BAD_INPUT);
        QVERIFY2(msg.find("no extractable text") != std::string::npos, msg.c_str());
    }
    void pdfTruncated() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        const auto path = write_pdf(dir_.filePath("full.pdf"), {{0, 100, 100, "alpha"}}, 2);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        for (int keep : {static_cast<int>(all.size() / 2), 40, 8}) {
            write_bytes(dir_.filePath("cut.pdf"), all.left(keep));
            std::string msg;
            QCOMPARE(open_status(at("cut.pdf"), {}, &msg), Status::BAD_INPUT);
            QVERIFY2(!msg.empty(), "a message");
        }
    }
    void pdfEncrypted() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        const QString qpdf = QStandardPaths::findExecutable("qpdf");
        if (qpdf.isEmpty()) QSKIP("qpdf not installed (scripts/install-deps.sh installs it): encrypted PDF test skipped");
        const auto plain = write_pdf(dir_.filePath("plain.pdf"), {{0, 100, 100, "secret"}}, 1);
        const QString locked = dir_.filePath("locked.pdf");
        QCOMPARE(QProcess::execute(qpdf, {"--encrypt", "user-pw", "owner-pw", "256", "--", plain, locked}), 0);
        std::string msg;
        QCOMPARE(open_status(locked.toStdString(), {}, &msg), Status::LOCKED);
        QVERIFY2(msg.find("needs a password") != std::string::npos, msg.c_str());
        QCOMPARE(open_status(locked.toStdString(), "wrong", &msg), Status::LOCKED);
        QVERIFY2(msg.find("wrong password") != std::string::npos, msg.c_str());
        const auto d = document_open(locked.toStdString(), "user-pw");
        QVERIFY(find_word(d->page(0), "secret"));
    }
    // EPUB 3 (nav document) and EPUB 2 (NCX) built here with Python's zipfile: spine order,
    // chapter titles, paragraphs, the outline; DRM and broken archives are refused.
    void epubChaptersAndOutline() {
        if (!document_epub_supported()) QSKIP("built without libzip/libxml2: EPUB tests skipped");
        const QString py = QStandardPaths::findExecutable("python3");
        if (py.isEmpty()) QSKIP("python3 not found (scripts/install-deps.sh installs it): EPUB fixtures cannot be built");
        const QString script = QString::fromStdString(test::data("document/make_epub.py"));
        for (const char * kind : {"epub3", "epub2", "drm"}) {
            const QString path = dir_.filePath(QString("%1.epub").arg(kind));
            QCOMPARE(QProcess::execute(py, {script, path, kind}), 0);
            if (std::string(kind) == "drm") {
                std::string msg;
                QCOMPARE(open_status(path.toStdString(), {}, &msg), Status::UNSUPPORTED);
                QVERIFY2(msg.find("DRM") != std::string::npos, msg.c_str());
                continue;
            }
            const auto d = document_open(path.toStdString());
            QCOMPARE(d->info().format, std::string("epub"));
            QCOMPARE(d->info().title, std::string("The Lighthouse"));
            QCOMPARE(d->info().author, std::string("A. Keeper"));
            QCOMPARE(d->info().pages, 2); // spine order: one, then two
            const Page a = d->page(0), b = d->page(1);
            QCOMPARE(a.text, std::string("Arrival\n\nThe keeper lit the lamp.\n\nShips passed\nall night.\n"));
            QVERIFY2(b.text.find("Waves broke on the rocks.") != std::string::npos && b.text.find("one\n\ntwo") != std::string::npos, b.text.c_str());
            const auto & o = d->outline();
            if (std::string(kind) == "epub3") {
                QCOMPARE(o.size(), size_t(3));
                QCOMPARE(o[0].title, std::string("Chapter 1: Arrival"));
                QCOMPARE(o[1].level, 1);
                QCOMPARE(o[1].page, 0);
                QCOMPARE(o[2].page, 1);
                QCOMPARE(b.title, std::string("Chapter 2: The Storm"));
            } else {
                QCOMPARE(o.size(), size_t(2));
                QCOMPARE(o[1].title, std::string("Two (NCX)"));
                QCOMPARE(o[1].page, 1);
            }
        }
        write_bytes(dir_.filePath("broken.epub"), "PK\x03\x04 not really a zip");
        QCOMPARE(open_status(at("broken.epub")), Status::BAD_INPUT);
    }
    // A PDF read into block memory by quire-cli: every block's passage is the text its tokens hold,
    // on the right page, with the boxes of its words.
    void pdfIngestAndPassages() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        const std::string dir = test::stories260k_dir();
        QUIRE_REQUIRE_FILE(dir + "/stories260K.bin", "stories260K");
        std::vector<Text> t;
        const char * names[] = {"Lily", "Tom", "Sue", "Ben"};
        for (int pg = 0; pg < 4; ++pg)
            for (int line = 0; line < 20; ++line)
                t.push_back({pg, 60, 80.0 + 18 * line, QString("%1 went to the park and saw a big tree near the pond.").arg(names[(pg + line) % 4])});
        t.push_back({2, 60, 500, "zebra"}); // once, on page 3
        const QString pdf = write_pdf(dir_.filePath("story.pdf"), t, 4), store = dir_.filePath("story.qstore");
        const QString cli = QString::fromStdString(test::env_or("QUIRE_CLI", "quire-cli"));
        const QString model = QString::fromStdString(dir + "/stories260K.bin"), tok = QString::fromStdString(dir + "/tok512.bin");
        QCOMPARE(QProcess::execute(cli, {"ingest", "--model", model, "--tokenizer", tok, "--doc", pdf, "--store", store, "--preset", "512",
                                         "--backend", "cpu", "-q"}),
                 0);
        QProcess p;
        int found = -1, blocks = 0;
        for (int b = 0;; ++b) {
            p.start(cli, {"passage", "--store", store, "--block", QString::number(b)});
            QVERIFY(p.waitForFinished(60000));
            if (p.exitCode() != 0) {
                QVERIFY2(p.readAllStandardError().contains("no block"), "past the last block");
                break;
            }
            ++blocks;
            const auto j = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
            const std::string ex = j["excerpt"];
            QVERIFY(!ex.empty());
            QVERIFY(!j["boxes"].empty());
            for (const auto & box : j["boxes"]) {
                const int pg = box["page"];
                QVERIFY(std::find(j["pages"].begin(), j["pages"].end(), pg) != j["pages"].end());
            }
            if (ex.find("zebra") != std::string::npos) {
                found = b;
                QVERIFY(std::find(j["pages"].begin(), j["pages"].end(), 3) != j["pages"].end());
                bool box = false;
                for (const auto & bx : j["boxes"]) box = box || (bx["page"] == 3 && std::abs(bx["x0"].get<double>() - 60) < 3 && bx["y1"].get<double>() > 495);
                QVERIFY2(box, j.dump().c_str());
            }
        }
        QVERIFY(blocks >= 10);
        QVERIFY2(found >= 0, "some block holds the page-3 word");
        // The store also answers through the engine API, with the same mapping.
        const StoredDocument doc = store_load_map(store.toStdString());
        QCOMPARE(doc.map.format, std::string("pdf"));
        QCOMPARE(doc.map.page_starts.size(), size_t(4));
        const Passage ps = passage_for_block(doc, found);
        QVERIFY(ps.excerpt.find("zebra") != std::string::npos);
        QVERIFY_THROWS_EXCEPTION(Error, passage_for_block(doc, blocks));
    }
    // 2,000 pages: every page's text, and the rate (recorded in docs/performance.md).
    void pdfTwoThousandPages() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        QPdfWriter w(dir_.filePath("long.pdf"));
        w.setResolution(72);
        QPainter p(&w);
        QFont f("DejaVu Sans");
        f.setPixelSize(10);
        p.setFont(f);
        const int pages = 2000;
        for (int pg = 0; pg < pages; ++pg) {
            if (pg) w.newPage();
            for (int line = 0; line < 30; ++line)
                p.drawText(QPointF(50, 60 + 20 * line), QString("page %1 line %2 of a long report about rivers and their towns").arg(pg + 1).arg(line + 1));
        }
        p.end();
        QElapsedTimer t;
        t.start();
        const auto d = document_open(at("long.pdf"));
        QCOMPARE(d->info().pages, pages);
        int64_t words = 0;
        for (int i = 0; i < pages; ++i) {
            const Page pg = d->page(i);
            words += static_cast<int64_t>(pg.words.size());
            if (i % 500 == 0) QVERIFY(pg.text.find("page " + std::to_string(i + 1) + " line 30 ") != std::string::npos);
        }
        const double s = static_cast<double>(t.nsecsElapsed()) * 1e-9;
        qInfo("2000-page PDF: %lld words, text extraction %.2f s, %.0f pages/s", static_cast<long long>(words), s, pages / s);
        QCOMPARE(words, int64_t(pages) * 30 * 13);
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
