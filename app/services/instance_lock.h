// One app per data folder. The first start takes a lock file in the data folder (QLockFile: the
// lock of a crashed instance is taken over) and listens on a local socket named after the folder;
// a second start finds the lock taken, hands its files to the running instance through the socket
// (which opens them and comes to the front) and exits, so two instances never share a library
// (one would mark the other's reading as interrupted).
#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;

namespace quire::app {

class InstanceLock : public QObject {
    Q_OBJECT
public:
    explicit InstanceLock(const QString & data_dir, QObject * parent = nullptr);
    ~InstanceLock() override;

    // True: this process is now the instance of the data folder (it holds the lock and listens).
    // False: another process holds it.
    bool acquire();
    // From a second start: gives `files` (made absolute) to the running instance; true when it
    // took them within `timeout_ms` (it may still be starting: retried until then).
    bool hand_over(const QStringList & files, int timeout_ms = 10000) const;
    // The socket's name for this data folder (per user).
    QString server_name() const { return server_name_; }

signals:
    void files_received(const QStringList & files); // may be empty: come to the front

private:
    QString data_dir_, server_name_;
    QLockFile lock_;
    QLocalServer * server_ = nullptr;
};

} // namespace quire::app
