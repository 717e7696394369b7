#include "settings_dialog.h"

#include "quire.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace quire::ui {

namespace {
QSpinBox * spin(int lo, int hi, const QString & tip) {
    auto * s = new QSpinBox;
    s->setRange(lo, hi);
    s->setToolTip(tip);
    return s;
}
QDoubleSpinBox * dspin(double lo, double hi, double step, int decimals, const QString & tip) {
    auto * s = new QDoubleSpinBox;
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setToolTip(tip);
    return s;
}
} // namespace

SettingsDialog::SettingsDialog(const app::AppSettings & s, QWidget * parent) : QDialog(parent), base_(s) {
    setWindowTitle(tr("Settings"));
    auto * tabs = new QTabWidget(this);

    auto * mem = new QWidget;
    auto * mf = new QFormLayout(mem);
    preset_ = new QComboBox;
    preset_->addItem(tr("Automatic (whole document when it fits the model)"), kAutoPreset);
    preset_->addItem(tr("Whole document (full attention)"), kWholePreset);
    for (const char * p : {"512", "1k", "2k", "infllm"}) preset_->addItem(p, p);
    preset_->setToolTip(tr("Automatic reads a document whole, with full attention, when it fits the model's trained context, "
                           "else into block memory sized for the model. The others are starting points for the values below: "
                           "512 suits small models with short trained contexts"));
    ram_ = spin(0, 1 << 20, tr("RAM for the memory blocks of a document read on the CPU; beyond it they go to a temporary file on disk"));
    ram_->setSuffix(tr(" MiB"));
    ram_->setSpecialValueText(tr("no limit"));
    ram_->setSingleStep(256);
    threads_ = spin(0, 1024, tr("Threads for reading and answering on the CPU; automatic uses every core behind the window's work where the system allows it, else leaves one core to the window"));
    threads_->setSpecialValueText(tr("automatic (%n)", nullptr, automatic_cpu_threads()));
    beta_auto_ = new QCheckBox(tr("Model default"));
    beta_ = dspin(0, 100, 0.5, 2, tr("Weight of the question in block scores: s(B) = s(B,H) + beta s(B,Q); 0 is plain InfLLM"));
    anchors_ = spin(0, 64, tr("Of the blocks retrieved, how many are chosen by the words they share with the question (rare words count most); "
                              "the rest by the model's attention scores. 0 is the paper's method."));
    reread_ = new QCheckBox(tr("Re-read the best passages before answering"));
    reread_->setToolTip(tr("After the question has looked up the document's blocks, the best-ranked passages are read again as text "
                           "just before the question is asked once more (measured in docs/evaluation.md). Off is the paper's method."));
    alone_ = new QCheckBox(tr("Answer from those passages alone"));
    alone_->setToolTip(tr("With block memory: the answer is written from the re-read passages alone, with full attention, instead of "
                          "from the block memory around them (measured in docs/evaluation.md)."));
    connect(reread_, &QCheckBox::toggled, alone_, &QWidget::setEnabled);
    mode_ = new QComboBox;
    mode_->addItem(tr("Ask (fast: the stored reading, the question looks up blocks)"), "ask");
    mode_->addItem(tr("Deep (reads the document again with the question first)"), "deep");
    auto * beta_row = new QHBoxLayout;
    beta_row->addWidget(beta_);
    beta_row->addWidget(beta_auto_);
    mf->addRow(tr("Preset"), preset_);
    for (const auto & m : memory_settings()) {
        memory_.push_back(spin(m.min, m.max, QCoreApplication::translate("MemorySetting", m.help)));
        mf->addRow(QCoreApplication::translate("MemorySetting", m.label), memory_.back());
    }
    mf->addRow(tr("RAM for blocks"), ram_);
    mf->addRow(tr("CPU threads"), threads_);
    mf->addRow(tr("Beta"), beta_row);
    mf->addRow(tr("Word-match blocks"), anchors_);
    mf->addRow(tr("Evidence"), reread_);
    mf->addRow(QString(), alone_);
    mf->addRow(tr("Answer mode"), mode_);
    mf->addRow(new QLabel(tr("<i>Memory values apply to documents read from now on (Read again applies them to one already read).</i>")));
    tabs->addTab(mem, tr("Memory"));

    auto * ans = new QWidget;
    auto * af = new QFormLayout(ans);
    tokens_ = spin(1, 8192, tr("Longest answer, in tokens"));
    temp_ = dspin(0, 5, 0.1, 2, tr("0 answers greedily (the same answer every time)"));
    top_k_ = spin(0, 1000, tr("Sample among the k likeliest tokens (0: all)"));
    top_p_ = dspin(0.01, 1, 0.05, 2, tr("Sample among the likeliest tokens up to this probability mass"));
    penalty_ = dspin(1, 3, 0.05, 2, tr("Above 1 discourages repeating recent tokens"));
    seed_ = spin(0, 1 << 30, tr("Random seed for sampling"));
    af->addRow(tr("Answer length"), tokens_);
    af->addRow(tr("Temperature"), temp_);
    af->addRow(tr("Top-k"), top_k_);
    af->addRow(tr("Top-p"), top_p_);
    af->addRow(tr("Repeat penalty"), penalty_);
    af->addRow(tr("Seed"), seed_);
    tabs->addTab(ans, tr("Answers"));

    auto * look = new QWidget;
    auto * lf = new QFormLayout(look);
    language_ = new QComboBox;
    language_->addItem(tr("System language"), "system");
    language_->addItem("English", "en");
    language_->addItem("Deutsch", "de");
    language_->addItem("Français", "fr");
    language_->addItem("Español", "es");
    language_->addItem("简体中文", "zh_CN");
    language_->addItem("日本語", "ja");
    theme_ = new QComboBox;
    theme_->addItem(tr("Follow the system"), "system");
    theme_->addItem(tr("Light"), "light");
    theme_->addItem(tr("Dark"), "dark");
    lf->addRow(tr("Language"), language_);
    lf->addRow(tr("Theme"), theme_);
    lf->addRow(new QLabel(tr("<i>A new language applies when Quire starts again.</i>")));
    tabs->addTab(look, tr("Appearance"));

    error_ = new QLabel(this);
    error_->setStyleSheet("color: #c03030");
    error_->setWordWrap(true);
    auto * buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    auto * lay = new QVBoxLayout(this);
    lay->addWidget(tabs);
    lay->addWidget(error_);
    lay->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        app::AppSettings d;
        d.model_path = base_.model_path, d.tokenizer_path = base_.tokenizer_path, d.gpu_budget_gib = base_.gpu_budget_gib;
        show_values(d);
    });
    connect(preset_, &QComboBox::activated, this, [this] {
        app::AppSettings cur = settings();
        memory_use_preset(cur.memory, preset_->currentData().toString().toStdString());
        show_values(cur);
    });
    connect(preset_, &QComboBox::currentIndexChanged, this, &SettingsDialog::enable_fields);
    connect(beta_auto_, &QCheckBox::toggled, beta_, &QWidget::setDisabled);
    show_values(s);
}

