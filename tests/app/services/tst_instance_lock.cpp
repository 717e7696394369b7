// One app per data folder: the first process takes the lock; a second one (a child process here,
// as a second start of the app is) finds it taken and hands its files to the first, which receives
// them as absolute paths; the lock of a process that died (kill -9) is taken over.
#include "services/instance_lock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace quire::app;

namespace {

// The child halves: "hand DIR FILE..." (exit 0: handed over, 3: this process got the lock, 4: not
// taken) and "hold DIR" (takes the lock, says so, and dies without releasing it).
int child_main(const QStringList & a) {
    InstanceLock lock(a.at(1));
    if (a.at(0) == "hold") {
        if (!lock.acquire()) return 3;
        std::printf("holding\n");
        std::fflush(stdout);
        ::_exit(0); // as kill -9 would: no unlock
    }
    if (lock.acquire()) return 3;
    return lock.hand_over(a.mid(2), 20000) ? 0 : 4;
}

} // namespace

class TstInstanceLock : public QObject {
    Q_OBJECT
private slots:
    void secondStartHandsItsFilesOver() {
        QTemporaryDir dir;
        InstanceLock first(dir.path());
        QVERIFY(first.acquire());
        QSignalSpy got(&first, &InstanceLock::files_received);
        QProcess second;
        second.setWorkingDirectory(dir.path());
        second.start(QCoreApplication::applicationFilePath(), {"--child", "hand", dir.path(), "book.epub", "/tmp/notes.md"});
        QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 30000);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(got.count(), 1);
        const QStringList files = got.at(0).at(0).toStringList();
        QCOMPARE(files, (QStringList{QDir(dir.path()).absoluteFilePath("book.epub"), "/tmp/notes.md"}));
        // Nothing given: the running one is only asked to come to the front.
        second.start(QCoreApplication::applicationFilePath(), {"--child", "hand", dir.path()});
        QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 30000);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(got.count(), 2);
        QVERIFY(got.at(1).at(0).toStringList().isEmpty());
    }

    void lockOfADeadProcessIsTakenOver() {
        QTemporaryDir dir;
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {"--child", "hold", dir.path()});
        QVERIFY(holder.waitForFinished(30000));
        QVERIFY(holder.readAllStandardOutput().contains("holding"));
        QVERIFY(QFileInfo::exists(QDir(dir.path()).filePath("quire.lock")));
        InstanceLock next(dir.path());
        QVERIFY(next.acquire());
    }
};

int main(int argc, char ** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args.at(1) == "--child") return child_main(args.mid(2));
    TstInstanceLock t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_instance_lock.moc"
