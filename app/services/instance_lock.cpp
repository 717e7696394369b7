#include "services/instance_lock.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QThread>

#include <unistd.h>

namespace quire::app {

namespace {
constexpr qint64 kMaxMessage = 1 << 20;
}

InstanceLock::InstanceLock(const QString & data_dir, QObject * parent)
    : QObject(parent), data_dir_(QDir(data_dir).absolutePath()), lock_(QDir(data_dir_).filePath("quire.lock")) {
    const QByteArray key = QCryptographicHash::hash(QDir(data_dir_).canonicalPath().isEmpty() ? data_dir_.toUtf8() : QDir(data_dir_).canonicalPath().toUtf8(),
                                                    QCryptographicHash::Sha256)
                               .toHex()
                               .left(16);
    server_name_ = QString("quire-%1-%2").arg(::getuid()).arg(QString::fromLatin1(key));
    lock_.setStaleLockTime(0); // a lock is stale only when its process is gone, however old
}

InstanceLock::~InstanceLock() {
    if (server_) server_->close();
}

bool InstanceLock::acquire() {
    QDir().mkpath(data_dir_);
    if (!lock_.tryLock(100)) return false;
    server_ = new QLocalServer(this);
    server_->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(server_name_); // a socket file a crashed instance left
    server_->listen(server_name_);
    connect(server_, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket * s = server_->nextPendingConnection()) {
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                if (s->bytesAvailable() > kMaxMessage) return s->abort();
                if (!s->canReadLine()) return;
                const QJsonDocument j = QJsonDocument::fromJson(s->readLine(kMaxMessage));
                QStringList files;
                for (const auto & v : j.array())
                    if (v.isString()) files << v.toString();
                s->write("ok\n");
                s->flush();
                emit files_received(files);
            });
        }
    });
    return true;
}

bool InstanceLock::hand_over(const QStringList & files, int timeout_ms) const {
    QJsonArray a;
    for (const QString & f : files) a.append(QFileInfo(f).absoluteFilePath());
    const QByteArray message = QJsonDocument(a).toJson(QJsonDocument::Compact) + "\n";
    const QDeadlineTimer deadline(timeout_ms);
    while (!deadline.hasExpired()) {
        QLocalSocket s;
        s.connectToServer(server_name_);
        if (s.waitForConnected(static_cast<int>(std::min<qint64>(1000, deadline.remainingTime())))) {
            s.write(message);
            s.flush();
            while (!s.canReadLine() && s.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())))) {
            }
            if (s.canReadLine() && s.readLine().startsWith("ok")) return true;
        }
        QThread::msleep(100);
    }
    return false;
}

} // namespace quire::app
