// quire: the desktop app. quire [FILE...] [--model M] [--tokenizer T] [--data-dir D]
// Opens the library in the user's data folder (one app per folder: a second start hands its files
// to the running one; a damaged library is offered to be replaced), loads the model (the one
// given, the one chosen last time, or the default model from the model cache or the install) and
// opens the files given.
#include "main_window.h"
#include "i18n.h"
#include "theme.h"
#include "services/app_settings.h"
#include "library_model.h"
#include "library_recovery.h"
#include "services/instance_lock.h"
#include "services/library_db.h"

#include "quire.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleHints>
#include <QTimer>

#include <cstdio>
#include <string>

namespace {

// $QUIRE_MODEL_CACHE, else $XDG_CACHE_HOME/quire/models, else ~/.cache/quire/models (as quire-cli).
QString model_cache() { return QString::fromStdString(quire::model_cache_dir()); }

// The demo book: installed under share/quire/demo, or in the source tree beside a build.
QString demo_book() {
    const QString name = "the-keepers-of-halden-light.md";
    const QDir app_dir(QCoreApplication::applicationDirPath());
    const QString installed = QString::fromStdString(quire::installed_data_dir());
    QStringList dirs = {qEnvironmentVariable("QUIRE_DEMO_DIR"), installed.isEmpty() ? QString() : installed + "/demo",
                        app_dir.filePath("../../../resources/demo"), app_dir.filePath("../../resources/demo")};
    for (const QString & d : dirs)
        if (!d.isEmpty() && QFileInfo::exists(QDir(d).filePath(name))) return QDir(d).absoluteFilePath(name);
    return {};
}

// The model for this machine (model_default_path): the 1.5B model where a GPU runs it, else the
// default; in the model cache, else installed with Quire (share/quire/models). `why` says which.
QString default_model(QString * why) {
    const quire::CudaDeviceInfo gpu = quire::cuda_device_status();
    std::string said;
    const std::string path = quire::model_default_path(gpu.usable, gpu.total_bytes, model_cache().toStdString(), &said);
    *why = QString::fromStdString(said);
    return QString::fromStdString(path);
}

} // namespace

