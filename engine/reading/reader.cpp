// Ingest, ask and deep read on the block memory.
#include "reading/reader.h"

#include "core/error.h"
#include "reading/evidence.h"
#include "memory/reading_plan.h"
#include "reading/make_memory_backend.h"
#include "sampling/sampler.h"

#include <chrono>

namespace quire {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Feeds tokens in execution blocks, numbering trace steps; returns the last logits if asked.
class Feeder {
public:
    Feeder(MemoryBackend & mm, const RetrievalCallback & cb, int first_index = 0) : mm_(mm), cb_(cb), index_(first_index) {}
    // keep_last: the last step's trace, also without a callback.
    std::vector<float> feed(const std::vector<int> & ids, StepKind kind, bool want_logits, RetrievalStep * keep_last = nullptr) {
        std::vector<float> logits;
        const size_t chunk = static_cast<size_t>(mm_.config().exc_block_size);
        for (size_t i = 0; i < ids.size(); i += chunk) {
            const size_t end = std::min(ids.size(), i + chunk);
            RetrievalStep step;
            step.index = index_++;
            logits = mm_.step(std::vector<int>(ids.begin() + static_cast<std::ptrdiff_t>(i), ids.begin() + static_cast<std::ptrdiff_t>(end)), kind,
                              want_logits && end == ids.size(), cb_ || keep_last ? &step : nullptr);
            if (cb_) cb_(step);
            if (keep_last) *keep_last = std::move(step);
        }
        return logits;
    }
    int next_index() { return index_++; }

private:
    MemoryBackend & mm_;
    const RetrievalCallback & cb_;
    int index_ = 0;
};

// The texts a question is about, in the session's positions: one document's, or a shelf's
// (memory/shelf_memory.h), whose passages are introduced by their documents' titles.
struct AskTexts {
    std::vector<TextRange> ranges;
    std::vector<std::string> titles; // empty: one document
};

// The question's evidence (evidence.h): spans of the texts to read again, ranked by the
// question's words and, in a block memory, by the lookup of the question's step `asked`.
std::vector<TokenSpan> choose_evidence(const MemoryBackend & mm, const std::vector<int> & tokens, const std::vector<int> & q, const RetrievalStep & asked,
                                       int budget, AskTexts texts) {
    const bool whole = mm.config().preset == kWholePreset;
    for (TextRange & r : texts.ranges) r.last = std::min<int64_t>(r.last, static_cast<int64_t>(tokens.size()));
    const std::vector<MemoryBlock> blocks = whole ? passages_of(texts.ranges.front().first, texts.ranges.front().last, mm.config().block_size) : mm.memory_blocks();
    const std::vector<int> words = word_ranking(blocks, tokens, q);
    return evidence_spans(blocks, whole ? words : evidence_ranking(asked, static_cast<int>(blocks.size()), words), budget, texts.ranges);
}

// The spans' tokens under a heading, "[...]" between them (on a shelf, each document's passages
// after its title). `then_question`: the question follows (a whole reading, an answer from the
// evidence alone), else it was asked before them.
std::vector<int> evidence_text(const Tokenizer & tok, const std::vector<int> & tokens, const std::vector<TokenSpan> & spans, bool then_question,
                               const AskTexts & texts) {
    const bool shelf = !texts.titles.empty();
    const std::string of = shelf ? "documents" : "document";
    std::vector<int> ev = tok.encode(then_question ? "\n\nPassages of the " + of + " about the question below:\n\n" : "\n\nPassages of the " + of + " that may answer it:\n\n");
    const std::vector<int> gap = tok.encode("\n\n[...]\n\n");
    size_t shown = texts.ranges.size();
    for (size_t i = 0; i < spans.size(); ++i) {
        const size_t t = text_of(texts.ranges, spans[i].begin);
        if (shelf && t != shown && t < texts.titles.size()) {
            const std::vector<int> title = tok.encode(std::string(i ? "\n\n" : "") + "From \"" + texts.titles[t] + "\":\n\n");
            ev.insert(ev.end(), title.begin(), title.end());
            shown = t;
        } else if (i) {
            ev.insert(ev.end(), gap.begin(), gap.end());
        }
        ev.insert(ev.end(), tokens.begin() + spans[i].begin, tokens.begin() + spans[i].end);
    }
    return ev;
}

std::vector<int> question_text(const Tokenizer & tok, const std::vector<int> & q) {
    std::vector<int> t = tok.encode("\n\nQuestion: ");
    t.insert(t.end(), q.begin(), q.end());
    return t;
}

// After passages, the question is followed by a request for a short answer from the document.
std::vector<int> answer_request(const Tokenizer & tok) { return tok.encode("\nAnswer briefly, from the document."); }

// Question text, then the end of the user turn; the question tokens set the question vector.
// With evidence_tokens > 0 (evidence.h) the best passages of the texts are read again as text and the question comes (again) after them, with
// a request for a short answer from the document; the re-read spans go to *used. Block memory
// reads the question first: its lookup ranks the blocks beside the question's words. A whole
// reading ranks passages by the words alone, so the question is read once, after them (asked
// before and after its passages, the model sometimes answered by listing passages again).
std::vector<float> feed_question(Feeder & f, MemoryBackend & mm, const Tokenizer & tok, const ChatFrame & frame, const std::vector<int> & q,
                                 int evidence_tokens, const AskTexts & texts, std::vector<TokenSpan> * used) {
    const bool whole = mm.config().preset == kWholePreset;
    RetrievalStep last;
    auto ask = [&](bool with_trace) {
        f.feed(tok.encode("\n\nQuestion: "), StepKind::PROMPT, false);
        f.feed(q, StepKind::QUESTION, false, with_trace ? &last : nullptr);
    };
    if (evidence_tokens <= 0 || !whole) ask(evidence_tokens > 0);
    if (evidence_tokens > 0) {
        const std::vector<int> tokens = mm.consumed_tokens();
        const auto spans = choose_evidence(mm, tokens, q, last, evidence_tokens, texts);
        if (!spans.empty()) {
            f.feed(evidence_text(tok, tokens, spans, whole, texts), StepKind::PROMPT, false);
            if (used) *used = spans;
        }
        if (whole || !spans.empty()) ask(false);
        if (!spans.empty()) f.feed(answer_request(tok), StepKind::PROMPT, false);
    }
    return f.feed(frame.suffix, StepKind::PROMPT, true);
}

// An answer from the evidence alone (AskParams::evidence_alone): the question read into the block
// memory, whose lookup ranks the blocks; then a fresh whole reading of the chat frame, the best
// passages and the question, sized to hold them and the answer. Null when nothing was chosen.
struct Focus {
    MemoryState state;
    std::unique_ptr<MemoryBackend> backend;
    std::vector<int> prompt;
};
std::unique_ptr<Focus> focus_on_evidence(const Model & model, Feeder & f, MemoryBackend & mm, const ChatFrame & frame, const std::vector<int> & q,
                                         const AskParams & params, int budget, const AskTexts & texts, std::vector<TokenSpan> & used) {
    const Tokenizer & tok = model.tok();
    RetrievalStep asked;
    f.feed(tok.encode("\n\nQuestion: "), StepKind::PROMPT, false);
    f.feed(q, StepKind::QUESTION, false, &asked);
    const std::vector<int> tokens = mm.consumed_tokens();
    used = choose_evidence(mm, tokens, q, asked, budget, texts);
    if (used.empty()) return nullptr;
    std::vector<int> prompt = frame.prefix;
    for (const auto & part : {evidence_text(tok, tokens, used, true, texts), question_text(tok, q), answer_request(tok), frame.suffix})
        prompt.insert(prompt.end(), part.begin(), part.end());
    auto focus = std::make_unique<Focus>();
    focus->state = MemoryState(model.hp, whole_reading_for(model.hp, mm.config(), static_cast<int64_t>(prompt.size()) + params.gen.n_predict));
    focus->backend = make_memory_backend(model, focus->state, params.gen.device);
    focus->prompt = std::move(prompt);
    return focus;
}

} // namespace

