// The engine on a worker thread: the desktop app's only door to the model. Slots run on the
// worker's thread (call them through QMetaObject::invokeMethod or queued connections); results
// come back as signals. cancel_ingest() and stop_answer() may be called from any thread: the
// running job sees the flag at its next token. Errors never escape: each job ends with exactly
// one finished or failed signal, with a short message for the user and the detail for the log.
#pragma once

#include "quire.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QtNumeric>
#include <qfloat16.h>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace quire::app {

struct ModelSummary {
    QString path, name, architecture, types;
    QString backend;      // what answers run on, short: "CPU" or "GPU: name, N GiB"
    QString backend_note; // why the CPU where a GPU was looked for ("no NVIDIA GPU found", an old driver…)
    qint64 parameters = 0;
    int layers = 0, context = 0;
};

struct IngestRequest {
    qint64 doc_id = 0;
    QString doc_path, store_path, password;
    MemoryConfig cfg;
    DeviceParams device;
    // Before reading: a store that would leave less than keep_free_bytes of its disk free, or a
    // reading that needs more memory than is available, stops with ingest_needs_space (unless
    // ignore_space: the user said to read anyway).
    quint64 keep_free_bytes = 1ull << 30;
    bool ignore_space = false;
    // The reading saves its place beside the store now and then and when cancelled, and goes on
    // from there when asked again (reading/ingest_checkpoint.h); restart: it starts over.
    bool restart = false;
    CheckpointPolicy checkpoints;
};

struct AskRequest {
    qint64 exchange_id = 0;
    bool shelf = false; // ask the open shelf (EngineWorker::open_shelf) instead of the open document
    QString question;
    AskParams params;
    int n_evidence = 4; // evidence chips per answer
};

// One step of the lookup, as the retrieval panel draws it: [layer][block] scores and the
// selected blocks of each layer. Scores are kept in half precision (three digits are what a
// colour shows): an answer over a 1M-token book has ~130 steps of 32 layers x 7,800 blocks.
struct RetrievalFrame {
    int index = 0;
    StepKind kind = StepKind::QUESTION;
    int token = -1;
    int n_layers = 0, n_blocks = 0;
    std::vector<qfloat16> s_h, s_q, combined; // n_layers * n_blocks, row-major by layer; s_q empty without a question
    std::vector<std::vector<int>> selected;   // per layer
    std::vector<int> anchors;                 // blocks selected by word match with the question (every layer)
    float score(int kind_index, int layer, int block) const; // 0 s(B,H), 1 s(B,Q), 2 combined
    float min_score(int kind_index) const;
    float max_score(int kind_index) const;
    bool is_selected(int layer, int block) const;
    bool is_anchor(int block) const;
};
using RetrievalFramePtr = std::shared_ptr<const RetrievalFrame>;
RetrievalFramePtr retrieval_frame(const RetrievalStep & step);

// One chip of an answer: a memory block the lookup selected, or (token_start >= 0) a passage
// the answer re-read before it was given (AskResult::evidence).
struct Evidence {
    int block = -1;
    qint64 token_start = -1, token_end = -1; // a re-read passage: tokens of the reading
    QList<int> pages; // 1-based, for display
    QString section;  // the outline entry its first page lies under (empty: none)
    QString excerpt;
    double score = 0;  // mean combined score where selected
    int selections = 0; // layers x steps that selected it
    qint64 doc_id = 0;  // on a shelf: the document it comes from (its tokens are that reading's); 0: the open document
    QString document;   // that document's title
};

using StoredDocumentPtr = std::shared_ptr<const StoredDocument>;

// An open shelf: several read documents asked at once (memory/shelf_memory.h), in the order given.
struct ShelfView {
    QList<qint64> ids;
    std::vector<StoredDocumentPtr> docs;
    std::shared_ptr<const ShelfMemory> memory;
    // The document (index) a block of the shelf's lookup belongs to, and its tokens in that
    // document's reading; false for a block of the question or the answer.
    bool locate_block(int block, int & doc, qint64 & token_start, qint64 & token_end) const;
};
using ShelfPtr = std::shared_ptr<const ShelfView>;

// "CUDA runtime 13.0, driver 13.0, NVIDIA H200" (or why there is no GPU); "poppler 22.12.0".
std::string backend_versions();

