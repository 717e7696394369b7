// PDF sources against PDFs written by Qt's PDF writer with known words at known places (several
// pages, two columns, no text layer, truncated, encrypted by qpdf, 2,000 pages), a hand-written
// PDF with an outline and a justified line, and a PDF read into block memory whose passages
// must be the words on their pages.
#include "document/text_decode.h"
#include "document_helpers.h"
#include "quire.h"
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
using namespace quire::test;

class TestPdf : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string at(const char * name) { return dir_.filePath(name).toStdString(); }

private slots:
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
    // No text layer and nothing OCR can read (or no OCR in this build): said so, naming the file.
    void pdfWithoutText() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        const std::string scan = write_pdf(dir_.filePath("scan.pdf"), {}, 2, true).toStdString();
        std::string msg;
        if (ocr_supported()) {
            try {
                document_read_map(scan);
                QFAIL("a PDF without words was read");
            } catch (const Error & e) {
                QCOMPARE(e.status(), Status::BAD_INPUT);
                msg = e.what();
            }
        } else {
            QCOMPARE(open_status(scan, {}, &msg), Status::BAD_INPUT);
        }
        QVERIFY2(msg.find("no extractable text") != std::string::npos && msg.find(scan) != std::string::npos, msg.c_str());
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

QTEST_MAIN(TestPdf)
#include "tst_pdf.moc"
