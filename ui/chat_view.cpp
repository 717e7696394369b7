#include "chat_view.h"

#include "evidence_chips.h"

#include "services/evidence_json.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace quire::ui {

namespace {

QString paragraphs(const QString & text) {
    QString h = text.trimmed().toHtmlEscaped();
    h.replace("\n", "<br>");
    return h;
}

QString chips(const QString & evidence_json) {
    QString h;
    for (const EvidenceChip & c : evidence_chips(app::evidence_from_json(evidence_json)))
        h += QString("<a href=\"quire:%1\" title=\"%2\" style=\"text-decoration:none\">&nbsp;%3&nbsp;</a> ")
                 .arg(c.target, c.tooltip.toHtmlEscaped(), c.label.toHtmlEscaped());
    return h;
}

} // namespace

ChatView::ChatView(QWidget * parent) : QWidget(parent) {
    view_ = new QTextBrowser(this);
    view_->setOpenLinks(false);
    view_->document()->setDefaultStyleSheet(QString("a { color: %1; }").arg(palette().color(QPalette::Link).name()));
    view_->setAccessibleName(tr("Questions and answers"));
    input_ = new QPlainTextEdit(this);
    input_->setPlaceholderText(tr("Ask about the document… (Ctrl+Enter)"));
    input_->setMaximumHeight(90);
    input_->installEventFilter(this);
    ask_ = new QPushButton(tr("Ask"), this);
    ask_->setToolTip(tr("Ask the question (Ctrl+Enter)"));
    stop_ = new QPushButton(tr("Stop"), this);
    stop_->setToolTip(tr("Stop the answer (Esc)"));
    stop_->setShortcut(QKeySequence(Qt::Key_Escape));
    regen_ = new QPushButton(tr("Regenerate"), this);
    regen_->setToolTip(tr("Answer the last question again"));
    copy_ = new QPushButton(tr("Copy"), this);
    copy_->setToolTip(tr("Copy the last answer"));
    auto * buttons = new QHBoxLayout;
    buttons->addWidget(regen_);
    buttons->addWidget(copy_);
    buttons->addStretch(1);
    buttons->addWidget(stop_);
    buttons->addWidget(ask_);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    note_->setForegroundRole(QPalette::PlaceholderText);
    note_->setAccessibleName(tr("How answers are made"));
    note_->hide();
    auto * lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addWidget(note_);
    lay->addWidget(view_, 1);
    lay->addWidget(input_);
    lay->addLayout(buttons);

    connect(ask_, &QPushButton::clicked, this, &ChatView::submit);
    connect(stop_, &QPushButton::clicked, this, &ChatView::stop_requested);
    connect(regen_, &QPushButton::clicked, this, &ChatView::regenerate_requested);
    connect(copy_, &QPushButton::clicked, this, [this] {
        if (!ex_.isEmpty()) QApplication::clipboard()->setText(ex_.back().answer.trimmed());
    });
    connect(view_, &QTextBrowser::anchorClicked, this, [this](const QUrl & url) {
        if (url.scheme() == "quire" && url.path().startsWith("block/")) emit evidence_clicked(url.path().mid(6).toInt());
        if (url.scheme() == "quire" && url.path().startsWith("tokens/")) {
            const QStringList range = url.path().mid(7).split('/');
            if (range.size() == 2) emit passage_clicked(range[0].toLongLong(), range[1].toLongLong());
        }
        if (url.scheme() == "quire" && url.path().startsWith("doc/")) { // a shelf's passage: doc/ID/tokens/START/END
            const QStringList parts = url.path().split('/');
            if (parts.size() == 5 && parts[2] == "tokens") emit document_passage_clicked(parts[1].toLongLong(), parts[3].toLongLong(), parts[4].toLongLong());
        }
        if (url.scheme() == "quire" && url.path().startsWith("ask/")) {
            const int i = url.path().mid(4).toInt();
            if (i >= 0 && i < suggestions_.size() && ready_ && !busy_) emit ask_requested(suggestions_[i]);
        }
    });
    set_busy(false);
    set_ready(false);
    render();
}

