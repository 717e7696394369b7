// The model for a machine (model/model_catalog.h, model_default_path): the 1.5B model on a usable
// GPU with room for it, the default (SmolLM2-135M) elsewhere, and the default when the better one
// is not fetched yet, with a sentence that says why. The cache holds sparse files of the
// catalogue's sizes (model_find looks at the size; fetch_model checks the hash).
#include "model/model_catalog.h"
#include "model/model_fetch.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

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
};

QTEST_GUILESS_MAIN(TstModelCatalog)
#include "tst_model_catalog.moc"
