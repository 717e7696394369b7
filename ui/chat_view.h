// The chat: the session's questions and answers, the answer being written streaming in token by
// token, each answer's evidence as chips ("p. 12") that jump to the passage, and the question box
// with Ask (Ctrl+Enter), Stop (Esc), Regenerate and Copy.
#pragma once

#include "services/library_db.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace quire::ui {

class ChatView : public QWidget {
    Q_OBJECT
public:
    explicit ChatView(QWidget * parent = nullptr);

    void set_exchanges(const QList<app::ExchangeRecord> & ex); // a session's history (renders all)
    void begin_answer(const QString & question);                 // a new exchange, answer pending
    void append_text(const QString & piece);                      // streaming
    void finish_answer(const app::ExchangeRecord & done);        // the finished exchange, with evidence
    void fail_answer(const QString & message);
    void set_busy(bool busy); // while answering: Ask off, Stop on
    void set_ready(bool ready, const QString & why = {}); // a document and a model are there
    void set_suggestions(const QStringList & questions); // shown while the session is empty; a click asks
    void set_reading_note(const QString & note); // how answers are made (whole document or block memory); empty hides it
    QString reading_note() const;
    QString answer_in_progress() const { return pending_answer_; }
    QString why_not_ready() const; // what the question box says while no question can be asked
    QString transcript() const; // plain text as shown
    QPlainTextEdit * question_box() const { return input_; }
    QTextBrowser * browser() const { return view_; }

signals:
    void ask_requested(const QString & question);
    void stop_requested();
    void regenerate_requested();
    void evidence_clicked(int block);
    void passage_clicked(qint64 token_start, qint64 token_end); // a re-read passage's chip
    void document_passage_clicked(qint64 doc_id, qint64 token_start, qint64 token_end); // a shelf answer's chip

protected:
    bool eventFilter(QObject * o, QEvent * e) override;
    void changeEvent(QEvent * e) override; // theme switches: links take the new palette

private:
    void render();
    void submit();
    QList<app::ExchangeRecord> ex_;
    QStringList suggestions_;
    QString pending_question_, pending_answer_;
    bool pending_ = false, busy_ = false, ready_ = false;
    QTextBrowser * view_;
    QLabel * note_;
    QPlainTextEdit * input_;
    QPushButton * ask_, * stop_, * regen_, * copy_;
};

} // namespace quire::ui