// The blocks an answer leaned on most: by selections over layers and steps, then by score.
QList<Evidence> answer_evidence(const std::vector<RetrievalFramePtr> & frames, const StoredDocument & doc, int n);
// The passages an answer re-read, best ranked first (at most n).
QList<Evidence> reread_evidence(const std::vector<TokenSpan> & spans, const StoredDocument & doc, int n);
// The same for a shelf's answer: each passage in its own document, named (doc_id, document); with
// no passages re-read, the blocks the lookup selected most, as passages of their documents.
QList<Evidence> shelf_evidence(const std::vector<TokenSpan> & spans, const std::vector<RetrievalFramePtr> & frames, const ShelfView & shelf, int n);

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject * parent = nullptr);
    ~EngineWorker() override;

    // Puts the calling thread and the threads it starts (the engine's OpenMP team) behind all
    // other work (Linux: SCHED_IDLE), else lowers its priority (nice 10). Call on the worker's
    // thread, before use_cpu_threads.
    static void lower_thread_priority();
    // The CPU backend's parallel loops started from the calling thread use `n` threads (0:
    // automatic_cpu_threads(): every core behind other work, else every core but one). Call on
    // the worker's thread.
    static void use_cpu_threads(int n);

    void cancel_ingest() { cancel_ingest_ = true; }
    void stop_answer() { stop_answer_ = true; }

public slots:
    void load_model(const QString & path, const QString & tokenizer = {});
    void ingest(const quire::app::IngestRequest & r);
    void open_store(qint64 doc_id, const QString & store_path);
    void ask(const quire::app::AskRequest & r);
    // Opens a shelf of read documents (their stores, in this order) for questions to all of them
    // at once; the open document stays open. close_shelf: questions go to the open document again.
    void open_shelf(const QList<qint64> & ids, const QStringList & store_paths);
    void close_shelf();

signals:
    void model_loaded(const quire::app::ModelSummary & m);
    void model_failed(const QString & message, const QString & detail);
    // phase: IngestPhase (TEXT: pages, TOKENS: bytes, MEMORY: tokens, with their rate and ETA).
    void ingest_progress(qint64 doc_id, qint64 done, qint64 total, double tokens_per_s, double eta_s, int phase);
    // Before reading: the document's tokens, the store's and the reading's memory size.
    void ingest_estimated(qint64 doc_id, qint64 tokens, quint64 store_bytes, quint64 memory_bytes);
    // The reading goes on from its checkpoint: `read` of `total` tokens were read before.
    void ingest_resumed(qint64 doc_id, qint64 read, qint64 total);
    // The reading was not started: it needs more disk (store_bytes, free_bytes free) or memory
    // (memory_bytes, available_bytes) than there is. Start it again with ignore_space to read anyway.
    void ingest_needs_space(qint64 doc_id, quint64 store_bytes, quint64 free_bytes, quint64 memory_bytes, quint64 available_bytes);
    // The document's text, pages and outline, before its reading starts (a StoredDocument with no
    // memory): the reader shows it while the reading runs.
    void document_mapped(qint64 doc_id, const quire::app::StoredDocumentPtr & doc);
    void ingest_finished(qint64 doc_id, qint64 tokens, int pages, const QString & store_path);
    // locked: the document needs a password, or the one given was wrong (Error LOCKED).
    void ingest_failed(qint64 doc_id, const QString & message, bool cancelled, bool locked);
    void store_opened(qint64 doc_id, const quire::app::StoredDocumentPtr & doc);
    void store_failed(qint64 doc_id, const QString & message);
    void answer_text(qint64 exchange_id, const QString & piece);
    void answer_step(qint64 exchange_id, const quire::app::RetrievalFramePtr & frame);
    void answer_finished(qint64 exchange_id, const QString & text, const QString & stop_reason, const QList<quire::app::Evidence> & evidence);
    void answer_failed(qint64 exchange_id, const QString & message);
    void shelf_opened(const quire::app::ShelfPtr & shelf);
    void shelf_failed(const QString & message);

private:
    std::shared_ptr<Model> model_;
    QString model_path_;
    StoredDocumentPtr doc_;
    qint64 doc_id_ = 0;
    ShelfPtr shelf_;
    std::atomic<bool> cancel_ingest_{false}, stop_answer_{false};
};

} // namespace quire::app

Q_DECLARE_METATYPE(quire::app::ModelSummary)
Q_DECLARE_METATYPE(quire::app::IngestRequest)
Q_DECLARE_METATYPE(quire::app::AskRequest)
Q_DECLARE_METATYPE(quire::app::RetrievalFramePtr)
Q_DECLARE_METATYPE(quire::app::Evidence)
Q_DECLARE_METATYPE(quire::app::StoredDocumentPtr)
Q_DECLARE_METATYPE(quire::app::ShelfPtr)
