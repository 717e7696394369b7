#include "library_recovery.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

#include <cstdio>

namespace quire::ui {

std::unique_ptr<app::LibraryDb> open_library(const QString & file, QString damage) {
    for (;;) {
        if (damage.isEmpty()) {
            try {
                return std::make_unique<app::LibraryDb>(file);
            } catch (const app::LibraryError & e) {
                std::fprintf(stderr, "quire: %s\n", e.what());
                if (!e.damaged()) {
                    QMessageBox::critical(nullptr, "Quire", QCoreApplication::translate("LibraryRecovery", "The library cannot be opened:\n%1").arg(QString::fromStdString(e.what())));
                    return nullptr;
                }
                damage = QString::fromStdString(e.what());
            }
        }
        QMessageBox box(QMessageBox::Critical, "Quire", QCoreApplication::translate("LibraryRecovery", "The library cannot be opened: its file is damaged."));
        box.setObjectName("library-damaged");
        box.setInformativeText(QCoreApplication::translate("LibraryRecovery", "Quire can move the damaged file aside (it is kept, not deleted) and start a fresh library. "
                                  "Your documents and their saved readings are not touched: add the documents again to use them.\n\n%1")
                                   .arg(file));
        box.setDetailedText(damage);
        QPushButton * fresh = box.addButton(QCoreApplication::translate("LibraryRecovery", "Start a Fresh Library"), QMessageBox::AcceptRole);
        fresh->setObjectName("fresh");
        box.addButton(QCoreApplication::translate("LibraryRecovery", "Quit"), QMessageBox::RejectRole)->setObjectName("quit");
        box.setDefaultButton(fresh);
        box.exec();
        if (box.clickedButton() != fresh) return nullptr;
        try {
            const QString aside = app::move_library_aside(file);
            std::fprintf(stderr, "quire: the damaged library was moved to %s\n", qPrintable(aside));
        } catch (const app::LibraryError & e) {
            QMessageBox::critical(nullptr, "Quire", QCoreApplication::translate("LibraryRecovery", "The damaged library cannot be moved aside:\n%1").arg(QString::fromStdString(e.what())));
            return nullptr;
        }
        damage.clear();
    }
}

} // namespace quire::ui