int main(int argc, char ** argv) {
    // --version and --help work without a display (packaging checks, terminals over ssh).
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--version" || a == "-v") {
            std::printf("quire %s\n", QUIRE_VERSION);
            return 0;
        }
        if (a == "--help" || a == "-h") {
            std::printf("usage: quire [FILE...] [--model PATH] [--tokenizer PATH] [--data-dir DIR]\n"
                        "Opens the documents in the Quire desktop app (PDF, EPUB, Markdown, text).\n"
                        "  --model, -m PATH   model file (GGUF, Hugging Face folder, llama2.c checkpoint)\n"
                        "  --tokenizer PATH   tokenizer of a llama2.c checkpoint\n"
                        "  --data-dir DIR     folder of the library and its block stores\n"
                        "  --version          print the version\n");
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName("Quire");
    QApplication::setOrganizationName("Quire");
    QApplication::setApplicationVersion(QUIRE_VERSION);
    QGuiApplication::setDesktopFileName("io.github.quire.Quire"); // packaging/: the desktop entry and icon
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512}) icon.addFile(QString(":/icons/quire-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QSettings settings;
    quire::ui::WindowOptions opt;
    opt.settings = quire::app::load_settings(settings);
    quire::ui::install_translations(opt.settings.language);
    quire::ui::apply_theme(quire::ui::theme_from_name(opt.settings.theme));
    QCommandLineParser cli;
    cli.setApplicationDescription(QApplication::translate("main", "A reader for long documents with a local LLM's block memory."));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addPositionalArgument("files", QApplication::translate("main", "Documents to open (PDF, EPUB, Markdown, text)."), "[FILE...]");
    const QCommandLineOption model({"m", "model"}, QApplication::translate("main", "Model file (GGUF, Hugging Face folder, llama2.c)."), "path");
    const QCommandLineOption tok("tokenizer", QApplication::translate("main", "Tokenizer for llama2.c checkpoints."), "path");
    const QCommandLineOption data("data-dir", QApplication::translate("main", "Folder of the library and its block stores."), "path");
    const QCommandLineOption checkpoint("checkpoint-every",
                                        QApplication::translate("main", "How often a reading saves its place, so that it goes on after a stop (seconds; default 300, 0: after every step)."),
                                        "seconds");
    cli.addOptions({model, tok, data, checkpoint});
    cli.process(app);

    opt.data_dir = cli.isSet(data) ? cli.value(data) : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    opt.model_cache = model_cache();
    if (cli.isSet(checkpoint)) {
        bool ok = false;
        opt.checkpoints.every_s = cli.value(checkpoint).toDouble(&ok);
        if (!ok || opt.checkpoints.every_s < 0) {
            std::fprintf(stderr, "quire: --checkpoint-every wants seconds (a number >= 0), not '%s'\n", qPrintable(cli.value(checkpoint)));
            return 2;
        }
    }
    if (cli.isSet(model)) opt.settings.model_path = cli.value(model), opt.settings.tokenizer_path = cli.value(tok);
    else if (cli.isSet(tok)) opt.settings.tokenizer_path = cli.value(tok);
    if (opt.settings.model_path.isEmpty() || !QFileInfo::exists(opt.settings.model_path)) {
        QString why;
        opt.settings.model_path = default_model(&why);
        opt.settings.tokenizer_path.clear();
        if (!why.isEmpty()) std::fprintf(stderr, "quire: starting with %s\n", qPrintable(why));
        opt.model_note = why;
    }

    // One app per data folder: a second start hands its files to the running one and exits.
    quire::app::InstanceLock instance(opt.data_dir);
    if (!instance.acquire()) {
        if (instance.hand_over(cli.positionalArguments())) {
            std::fprintf(stderr, "quire: Quire is already running with the data folder %s; the files were handed to it\n", qPrintable(opt.data_dir));
            return 0;
        }
        QMessageBox::critical(nullptr, "Quire",
                              QApplication::translate("main", "Quire is already running with the data folder %1, and does not answer.").arg(opt.data_dir));
        return 1;
    }

    // The library; damaged (now or later, while the window runs) it is offered to be replaced.
    const QString library = QDir(opt.data_dir).filePath("library.sqlite");
    auto db = quire::ui::open_library(library);
    if (!db) return 1;
    QStringList files = cli.positionalArguments();
    for (;;) {
        QString damaged;
        int rc = 0;
        {
            quire::ui::MainWindow w(*db, opt);
            w.resize(1400, 860);
            w.show();
            for (const QString & f : files) w.add_document(f);
            // First start, nothing given: the demo book, so that there is something to ask about.
            if (files.isEmpty() && w.library()->rowCount() == 0)
                if (const QString demo = demo_book(); !demo.isEmpty()) w.add_document(demo);
            QObject::connect(&w, &quire::ui::MainWindow::settings_changed, &w, [&](const quire::app::AppSettings & s) {
                quire::app::save_settings(settings, s);
                opt.settings = s;
            });
            QObject::connect(&instance, &quire::app::InstanceLock::files_received, &w, [&w](const QStringList & given) {
                for (const QString & f : given) w.add_document(f);
                w.setWindowState((w.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
                w.raise();
                w.activateWindow();
            });
            QObject::connect(&w, &quire::ui::MainWindow::library_failed, &w, [&](const QString & why) {
                damaged = why;
                QTimer::singleShot(0, &app, [] { QApplication::exit(0); });
            });
            rc = app.exec();
        } // the window and its engine thread end here
        if (damaged.isEmpty()) return rc;
        db.reset();
        db = quire::ui::open_library(library, damaged);
        if (!db) return 1;
        files.clear();
    }
}