MemoryConfig reading_config(const HParams & hp, const MemoryConfig & asked, int64_t doc_tokens) {
    MemoryConfig cfg = memory_for_reading(hp, asked, doc_tokens);
    cfg.lookup.beta = 0.0f;
    return cfg;
}

namespace {

IngestResult ingest(const Model & model, const std::vector<int> & doc_tokens, const MemoryConfig & cfg_in, const IngestCallback & progress,
                    const RetrievalCallback & on_retrieval, const DeviceParams & device, const IngestPlaces & places) {
    memory_config_validate(cfg_in);
    const MemoryConfig cfg = reading_config(model.hp, cfg_in, static_cast<int64_t>(doc_tokens.size()));
    const auto t0 = Clock::now();
    const ChatFrame frame = chat_frame(model.chat, model.tok());
    const int64_t total = static_cast<int64_t>(doc_tokens.size());
    const int64_t chunk = cfg.exc_block_size;
    IngestResult r{MemoryState(model.hp, cfg), static_cast<int>(frame.prefix.size()), 0};
    int64_t read = 0;
    if (places.from) {
        if (places.read < 0 || places.read > total || (places.read % chunk != 0 && places.read != total) ||
            places.from->n_tokens != r.prefix_len + places.read)
            fail(Status::BAD_INPUT, "the reading's saved place does not fit this document");
        r.state = *places.from; // shares its blocks
        read = places.read;
    }
    auto mm = make_memory_backend(model, r.state, device);
    Feeder f(*mm, on_retrieval);
    if (!places.from) f.feed(frame.prefix, StepKind::PROMPT, false);
    // The current state in host form, for a saved place.
    auto save = [&] {
        if (mm->state_in_place()) return places.save(r.state, read);
        MemoryState host(model.hp, cfg);
        mm->to_host(host);
        places.save(host, read);
    };
    while (read < total) {
        const int64_t end = std::min(total, read + chunk);
        f.feed(std::vector<int>(doc_tokens.begin() + read, doc_tokens.begin() + end), StepKind::DOCUMENT, false);
        read = end;
        const bool go_on = !progress || progress({read, total, since(t0), IngestPhase::MEMORY, places.from ? places.read : 0});
        if (places.due && places.save && places.due(read, !go_on)) save();
        if (!go_on) fail(Status::CANCELLED, "ingest cancelled");
    }
    if (!mm->state_in_place()) mm->to_host(r.state);
    r.state.cfg.lookup = lookup_for(cfg_in.lookup, model, cfg.topk);
    r.seconds = since(t0);
    return r;
}

} // namespace

