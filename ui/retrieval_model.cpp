#include "retrieval_model.h"

#include <algorithm>
#include <cmath>

namespace quire::ui {

RetrievalModel::RetrievalModel(QObject * parent) : QAbstractTableModel(parent) {}

const app::RetrievalFrame * RetrievalModel::frame() const {
    return step_ >= 0 && step_ < static_cast<int>(frames_.size()) ? frames_[static_cast<size_t>(step_)].get() : nullptr;
}

int RetrievalModel::rowCount(const QModelIndex & parent) const {
    const auto * f = frame();
    return parent.isValid() || !f ? 0 : f->n_layers;
}

int RetrievalModel::columnCount(const QModelIndex & parent) const {
    const auto * f = frame();
    return parent.isValid() || !f ? 0 : f->n_blocks;
}

QVariant RetrievalModel::data(const QModelIndex & index, int role) const {
    const auto * f = frame();
    if (!f || !index.isValid()) return {};
    switch (role) {
    case Qt::DisplayRole:
    case ScoreRole: return f->score(static_cast<int>(kind_), index.row(), index.column());
    case SelectedRole: return f->is_selected(index.row(), index.column());
    case Qt::ToolTipRole:
        return tr("Layer %1, block %2: %3%4")
            .arg(index.row())
            .arg(index.column())
            .arg(f->score(static_cast<int>(kind_), index.row(), index.column()), 0, 'g', 4)
            .arg(!f->is_selected(index.row(), index.column()) ? QString()
                 : f->is_anchor(index.column())               ? tr(" (selected by word match)")
                                                              : tr(" (selected)"));
    default: return {};
    }
}

QVariant RetrievalModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole) return {};
    return o == Qt::Vertical ? tr("Layer %1").arg(section) : tr("Block %1").arg(section);
}

QString RetrievalModel::step_label(int s) const {
    if (s < 0 || s >= static_cast<int>(frames_.size())) return {};
    const auto & f = *frames_[static_cast<size_t>(s)];
    switch (f.kind) {
    case StepKind::PROMPT: return tr("prompt");
    case StepKind::QUESTION: return tr("question");
    case StepKind::DOCUMENT: return tr("document");
    case StepKind::TOKEN: break;
    }
    int n = 0; // tokens before this one
    for (int i = 0; i < s; ++i) n += frames_[static_cast<size_t>(i)]->kind == StepKind::TOKEN;
    return tr("token %1").arg(n + 1);
}

void RetrievalModel::clear() {
    beginResetModel();
    frames_.clear();
    step_ = -1;
    lo_ = hi_ = 0;
    endResetModel();
    emit steps_changed(0);
    emit step_changed(-1);
}

void RetrievalModel::append(const app::RetrievalFramePtr & f) {
    const bool follow = step_ == static_cast<int>(frames_.size()) - 1;
    frames_.push_back(f);
    emit steps_changed(static_cast<int>(frames_.size()));
    if (follow) set_step(static_cast<int>(frames_.size()) - 1);
}

void RetrievalModel::set_step(int s) {
    s = std::clamp(s, frames_.empty() ? -1 : 0, static_cast<int>(frames_.size()) - 1);
    if (s == step_) return;
    const auto * old = frame();
    const auto * next = s >= 0 ? frames_[static_cast<size_t>(s)].get() : nullptr;
    const bool same_shape = old && next && old->n_layers == next->n_layers && old->n_blocks == next->n_blocks;
    if (!same_shape) beginResetModel();
    step_ = s;
    update_range();
    if (!same_shape) endResetModel();
    else emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit step_changed(step_);
}

void RetrievalModel::set_score_kind(ScoreKind k) {
    if (k == kind_) return;
    kind_ = k;
    update_range();
    if (rowCount() && columnCount()) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RetrievalModel::update_range() {
    lo_ = hi_ = 0;
    const auto * f = frame();
    if (!f) return;
    lo_ = f->min_score(static_cast<int>(kind_));
    hi_ = f->max_score(static_cast<int>(kind_));
}

void RetrievalModel::set_documents(const QList<DocumentColumns> & documents) {
    beginResetModel();
    documents_ = documents;
    endResetModel();
}

int RetrievalModel::document_of_block(int block) const {
    int d = -1;
    for (int i = 0; i < documents_.size(); ++i)
        if (documents_[i].first_block <= block) d = i;
    return d;
}

} // namespace quire::ui
