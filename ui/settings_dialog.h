// Settings: the memory preset and each of its values, beta, ask or deep reading, sampling and
// the answer length, the interface language and theme. OK checks the memory values with the
// engine's own validation before anything is saved.
#pragma once

#include "services/app_settings.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace quire::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const app::AppSettings & s, QWidget * parent = nullptr);
    app::AppSettings settings() const;
    void accept() override;

private:
    void show_values(const app::AppSettings & s);
    void enable_fields(); // the memory fields are the preset's to choose under automatic and whole
    app::AppSettings base_;
    QComboBox * preset_, * mode_, * language_, * theme_;
    std::vector<QSpinBox *> memory_; // one per row of memory_settings() (memory/memory_settings.h), in its order
    QSpinBox * ram_, * threads_, * anchors_, * tokens_, * top_k_, * seed_;
    QDoubleSpinBox * beta_, * temp_, * top_p_, * penalty_;
    QCheckBox * beta_auto_, * reread_, * alone_;
    QLabel * error_;
};

} // namespace quire::ui