IngestResult memory_ingest(const Model & model, const std::vector<int> & doc_tokens, const MemoryConfig & cfg, const IngestCallback & progress,
                           const RetrievalCallback & on_retrieval, const DeviceParams & device) {
    return ingest(model, doc_tokens, cfg, progress, on_retrieval, device, {});
}

IngestResult memory_ingest(const Model & model, const std::vector<int> & doc_tokens, const MemoryConfig & cfg, const IngestCallback & progress,
                           const DeviceParams & device, const IngestPlaces & places) {
    return ingest(model, doc_tokens, cfg, progress, {}, device, places);
}

namespace {

AskResult ask(const Model & model, const MemoryState & doc, int doc_prefix_len, AskTexts texts, const std::string & question, const AskParams & params,
              const TextCallback & on_text, const RetrievalCallback & on_retrieval) {
    const auto t0 = Clock::now();
    const Tokenizer & tok = model.tok();
    const ChatFrame frame = chat_frame(model.chat, tok);
    if (doc_prefix_len < 0 || static_cast<size_t>(doc_prefix_len) > doc.tokens.size()) fail(Status::BAD_INPUT, "bad document prefix length");

    MemoryState st;
    if (params.mode == AskMode::ASK) {
        st = doc.fork();
        for (auto & L : st.layers) L.qvec.clear();
        st.lexical = {};
    } else {
        // Deep read: a fresh state; the question comes first, so selection is query-aware
        // throughout the document.
        st = MemoryState(model.hp, doc.cfg);
    }
    st.cfg.lookup = lookup_for(params.lookup, model, st.cfg.topk);
    auto backend = make_memory_backend(model, st, params.gen.device);
    MemoryBackend & mm = *backend;
    Feeder f(mm, on_retrieval);
    std::vector<float> logits;
    const std::vector<int> q = tok.encode(question);
    if (params.mode == AskMode::DEEP) {
        if (texts.ranges.size() != 1) fail(Status::BAD_INPUT, "a deep reading asks one document");
        f.feed(frame.prefix, StepKind::PROMPT, false);
        f.feed(tok.encode("Question: "), StepKind::PROMPT, false);
        f.feed(q, StepKind::QUESTION, false);
        const std::vector<int> body(doc.tokens.begin() + doc_prefix_len, doc.tokens.end());
        std::vector<int> lead = tok.encode("\n\n");
        f.feed(lead, StepKind::PROMPT, false);
        texts.ranges.front().first = static_cast<int64_t>(mm.consumed_tokens().size());
        f.feed(body, StepKind::DOCUMENT, false);
        texts.ranges.front().last = static_cast<int64_t>(mm.consumed_tokens().size());
    }
    if (params.evidence_tokens < 0 && params.evidence_tokens != kAutoEvidence) fail(Status::BAD_INPUT, "evidence_tokens must be >= 0");
    const int evidence =
        params.evidence_tokens == kAutoEvidence ? evidence_budget(doc.cfg, static_cast<int64_t>(doc.tokens.size())) : params.evidence_tokens;
    AskResult res;
    // An answer from the evidence alone answers in its own reading (focus), the block memory ranked.
    std::unique_ptr<Focus> focus;
    std::unique_ptr<Feeder> focus_feeder;
    const RetrievalCallback no_steps; // the focus reading's: it holds no memory blocks
    if (params.evidence_alone && evidence > 0 && mm.config().preset != kWholePreset) {
        focus = focus_on_evidence(model, f, mm, frame, q, params, evidence, texts, res.evidence);
        if (focus) {
            res.blocks = mm.memory_blocks(); // the ranking's blocks, for the trace; the memory itself is done with
            res.session_tokens = mm.consumed_tokens();
            backend.reset();
            // The lookup to show is the question's, which ranked the passages; the answer's steps
            // report nothing.
            focus_feeder = std::make_unique<Feeder>(*focus->backend, no_steps, f.next_index());
            logits = focus_feeder->feed(focus->prompt, StepKind::PROMPT, true);
            res.answered_from_evidence = true;
        } else {
            logits = f.feed(frame.suffix, StepKind::PROMPT, true); // nothing to re-read: the memory answers
        }
    } else {
        logits = feed_question(f, mm, tok, frame, q, evidence, texts, &res.evidence);
    }
    MemoryBackend & answering = focus ? *focus->backend : *backend;
    Feeder & steps = focus ? *focus_feeder : f;
    const RetrievalCallback & report = focus ? no_steps : on_retrieval;

    res.stop_reason = "length";
    Sampler sampler(params.gen.sampling);
    std::vector<int> history = answering.consumed_tokens();
    StreamDecoder dec(tok, history);
    // On the GPU the next token is picked on the device (same uniform numbers as the host sampler).
    const bool device_pick = answering.picks_on_device(params.gen.sampling);
    int id = sampler.sample(logits, history);
    for (int n = 0; n < params.gen.n_predict; ++n) {
        if (tok.is_end_of_generation(id)) {
            res.stop_reason = "eos";
            break;
        }
        res.tokens.push_back(id);
        history.push_back(id);
        const std::string piece = dec.push(id);
        res.text += piece;
        if (on_text && !piece.empty() && !on_text(piece)) {
            res.stop_reason = "stopped";
            break;
        }
        if (n + 1 == params.gen.n_predict) break;
        RetrievalStep step;
        step.index = steps.next_index();
        RetrievalStep * tr = report ? &step : nullptr;
        if (device_pick) {
            id = answering.step_pick(id, params.gen.sampling, sampler.next_uniform(), tr);
        } else {
            logits = answering.step({id}, StepKind::TOKEN, true, tr);
            id = sampler.sample(logits, history);
        }
        if (report) report(step);
    }
    if (!focus) {
        res.blocks = mm.memory_blocks();
        res.session_tokens = mm.consumed_tokens();
    }
    res.seconds = since(t0);
    return res;
}

} // namespace

AskResult memory_ask(const Model & model, const MemoryState & doc, int doc_prefix_len, const std::string & question, const AskParams & params,
                     const TextCallback & on_text, const RetrievalCallback & on_retrieval) {
    return ask(model, doc, doc_prefix_len, {{{doc_prefix_len, static_cast<int64_t>(doc.tokens.size())}}, {}}, question, params, on_text, on_retrieval);
}

AskResult shelf_ask(const Model & model, const ShelfMemory & shelf, const std::string & question, const AskParams & params, const TextCallback & on_text,
                    const RetrievalCallback & on_retrieval) {
    AskTexts texts;
    for (int d = 0; d < shelf.documents(); ++d) {
        texts.ranges.push_back({shelf.starts[static_cast<size_t>(d)], shelf.starts[static_cast<size_t>(d) + 1]});
        texts.titles.push_back(shelf.titles[static_cast<size_t>(d)]);
    }
    return ask(model, shelf.state, shelf.prefix_len, std::move(texts), question, params, on_text, on_retrieval);
}

} // namespace quire
