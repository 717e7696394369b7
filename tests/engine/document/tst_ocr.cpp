// Scanned PDFs read by OCR (issue 21, point 6): a text PDF (tests/data/document/make_long_pdf.py:
// prose in Helvetica, typeset by poppler) is rendered at 300 dpi and put together again as a PDF
// of page pictures only; Quire reads that scan with tesseract, and its words must agree with the
// text layer of the original (>= 95% of the original's words, in order: the longest common
// subsequence), with boxes on the words' places (so citations highlight the right place), and
// reading it through document_read_map reports every page.
#include "quire.h"
#include "scanned_pdf.h"
#include "test_env.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>


using namespace quire;

namespace {

// Indices into a and b of a longest common subsequence of two word lists.
std::vector<std::pair<size_t, size_t>> common_words(const std::vector<std::string> & a, const std::vector<std::string> & b) {
    std::vector<std::vector<int>> L(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (size_t i = a.size(); i-- > 0;)
        for (size_t j = b.size(); j-- > 0;) L[i][j] = a[i] == b[j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) out.push_back({i++, j++});
        else if (L[i + 1][j] >= L[i][j + 1]) ++i;
        else ++j;
    }
    return out;
}

std::vector<std::string> words_of(const Page & p) {
    std::vector<std::string> out;
    for (const Word & w : p.words) out.push_back(p.text.substr(static_cast<size_t>(w.start), static_cast<size_t>(w.len)));
    return out;
}

} // namespace

class TestOcr : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void scannedPdfReadsLikeItsText() {
        if (!document_pdf_supported()) QSKIP("built without poppler-cpp");
        if (!ocr_supported()) QSKIP("built without tesseract (scripts/install-deps.sh installs libtesseract-dev)");
        const QString py = QStandardPaths::findExecutable("python3");
        if (py.isEmpty()) QSKIP("python3 not installed");
        const std::string text_pdf = dir_.filePath("text.pdf").toStdString(), scan_pdf = dir_.filePath("scan.pdf").toStdString();
        QCOMPARE(QProcess::execute(py, {QString::fromStdString(test::data("document/make_long_pdf.py")), QString::fromStdString(text_pdf), "2"}), 0);
        const auto original = document_open(text_pdf);
        test::scan_of(text_pdf, scan_pdf);

        const auto scan = document_open(scan_pdf);
        QCOMPARE(scan->info().pages, 2);
        for (int i = 0; i < 2; ++i) {
            const Page a = original->page(i), b = scan->page(i);
            const auto wa = words_of(a), wb = words_of(b);
            const auto common = common_words(wa, wb);
            const double agree = static_cast<double>(common.size()) / static_cast<double>(wa.size());
            size_t placed = 0;
            for (const auto & [x, y] : common) {
                const Rect & ra = a.words[x].box, & rb = b.words[y].box;
                placed += std::abs((ra.x0 + ra.x1) / 2 - (rb.x0 + rb.x1) / 2) < 4 && std::abs((ra.y0 + ra.y1) / 2 - (rb.y0 + rb.y1) / 2) < 4;
            }
            qInfo("page %d: %zu words in the text layer, %zu read by OCR, %.1f%% agree, %zu of %zu boxes on their word", i + 1, wa.size(), wb.size(),
                  100 * agree, placed, common.size());
            QVERIFY2(wa.size() > 400, "the text PDF has too few words to measure");
            QVERIFY2(agree >= 0.95, qPrintable(QString("page %1: %2% of the words agree").arg(i + 1).arg(100 * agree)));
            QVERIFY(placed >= common.size() * 95 / 100);
            QVERIFY(std::abs(b.width - a.width) < 1 && std::abs(b.height - a.height) < 1);
        }
        // Through the reading's path: every page reported, the words mapped with their boxes.
        std::vector<int64_t> seen;
        const DocumentMap map = document_read_map(scan_pdf, {}, [&](const IngestProgress & p) {
            seen.push_back(p.done);
            return true;
        });
        QCOMPARE(seen, (std::vector<int64_t>{0, 1}));
        QVERIFY(map.words.size() > 800);
        QVERIFY(map.text.find("lighthouse") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestOcr)
#include "tst_ocr.moc"
