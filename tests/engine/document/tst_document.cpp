// Document sources against documents made here: text in every supported encoding, binary and
// badly encoded files, Markdown with headings, and an EPUB's chapters and outline (PDFs:
// tst_pdf.cpp).
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
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
