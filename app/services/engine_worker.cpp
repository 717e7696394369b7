#include "services/engine_worker.h"

#include "quire.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <map>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace quire::app {

namespace {

QString describe(const std::exception & e) {
    if (const auto * q = dynamic_cast<const Error *>(&e)) return QString("%1 (%2)").arg(QString::fromStdString(q->what()), status_name(q->status()));
    return QString::fromStdString(e.what());
}

// What answers run on: the GPU's name and memory, or the CPU and why not the GPU.
void describe_backend(ModelSummary & s) {
    const CudaDeviceInfo d = cuda_device_status();
    if (d.usable) {
        s.backend = QString("GPU: %1, %2 GiB").arg(QString::fromStdString(d.name)).arg(static_cast<double>(d.total_bytes) / (1u << 30), 0, 'f', 0);
        return;
    }
    s.backend = "CPU";
    s.backend_note = QString::fromStdString(d.error);
}

bool is_cancel(const std::exception & e) {
    const auto * q = dynamic_cast<const Error *>(&e);
    return q && q->status() == Status::CANCELLED;
}

} // namespace

float RetrievalFrame::score(int kind_index, int layer, int block) const {
    const std::vector<qfloat16> & v = kind_index == 0 ? s_h : kind_index == 1 ? s_q : combined;
    const size_t i = static_cast<size_t>(layer) * static_cast<size_t>(n_blocks) + static_cast<size_t>(block);
    return i < v.size() ? static_cast<float>(v[i]) : 0.0f;
}

float RetrievalFrame::min_score(int kind_index) const {
    const std::vector<qfloat16> & v = kind_index == 0 ? s_h : kind_index == 1 ? s_q : combined;
    float m = v.empty() ? 0.0f : INFINITY;
    for (qfloat16 x : v) m = std::min(m, static_cast<float>(x));
    return m;
}

float RetrievalFrame::max_score(int kind_index) const {
    const std::vector<qfloat16> & v = kind_index == 0 ? s_h : kind_index == 1 ? s_q : combined;
    float m = v.empty() ? 0.0f : -INFINITY;
    for (qfloat16 x : v) m = std::max(m, static_cast<float>(x));
    return m;
}

bool RetrievalFrame::is_selected(int layer, int block) const {
    if (layer < 0 || layer >= static_cast<int>(selected.size())) return false;
    const auto & s = selected[static_cast<size_t>(layer)];
    return std::find(s.begin(), s.end(), block) != s.end();
}

bool RetrievalFrame::is_anchor(int block) const { return std::find(anchors.begin(), anchors.end(), block) != anchors.end(); }

RetrievalFramePtr retrieval_frame(const RetrievalStep & step) {
    auto f = std::make_shared<RetrievalFrame>();
    f->index = step.index;
    f->kind = step.kind;
    f->token = step.token;
    f->n_layers = static_cast<int>(step.layers.size());
    for (const BlockScores & l : step.layers) f->n_blocks = std::max(f->n_blocks, static_cast<int>(l.combined.size()));
    const size_t n = static_cast<size_t>(f->n_layers) * static_cast<size_t>(f->n_blocks);
    bool any_q = false;
    for (const BlockScores & l : step.layers) any_q = any_q || !l.s_q.empty();
    f->s_h.assign(n, qfloat16(0.0f));
    f->combined.assign(n, qfloat16(0.0f));
    if (any_q) f->s_q.assign(n, qfloat16(0.0f));
    auto put = [](const std::vector<float> & from, std::vector<qfloat16> & to, size_t at) {
        for (size_t i = 0; i < from.size(); ++i) to[at + i] = qfloat16(from[i]);
    };
    for (size_t l = 0; l < step.layers.size(); ++l) {
        const BlockScores & b = step.layers[l];
        const size_t at = l * static_cast<size_t>(f->n_blocks);
        put(b.s_h, f->s_h, at);
        put(b.combined, f->combined, at);
        if (any_q) put(b.s_q, f->s_q, at);
        f->selected.push_back(b.selected);
        if (f->anchors.empty()) f->anchors = b.anchors;
    }
    return f;
}

std::string backend_versions() {
    std::string s;
    const CudaDeviceInfo d = cuda_device_status();
    if (d.runtime_version)
        s = "CUDA runtime " + cuda_version_name(d.runtime_version) + (d.driver_version ? ", driver " + cuda_version_name(d.driver_version) : std::string()) + ", " +
            (d.usable ? d.name : "no usable GPU (" + d.error + ")");
    else
        s = "CUDA: " + d.error;
    return s + "; PDF: " + pdf_library_version();
}

