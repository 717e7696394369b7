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
    if (host_budget_mib < 0 || gpu_budget_gib < 0) return QObject::tr("Memory budgets cannot be negative.");
    if (cpu_threads < 0) return QObject::tr("The number of CPU threads cannot be negative.");
    if (sampling.temperature < 0 || sampling.top_p <= 0 || sampling.top_p > 1 || sampling.top_k < 0)
        return QObject::tr("Sampling needs a temperature of 0 or more, top-p in (0, 1] and top-k of 0 or more.");
    return {};
}

AskParams AppSettings::ask_params() const {
    AskParams p;
    p.mode = mode;
    p.beta = beta;
    p.anchors = std::clamp(anchors, 0, memory.topk);
    p.gen.n_predict = answer_tokens;
    p.gen.sampling = sampling;
    p.gpu_budget_bytes = static_cast<uint64_t>(gpu_budget_gib * 1024.0 * 1024.0 * 1024.0);
    return p;
}

MemoryConfig AppSettings::ingest_config() const {
    MemoryConfig c = memory;
    c.gpu_budget_bytes = static_cast<uint64_t>(gpu_budget_gib * 1024.0 * 1024.0 * 1024.0);
    c.host_budget_bytes = static_cast<uint64_t>(host_budget_mib) << 20;
    return c;
}

AppSettings load_settings(QSettings & s) {
    AppSettings a;
    a.model_path = s.value("model/path").toString();
    a.tokenizer_path = s.value("model/tokenizer").toString();
    const QString preset = s.value("memory/preset", kDefaultPreset).toString();
    try {
        a.memory = memory_preset(preset.toStdString());
    } catch (const Error &) {
        a.memory = memory_preset(kDefaultPreset);
    }
    MemoryConfig & m = a.memory;
    for (const auto & f : memory_settings()) m.*f.field = s.value(QString("memory/") + f.name, m.*f.field).toInt();
    a.beta = s.value("memory/beta", a.beta).toFloat();
    a.anchors = s.value("memory/anchors", a.anchors).toInt();
    a.mode = s.value("memory/mode", "ask").toString() == "deep" ? AskMode::DEEP : AskMode::ASK;
    a.sampling.temperature = s.value("sampling/temperature", a.sampling.temperature).toFloat();
    a.sampling.top_k = s.value("sampling/top_k", a.sampling.top_k).toInt();
    a.sampling.top_p = s.value("sampling/top_p", a.sampling.top_p).toFloat();
    a.sampling.repeat_penalty = s.value("sampling/repeat_penalty", a.sampling.repeat_penalty).toFloat();
    a.sampling.seed = s.value("sampling/seed", 0).toULongLong();
    a.answer_tokens = s.value("answer/tokens", a.answer_tokens).toInt();
    a.gpu_budget_gib = s.value("gpu/budget_gib", 0.0).toDouble();
    a.host_budget_mib = s.value("memory/host_budget_mib", 0).toInt();
    a.cpu_threads = s.value("cpu/threads", 0).toInt();
    a.language = s.value("ui/language", "system").toString();
    a.theme = s.value("ui/theme", "system").toString();
    if (!a.validate().isEmpty()) { // a hand-edited file: back to the defaults, keeping the model and looks
        AppSettings d;
        d.model_path = a.model_path, d.tokenizer_path = a.tokenizer_path, d.language = a.language, d.theme = a.theme;
        return d;
    }
    return a;
}

void save_settings(QSettings & s, const AppSettings & a) {
    s.setValue("model/path", a.model_path);
    s.setValue("model/tokenizer", a.tokenizer_path);
    const MemoryConfig & m = a.memory;
    s.setValue("memory/preset", QString::fromStdString(m.preset));
    for (const auto & f : memory_settings()) s.setValue(QString("memory/") + f.name, m.*f.field);
    s.setValue("memory/beta", a.beta);
    s.setValue("memory/anchors", a.anchors);
    s.setValue("memory/mode", a.mode == AskMode::DEEP ? "deep" : "ask");
    s.setValue("sampling/temperature", a.sampling.temperature);
    s.setValue("sampling/top_k", a.sampling.top_k);
    s.setValue("sampling/top_p", a.sampling.top_p);
    s.setValue("sampling/repeat_penalty", a.sampling.repeat_penalty);
    s.setValue("sampling/seed", static_cast<qulonglong>(a.sampling.seed));
    s.setValue("answer/tokens", a.answer_tokens);
    s.setValue("gpu/budget_gib", a.gpu_budget_gib);
    s.setValue("memory/host_budget_mib", a.host_budget_mib);
    s.setValue("cpu/threads", a.cpu_threads);
    s.setValue("ui/language", a.language);
    s.setValue("ui/theme", a.theme);
    s.sync();
}

} // namespace quire::app