void SettingsDialog::show_values(const app::AppSettings & s) {
    preset_->setCurrentIndex(std::max(0, preset_->findData(QString::fromStdString(s.memory.preset))));
    enable_fields();
    reread_->setChecked(s.reread);
    alone_->setChecked(s.evidence_alone);
    alone_->setEnabled(s.reread);
    for (size_t i = 0; i < memory_.size(); ++i) memory_[i]->setValue(s.memory.*memory_settings()[i].field);
    ram_->setValue(static_cast<int>(std::min<uint64_t>(s.memory.host_budget_bytes >> 20, INT_MAX)));
    threads_->setValue(s.cpu_threads);
    const Lookup & lk = s.memory.lookup;
    beta_auto_->setChecked(lk.beta == Lookup::kModelBeta);
    beta_->setValue(lk.beta == Lookup::kModelBeta ? 1.0 : lk.beta);
    anchors_->setValue(lk.anchors);
    mode_->setCurrentIndex(s.mode == AskMode::DEEP ? 1 : 0);
    tokens_->setValue(s.answer_tokens);
    temp_->setValue(s.sampling.temperature);
    top_k_->setValue(s.sampling.top_k);
    top_p_->setValue(s.sampling.top_p);
    penalty_->setValue(s.sampling.repeat_penalty);
    seed_->setValue(static_cast<int>(s.sampling.seed));
    language_->setCurrentIndex(std::max(0, language_->findData(s.language)));
    theme_->setCurrentIndex(std::max(0, theme_->findData(s.theme)));
}

app::AppSettings SettingsDialog::settings() const {
    app::AppSettings s = base_;
    s.memory.preset = preset_->currentData().toString().toStdString();
    for (size_t i = 0; i < memory_.size(); ++i) s.memory.*memory_settings()[i].field = memory_[i]->value();
    s.memory.host_budget_bytes = static_cast<uint64_t>(ram_->value()) << 20;
    s.cpu_threads = threads_->value();
    s.reread = reread_->isChecked();
    s.evidence_alone = alone_->isChecked();
    s.memory.lookup = {beta_auto_->isChecked() ? Lookup::kModelBeta : static_cast<float>(beta_->value()), anchors_->value()};
    s.mode = mode_->currentData().toString() == "deep" ? AskMode::DEEP : AskMode::ASK;
    s.answer_tokens = tokens_->value();
    s.sampling.temperature = static_cast<float>(temp_->value());
    s.sampling.top_k = top_k_->value();
    s.sampling.top_p = static_cast<float>(top_p_->value());
    s.sampling.repeat_penalty = static_cast<float>(penalty_->value());
    s.sampling.seed = static_cast<uint64_t>(seed_->value());
    s.language = language_->currentData().toString();
    s.theme = theme_->currentData().toString();
    return s;
}

void SettingsDialog::accept() {
    const QString why = settings().validate();
    if (!why.isEmpty()) {
        error_->setText(why);
        return;
    }
    QDialog::accept();
}

void SettingsDialog::enable_fields() {
    // Automatic and whole choose the values per document and model when a document is read.
    const bool chosen = chosen_per_document(preset_->currentData().toString().toStdString());
    for (QSpinBox * f : memory_) {
        f->setEnabled(!chosen);
        f->setStatusTip(chosen ? tr("Chosen per document and model") : QString());
    }
}

} // namespace quire::ui
