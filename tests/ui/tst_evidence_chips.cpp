// The chips under an answer: each page named once (the best-ranked passage of a page is where
// its chip goes; the others' excerpts join its tooltip), page ranges, passages of documents
// without pages numbered in order, blocks by number; order is the evidence's.
#include "evidence_chips.h"

#include <QtTest>

using namespace quire;
using namespace quire::ui;

namespace {
app::Evidence passage(qint64 start, QList<int> pages, const QString & excerpt) {
    app::Evidence e;
    e.token_start = start, e.token_end = start + 100;
    e.pages = std::move(pages);
    e.excerpt = excerpt;
    return e;
}
} // namespace

class TestEvidenceChips : public QObject {
    Q_OBJECT
private slots:
    void eachPageOnce() {
        const QList<app::Evidence> ev = {passage(500, {2}, "first on two"), passage(9000, {10}, "on ten"), passage(700, {2}, "second on two"),
                                         passage(900, {2}, "third on two"), passage(1200, {3, 4}, "across")};
        const QList<EvidenceChip> c = evidence_chips(ev);
        QCOMPARE(c.size(), 3);
        QCOMPARE(c[0].label, QString("p. 2"));
        QCOMPARE(c[0].target, QString("tokens/500/600")); // the best-ranked passage of page 2
        QVERIFY(c[0].tooltip.contains("first on two") && c[0].tooltip.contains("second on two") && c[0].tooltip.contains("third on two"));
        QCOMPARE(c[1].label, QString("p. 10"));
        QCOMPARE(c[1].tooltip, QString("on ten"));
        QCOMPARE(c[2].label, QString("pp. 3–4"));
    }
    void sectionsNameTheirPages() {
        app::Evidence a = passage(100, {5}, "snow"), b = passage(300, {5}, "ice");
        a.section = b.section = "Early January";
        const QList<EvidenceChip> c = evidence_chips({a, b, passage(900, {9}, "no section")});
        QCOMPARE(c.size(), 2);
        QCOMPARE(c[0].label, QString("Early January · p. 5"));
        QVERIFY(c[0].tooltip.startsWith("Early January: snow") && c[0].tooltip.contains("ice"));
        QCOMPARE(c[1].label, QString("p. 9"));
    }
    void passagesWithoutPagesAreNumbered() {
        const QList<EvidenceChip> c = evidence_chips({passage(10, {}, "a"), passage(4000, {}, "b")});
        QCOMPARE(c.size(), 2);
        QCOMPARE(c[0].label, QString("passage 1"));
        QCOMPARE(c[1].label, QString("passage 2"));
        QCOMPARE(c[1].target, QString("tokens/4000/4100"));
    }
    void blocksByNumber() {
        app::Evidence b;
        b.block = 7;
        const QList<EvidenceChip> c = evidence_chips({b, b});
        QCOMPARE(c.size(), 1);
        QCOMPARE(c[0].label, QString("block 7"));
        QCOMPARE(c[0].target, QString("block/7"));
    }
};

QTEST_APPLESS_MAIN(TestEvidenceChips)
#include "tst_evidence_chips.moc"