void EngineWorker::lower_thread_priority() {
    if (run_behind_other_work()) {
        log()->info("the engine's threads run behind all other work (SCHED_IDLE) on every core");
        return;
    }
#ifdef __linux__
    // Under Linux the nice value is per thread: `who` = this thread's id.
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10) != 0) log()->info("could not lower the engine thread's priority");
#endif
    log()->info("the engine's threads run at nice 10 and leave one core to the window");
}

void EngineWorker::use_cpu_threads(int n) {
    const int used = set_cpu_threads(n);
    log()->info("the engine uses {} CPU thread{} of {} core{}", used, used == 1 ? "" : "s", cpu_core_count(), cpu_core_count() == 1 ? "" : "s");
}

// ---------------------------------------------------------------------------------------------
EngineWorker::EngineWorker(QObject * parent) : QObject(parent) {
    qRegisterMetaType<ModelSummary>();
    qRegisterMetaType<IngestRequest>();
    qRegisterMetaType<AskRequest>();
    qRegisterMetaType<RetrievalFramePtr>();
    qRegisterMetaType<Evidence>();
    qRegisterMetaType<QList<Evidence>>();
    qRegisterMetaType<StoredDocumentPtr>();
    qRegisterMetaType<ShelfPtr>();
}

EngineWorker::~EngineWorker() = default;

void EngineWorker::load_model(const QString & path, const QString & tokenizer) {
    try {
        ModelLoadOptions lo;
        lo.tokenizer_path = tokenizer.toStdString();
        std::shared_ptr<Model> m = model_load(path.toStdString(), lo);
        (void)m->tok(); // a model without a tokenizer cannot read documents: say so now
        model_ = std::move(m);
        model_path_ = path;
        doc_.reset();
        doc_id_ = 0;
        shelf_.reset();
        ModelSummary s;
        s.path = path;
        s.name = QString::fromStdString(model_->hp.name.empty() ? QFileInfo(path).completeBaseName().toStdString() : model_->hp.name);
        s.architecture = QString::fromStdString(model_->hp.arch_name);
        s.parameters = static_cast<qint64>(model_->info.n_params);
        QStringList types;
        for (const auto & [name, count] : model_->info.tensor_types) types << QString("%1 x%2").arg(QString::fromStdString(name)).arg(count);
        s.types = model_->info.file_type.empty() ? types.join(", ") : QString::fromStdString(model_->info.file_type);
        s.layers = model_->hp.n_layer;
        s.context = model_->hp.n_ctx_train;
        describe_backend(s);
        emit model_loaded(s);
    } catch (const std::exception & e) {
        emit model_failed(tr("The model could not be loaded."), describe(e));
    }
}

void EngineWorker::ingest(const IngestRequest & r) {
    cancel_ingest_ = false;
    if (!model_) {
        emit ingest_failed(r.doc_id, tr("No model is loaded."), false, false);
        return;
    }
    try {
        QElapsedTimer since;
        since.start();
        qint64 last_ms = -1000;
        bool said_resumed = false;
        auto progress = [&](const IngestProgress & p) {
            if (p.first > 0 && !said_resumed) {
                said_resumed = true;
                emit ingest_resumed(r.doc_id, p.first, p.total);
            }
            if (since.elapsed() - last_ms >= 100 || p.done == p.total) {
                last_ms = since.elapsed();
                emit ingest_progress(r.doc_id, p.done, p.total, p.rate(), p.eta(), static_cast<int>(p.phase));
            }
            return !cancel_ingest_.load();
        };
        StoreTarget target;
        target.replace = true; // the app's own store of this document, read again
        store_check_target(r.store_path.toStdString(), target);
        PreparedDocument prepared = document_prepare(*model_, r.doc_path.toStdString(), r.password.toStdString(), progress, [&](const DocumentMap & map) {
            auto shown = std::make_shared<StoredDocument>();
            shown->map = map;
            emit document_mapped(r.doc_id, shown);
        });
        const IngestEstimate est = ingest_estimate(*model_, r.cfg, prepared);
        const SpaceCheck space = space_check(r.store_path.toStdString(), est.store_bytes, est.memory_bytes, r.keep_free_bytes);
        if (!r.ignore_space && !space.fits()) {
            emit ingest_needs_space(r.doc_id, est.store_bytes, space.free_disk, est.memory_bytes, space.available_memory == UINT64_MAX ? 0 : space.available_memory);
            return;
        }
        emit ingest_estimated(r.doc_id, est.tokens, est.store_bytes, est.memory_bytes);

        Checkpoints checkpoints;
        checkpoints.store_path = r.store_path.toStdString();
        checkpoints.policy = r.checkpoints;
        checkpoints.restart = r.restart;
        auto doc = std::make_shared<StoredDocument>(document_ingest(*model_, std::move(prepared), r.cfg, progress, r.device, nullptr, &checkpoints));
        store_save_finished(r.store_path.toStdString(), *doc, [this] { return cancel_ingest_.load(); });
        const qint64 tokens = static_cast<qint64>(doc->spans.size());
        const int pages = static_cast<int>(doc->map.page_starts.size());
        doc_ = doc;
        doc_id_ = r.doc_id;
        emit ingest_finished(r.doc_id, tokens, pages, r.store_path);
        emit store_opened(r.doc_id, doc_);
    } catch (const std::exception & e) {
        const auto * q = dynamic_cast<const Error *>(&e);
        if (is_cancel(e))
            emit ingest_failed(r.doc_id,
                               checkpoint_place(r.store_path.toStdString()) ? tr("Reading was stopped; it goes on where it stopped when the document is opened again.")
                                                                            : tr("Reading was cancelled."),
                               true, false);
        else emit ingest_failed(r.doc_id, describe(e), false, q && q->status() == Status::LOCKED);
    }
}