bool ChatView::eventFilter(QObject * o, QEvent * e) {
    if (o == input_ && e->type() == QEvent::KeyPress) {
        auto * k = static_cast<QKeyEvent *>(e);
        if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) && (k->modifiers() & Qt::ControlModifier)) {
            submit();
            return true;
        }
    }
    return QWidget::eventFilter(o, e);
}

void ChatView::changeEvent(QEvent * e) {
    QWidget::changeEvent(e);
    if (e->type() == QEvent::PaletteChange) {
        view_->document()->setDefaultStyleSheet(QString("a { color: %1; }").arg(palette().color(QPalette::Link).name()));
        render();
    }
}

void ChatView::submit() {
    const QString q = input_->toPlainText().trimmed();
    if (q.isEmpty() || busy_ || !ready_) return;
    input_->clear();
    emit ask_requested(q);
}

void ChatView::set_busy(bool busy) {
    busy_ = busy;
    ask_->setEnabled(!busy && ready_);
    stop_->setEnabled(busy);
    regen_->setEnabled(!busy && ready_ && !ex_.isEmpty());
    copy_->setEnabled(!ex_.isEmpty());
}

QString ChatView::why_not_ready() const { return ready_ ? QString() : input_->placeholderText(); }

void ChatView::set_ready(bool ready, const QString & why) {
    ready_ = ready;
    input_->setPlaceholderText(ready ? tr("Ask about the document… (Ctrl+Enter)") : why);
    set_busy(busy_);
}

void ChatView::set_suggestions(const QStringList & questions) {
    suggestions_ = questions;
    render();
}

void ChatView::set_exchanges(const QList<app::ExchangeRecord> & ex) {
    ex_ = ex;
    pending_ = false;
    render();
    set_busy(busy_);
}

void ChatView::begin_answer(const QString & question) {
    pending_ = true;
    pending_question_ = question;
    pending_answer_.clear();
    render();
}

void ChatView::append_text(const QString & piece) {
    if (!pending_) return;
    pending_answer_ += piece;
    // Append at the end instead of rendering everything again: constant cost per token.
    QTextCursor c(view_->document());
    c.movePosition(QTextCursor::End);
    c.insertText(piece);
    QScrollBar * sb = view_->verticalScrollBar();
    sb->setValue(sb->maximum());
}

void ChatView::finish_answer(const app::ExchangeRecord & done) {
    pending_ = false;
    ex_ << done;
    render();
    set_busy(busy_);
}

void ChatView::fail_answer(const QString & message) {
    pending_ = false;
    render();
    view_->append(QString("<p style='color:#c03030'>%1</p>").arg(message.toHtmlEscaped()));
}

QString ChatView::transcript() const { return view_->toPlainText(); }

void ChatView::set_reading_note(const QString & note) {
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
}

QString ChatView::reading_note() const { return note_->text(); }

void ChatView::render() {
    QString h;
    if (ex_.isEmpty() && !pending_) {
        h = "<p style='color:gray'>" + tr("Answers appear here. Each lists the pages it drew on; click one to read the passage.").toHtmlEscaped() + "</p>";
        if (!suggestions_.isEmpty()) {
            h += "<p>" + tr("Try asking:").toHtmlEscaped() + "</p><ul>";
            for (int i = 0; i < suggestions_.size(); ++i) h += QString("<li><a href=\"quire:ask/%1\">%2</a></li>").arg(i).arg(suggestions_[i].toHtmlEscaped());
            h += "</ul>";
        }
    }
    for (const app::ExchangeRecord & x : ex_) {
        h += QString("<p><b>%1</b></p>").arg(paragraphs(x.question));
        h += QString("<p>%1%2</p>").arg(paragraphs(x.answer), x.stopped ? " <i>" + tr("(stopped)") + "</i>" : QString());
        const QString c = chips(x.evidence_json);
        if (!c.isEmpty()) h += QString("<p><small>%1 %2</small></p>").arg(tr("Evidence:"), c);
        h += "<hr>";
    }
    if (pending_) h += QString("<p><b>%1</b></p><p>").arg(paragraphs(pending_question_));
    view_->setHtml(h);
    if (pending_) {
        QTextCursor c(view_->document());
        c.movePosition(QTextCursor::End);
        c.insertText(pending_answer_);
    }
    QScrollBar * sb = view_->verticalScrollBar();
    sb->setValue(sb->maximum());
}

} // namespace quire::ui
