// The model manager: the model in use (architecture, parameters, weight types, layers, trained
// context, what it runs on: the GPU's name and memory, or the CPU), the models found in the
// model cache (the default one first), a GGUF file or a Hugging Face folder chosen by hand, the
// catalog's models to fetch (ui/catalog_view.h: a fetched one is loaded), and the GPU memory
// budget for memory blocks.
#pragma once

#include "services/engine_worker.h"

#include <QDialog>

#include <optional>

class QDoubleSpinBox;
class QLabel;
class QListWidget;

namespace quire::ui {

class CatalogView;

class ModelDialog : public QDialog {
    Q_OBJECT
public:
    ModelDialog(const std::optional<app::ModelSummary> & current, const QString & cache_dir, double gpu_budget_gib, QWidget * parent = nullptr,
                const QString & python = "python3");
    CatalogView * catalog() const { return catalog_; }
    QString chosen_model() const { return chosen_; } // empty: keep the current one
    double gpu_budget_gib() const;
    static QString default_model_name() { return "SmolLM2-135M-Instruct.Q4_1.gguf"; }

private:
    void choose(const QString & path);
    QListWidget * list_;
    QLabel * info_, * chosen_label_;
    QDoubleSpinBox * budget_;
    CatalogView * catalog_;
    QString chosen_;
};

} // namespace quire::ui
