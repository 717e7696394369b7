// The retrieval trace of one answer as a Qt table model: rows are layers, columns memory blocks,
// for the selected step (the prompt and question steps, then each generated token) and the
// selected score (s(B,H), s(B,Q) or the combined s(B)). Frames arrive as the answer streams; the
// model keeps them all so that the step selector can go back. Views read cells through data()
// (DisplayRole: the score; SelectedRole: whether the layer attended the block) or, for drawing
// thousands of blocks, through frame() directly.
#pragma once

#include "services/engine_worker.h"

#include <QAbstractTableModel>

#include <vector>

namespace quire::ui {

enum class ScoreKind { History = 0, Question = 1, Combined = 2 }; // s(B,H), s(B,Q), s(B)

// On a shelf the columns are the documents' blocks side by side: each document's first block.
struct DocumentColumns {
    int first_block = 0;
    QString title;
};

class RetrievalModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { SelectedRole = Qt::UserRole + 1, ScoreRole };
    explicit RetrievalModel(QObject * parent = nullptr);

    int rowCount(const QModelIndex & parent = {}) const override;
    int columnCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void clear();
    void append(const app::RetrievalFramePtr & f); // follows the newest step while the current one is the last
    int step_count() const { return static_cast<int>(frames_.size()); }
    int step() const { return step_; }
    void set_step(int s);
    ScoreKind score_kind() const { return kind_; }
    void set_score_kind(ScoreKind k);
    const app::RetrievalFrame * frame() const; // the current step's, or null
    // The range of the current score over the current frame, for the legend and colours.
    float min_score() const { return lo_; }
    float max_score() const { return hi_; }
    QString step_label(int s) const; // "question", "token 3", ...
    // The documents the columns belong to (a shelf's, in block order; empty: one document). Kept
    // across clear(): they change when another shelf is opened.
    void set_documents(const QList<DocumentColumns> & documents);
    const QList<DocumentColumns> & documents() const { return documents_; }
    int document_of_block(int block) const; // index into documents(), -1 without them

signals:
    void step_changed(int step);
    void steps_changed(int count);

private:
    void update_range();
    std::vector<app::RetrievalFramePtr> frames_;
    int step_ = -1;
    ScoreKind kind_ = ScoreKind::Combined;
    float lo_ = 0, hi_ = 0;
    QList<DocumentColumns> documents_;
};

} // namespace quire::ui
