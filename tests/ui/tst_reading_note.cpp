// What the chat says about how answers are made (ui/reading_note.h): the whole document or block
// memory with its preset's numbers, and "read again" exactly when memory_ask re-reads passages
// (the setting is on, the mode is ask, and the reading leaves room for them).
#include "reading_note.h"

#include <QtTest>

using namespace quire;

class TstReadingNote : public QObject {
    Q_OBJECT
private slots:
    void wholeReadingSaysSoAndWhetherItReReads() {
        MemoryConfig whole = memory_preset("2k");
        whole.preset = kWholePreset;
        whole.n_local = 32768;
        app::AppSettings a;
        a.reread = true;
        a.evidence_alone = true; // a whole reading answers in its window all the same
        QString n = ui::reading_note(whole, 20000, a);
        QVERIFY2(n.contains("whole document") && n.contains("read again") && !n.contains("alone"), qPrintable(n));
        // A document that fills the window leaves no room: nothing is re-read, and the note says nothing of it.
        n = ui::reading_note(whole, 32768 - kWholeRoom, a);
        QVERIFY2(n.contains("whole document") && !n.contains("read again"), qPrintable(n));
        a.reread = false;
        QVERIFY(!ui::reading_note(whole, 20000, a).contains("read again"));
    }

    void blockMemoryGivesItsNumbers() {
        const MemoryConfig c = memory_preset("infllm");
        app::AppSettings a;
        a.reread = true;
        QString n = ui::reading_note(c, 200000, a);
        QVERIFY2(n.contains("preset infllm") && n.contains(QString::number(c.topk)) && n.contains(QString::number(c.n_local)), qPrintable(n));
        QVERIFY(n.contains("from them alone")); // the default: answers from the passages alone
        a.evidence_alone = false;
        n = ui::reading_note(c, 200000, a);
        QVERIFY2(n.contains("read again") && !n.contains("alone"), qPrintable(n));
        a.mode = AskMode::DEEP; // deep reading re-reads the document, not passages
        QVERIFY(!ui::reading_note(c, 200000, a).contains("read again"));
    }
};

QTEST_GUILESS_MAIN(TstReadingNote)
#include "tst_reading_note.moc"