void EngineWorker::open_store(qint64 doc_id, const QString & store_path) {
    if (!model_) {
        emit store_failed(doc_id, tr("No model is loaded."));
        return;
    }
    try {
        doc_ = std::make_shared<StoredDocument>(store_load(store_path.toStdString(), *model_));
        doc_id_ = doc_id;
        emit store_opened(doc_id, doc_);
    } catch (const std::exception & e) {
        emit store_failed(doc_id, describe(e));
    }
}

void EngineWorker::ask(const AskRequest & r) {
    stop_answer_ = false;
    if (!model_ || (r.shelf ? !shelf_ : !doc_)) {
        emit answer_failed(r.exchange_id, !model_ ? tr("No model is loaded.") : tr("No document is open."));
        return;
    }
    try {
        std::vector<RetrievalFramePtr> frames;
        auto on_text = [&](const std::string & piece) {
            emit answer_text(r.exchange_id, QString::fromStdString(piece));
            return !stop_answer_.load();
        };
        auto on_step = [&](const RetrievalStep & step) {
            if (step.layers.empty()) return;
            RetrievalFramePtr f = retrieval_frame(step);
            frames.push_back(f);
            emit answer_step(r.exchange_id, f);
        };
        if (r.shelf) {
            const AskResult res = shelf_ask(*model_, *shelf_->memory, r.question.toStdString(), r.params, on_text, on_step);
            emit answer_finished(r.exchange_id, QString::fromStdString(res.text), QString::fromStdString(res.stop_reason),
                                 shelf_evidence(res.evidence, frames, *shelf_, r.n_evidence));
            return;
        }
        const AskResult res = memory_ask(*model_, doc_->state, doc_->prefix_len, r.question.toStdString(), r.params, on_text, on_step);
        // The chips: the passages read again before the answer when there were any (the
        // ranking that chose them), else the blocks the lookup selected most.
        emit answer_finished(r.exchange_id, QString::fromStdString(res.text), QString::fromStdString(res.stop_reason),
                             res.evidence.empty() ? answer_evidence(frames, *doc_, r.n_evidence) : reread_evidence(res.evidence, *doc_, r.n_evidence));
    } catch (const std::exception & e) {
        emit answer_failed(r.exchange_id, describe(e));
    }
}

void EngineWorker::open_shelf(const QList<qint64> & ids, const QStringList & store_paths) {
    if (!model_) {
        emit shelf_failed(tr("No model is loaded."));
        return;
    }
    try {
        auto view = std::make_shared<ShelfView>();
        view->ids = ids;
        std::vector<ShelfInput> in;
        for (qsizetype i = 0; i < ids.size() && i < store_paths.size(); ++i) {
            // The open document is not loaded twice.
            StoredDocumentPtr d = ids[i] == doc_id_ && doc_ ? doc_ : std::make_shared<const StoredDocument>(store_load(store_paths[i].toStdString(), *model_));
            view->docs.push_back(d);
            in.push_back({&d->state, d->prefix_len, document_title(*d)});
        }
        view->memory = std::make_shared<const ShelfMemory>(shelf_memory(in));
        shelf_ = view;
        emit shelf_opened(shelf_);
    } catch (const std::exception & e) {
        shelf_.reset();
        emit shelf_failed(describe(e));
    }
}

void EngineWorker::close_shelf() { shelf_.reset(); }

} // namespace quire::app
