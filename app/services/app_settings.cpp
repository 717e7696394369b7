#include "services/app_settings.h"

#include "quire.h"

#include <QSettings>

#include <algorithm>

namespace quire::app {

QString AppSettings::validate() const {
    try {
        memory_config_validate(memory);
    } catch (const Error & e) {
        return QString::fromStdString(e.what());
    }
    if (answer_tokens < 1) return QObject::tr("The answer length must be at least one token.");
    if (gpu_budget_gib < 0) return QObject::tr("Memory budgets cannot be negative.");
    if (cpu_threads < 0) return QObject::tr("The number of CPU threads cannot be negative.");
    if (sampling.temperature < 0 || sampling.top_p <= 0 || sampling.top_p > 1 || sampling.top_k < 0)
        return QObject::tr("Sampling needs a temperature of 0 or more, top-p in (0, 1] and top-k of 0 or more.");
    return {};
}

MemoryConfig AppSettings::default_memory() {
    MemoryConfig m = memory_preset(kDefaultPreset);
    m.lookup = kAppLookup;
    return m;
}

AskParams AppSettings::ask_params() const {
    AskParams p;
    p.mode = mode;
    p.lookup = {memory.lookup.beta, std::clamp(memory.lookup.anchors, 0, memory.topk)};
    p.evidence_tokens = reread ? kAutoEvidence : 0;
    p.evidence_alone = reread && evidence_alone;
    p.gen.n_predict = answer_tokens;
    p.gen.sampling = sampling;
    p.gen.device = device();
    return p;
}

DeviceParams AppSettings::device() const {
    DeviceParams d;
    d.gpu_block_budget = static_cast<uint64_t>(gpu_budget_gib * 1024.0 * 1024.0 * 1024.0);
    return d;
}

namespace {

// A hand-edited file: back to the defaults, keeping the model and looks.
AppSettings fallback(const AppSettings & a) {
    AppSettings d;
    d.model_path = a.model_path, d.tokenizer_path = a.tokenizer_path, d.language = a.language, d.theme = a.theme;
    return d;
}

} // namespace

AppSettings load_settings(QSettings & s) {
    AppSettings a;
    a.model_path = s.value("model/path").toString();
    a.tokenizer_path = s.value("model/tokenizer").toString();
    const QString preset = s.value("memory/preset", kDefaultPreset).toString();
    MemoryConfig & m = a.memory;
    try {
        memory_use_preset(m, preset.toStdString());
    } catch (const Error &) {
        memory_use_preset(m, kDefaultPreset);
    }
    for (const auto & f : memory_settings()) m.*f.field = s.value(QString("memory/") + f.name, m.*f.field).toInt();
    // Settings saved before version 2 hold the old default, 2k as it came: those move to the new
    // default, auto; a 2k the user changed stays.
    if (s.value("settings/version", 1).toInt() < kSettingsVersion && m.preset == "2k") {
        const MemoryConfig old = memory_preset("2k");
        bool as_shipped = true;
        for (const auto & f : memory_settings()) as_shipped = as_shipped && m.*f.field == old.*f.field;
        if (as_shipped) memory_use_preset(m, kDefaultPreset);
    }
    m.lookup.beta = s.value("memory/beta", m.lookup.beta).toFloat();
    if (m.lookup.beta < 0) m.lookup.beta = Lookup::kModelBeta; // any negative value meant the model's default
    m.lookup.anchors = s.value("memory/anchors", m.lookup.anchors).toInt();
    const int host_mib = s.value("memory/host_budget_mib", 0).toInt();
    m.host_budget_bytes = static_cast<uint64_t>(std::max(host_mib, 0)) << 20;
    a.mode = s.value("memory/mode", "ask").toString() == "deep" ? AskMode::DEEP : AskMode::ASK;
    a.reread = s.value("answer/reread", a.reread).toBool();
    a.evidence_alone = s.value("answer/evidence_alone", a.evidence_alone).toBool();
    a.sampling.temperature = s.value("sampling/temperature", a.sampling.temperature).toFloat();
    a.sampling.top_k = s.value("sampling/top_k", a.sampling.top_k).toInt();
    a.sampling.top_p = s.value("sampling/top_p", a.sampling.top_p).toFloat();
    a.sampling.repeat_penalty = s.value("sampling/repeat_penalty", a.sampling.repeat_penalty).toFloat();
    a.sampling.seed = s.value("sampling/seed", 0).toULongLong();
    a.answer_tokens = s.value("answer/tokens", a.answer_tokens).toInt();
    a.gpu_budget_gib = s.value("gpu/budget_gib", 0.0).toDouble();
    a.cpu_threads = s.value("cpu/threads", 0).toInt();
    a.language = s.value("ui/language", "system").toString();
    a.theme = s.value("ui/theme", "system").toString();
    if (host_mib < 0 || !a.validate().isEmpty()) return fallback(a);
    return a;
}

void save_settings(QSettings & s, const AppSettings & a) {
    s.setValue("settings/version", kSettingsVersion);
    s.setValue("model/path", a.model_path);
    s.setValue("model/tokenizer", a.tokenizer_path);
    const MemoryConfig & m = a.memory;
    s.setValue("memory/preset", QString::fromStdString(m.preset));
    for (const auto & f : memory_settings()) s.setValue(QString("memory/") + f.name, m.*f.field);
    s.setValue("memory/beta", m.lookup.beta);
    s.setValue("memory/anchors", m.lookup.anchors);
    s.setValue("memory/mode", a.mode == AskMode::DEEP ? "deep" : "ask");
    s.setValue("answer/reread", a.reread);
    s.setValue("answer/evidence_alone", a.evidence_alone);
    s.setValue("sampling/temperature", a.sampling.temperature);
    s.setValue("sampling/top_k", a.sampling.top_k);
    s.setValue("sampling/top_p", a.sampling.top_p);
    s.setValue("sampling/repeat_penalty", a.sampling.repeat_penalty);
    s.setValue("sampling/seed", static_cast<qulonglong>(a.sampling.seed));
    s.setValue("answer/tokens", a.answer_tokens);
    s.setValue("gpu/budget_gib", a.gpu_budget_gib);
    s.setValue("memory/host_budget_mib", static_cast<qulonglong>(m.host_budget_bytes >> 20));
    s.setValue("cpu/threads", a.cpu_threads);
    s.setValue("ui/language", a.language);
    s.setValue("ui/theme", a.theme);
    s.sync();
}

} // namespace quire::app
