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
    Feeder(MemoryBackend & mm, const RetrievalCallback & cb) : mm_(mm), cb_(cb) {}
    // keep_last: the last step's trace, also without a callback.
    std::vector<float> feed(const std::vector<int> & ids, StepKind kind, bool want_logits, const IngestCallback & progress = {},
                            int64_t total = 0, Clock::time_point t0 = {}, RetrievalStep * keep_last = nullptr) {
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
            if (progress && !progress({static_cast<int64_t>(end), total, since(t0)})) fail(Status::CANCELLED, "ingest cancelled");
        }
        return logits;
    }
    int next_index() { return index_++; }

private:
    MemoryBackend & mm_;
    const RetrievalCallback & cb_;
    int index_ = 0;
};

// Question text, then the end of the user turn; the question tokens set the question vector.
// With evidence_tokens > 0 (evidence.h) the best passages of the document (positions
// [doc_first, doc_last)) are read again as text and the question comes (again) after them, with
// a request for a short answer from the document; the re-read spans go to *used. Block memory
// reads the question first: its lookup ranks the blocks beside the question's words. A whole
// reading ranks passages by the words alone, so the question is read once, after them (asked
// before and after its passages, the model sometimes answered by listing passages again).
std::vector<float> feed_question(Feeder & f, MemoryBackend & mm, const Tokenizer & tok, const ChatFrame & frame, const std::string & question,
                                 int evidence_tokens, int64_t doc_first, int64_t doc_last, std::vector<TokenSpan> * used) {
    const std::vector<int> q = tok.encode(question);
    const bool whole = mm.config().preset == kWholePreset;
    RetrievalStep last;
    auto ask = [&](bool with_trace) {
        f.feed(tok.encode("\n\nQuestion: "), StepKind::PROMPT, false);
        f.feed(q, StepKind::QUESTION, false, {}, 0, {}, with_trace ? &last : nullptr);
    };
    if (evidence_tokens <= 0 || !whole) ask(evidence_tokens > 0);
    if (evidence_tokens > 0) {
        const std::vector<int> tokens = mm.consumed_tokens();
        doc_last = std::min<int64_t>(doc_last, static_cast<int64_t>(tokens.size()));
        const std::vector<MemoryBlock> blocks = whole ? passages_of(doc_first, doc_last, mm.config().block_size) : mm.memory_blocks();
        const std::vector<int> words = word_ranking(blocks, tokens, q);
        const auto spans =
            evidence_spans(blocks, whole ? words : evidence_ranking(last, static_cast<int>(blocks.size()), words), evidence_tokens, doc_first, doc_last);
        if (!spans.empty()) {
            std::vector<int> ev = tok.encode(whole ? "\n\nPassages of the document about the question below:\n\n"
                                                   : "\n\nPassages of the document that may answer it:\n\n");
            const std::vector<int> gap = tok.encode("\n\n[...]\n\n");
            for (size_t i = 0; i < spans.size(); ++i) {
                if (i) ev.insert(ev.end(), gap.begin(), gap.end());
                ev.insert(ev.end(), tokens.begin() + spans[i].begin, tokens.begin() + spans[i].end);
            }
            f.feed(ev, StepKind::PROMPT, false);
            if (used) *used = spans;
        }
        if (whole || !spans.empty()) ask(false);
        if (!spans.empty()) f.feed(tok.encode("\nAnswer briefly, from the document."), StepKind::PROMPT, false);
    }
    return f.feed(frame.suffix, StepKind::PROMPT, true);
}

} // namespace

IngestResult memory_ingest(const Model & model, const std::vector<int> & doc_tokens, const MemoryConfig & cfg_in, const IngestCallback & progress,
                           const RetrievalCallback & on_retrieval, const DeviceParams & device) {
    memory_config_validate(cfg_in);
    MemoryConfig cfg = memory_for_reading(model.hp, cfg_in, static_cast<int64_t>(doc_tokens.size()));
    cfg.lookup.beta = 0.0f; // no question yet: plain InfLLM selection while reading
    const auto t0 = Clock::now();
    IngestResult r{MemoryState(model.hp, cfg), 0, 0};
    const ChatFrame frame = chat_frame(model.chat, model.tok());
    auto mm = make_memory_backend(model, r.state, device);
    Feeder f(*mm, on_retrieval);
    f.feed(frame.prefix, StepKind::PROMPT, false);
    r.prefix_len = static_cast<int>(frame.prefix.size());
    f.feed(doc_tokens, StepKind::DOCUMENT, false, progress, static_cast<int64_t>(doc_tokens.size()), t0);
    if (!mm->state_in_place()) mm->to_host(r.state);
    r.state.cfg.lookup = lookup_for(cfg_in.lookup, model, cfg.topk);
    r.seconds = since(t0);
    return r;
}

AskResult memory_ask(const Model & model, const MemoryState & doc, int doc_prefix_len, const std::string & question, const AskParams & params,
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
    int64_t doc_first = doc_prefix_len, doc_last = static_cast<int64_t>(doc.tokens.size());
    if (params.mode == AskMode::DEEP) {
        f.feed(frame.prefix, StepKind::PROMPT, false);
        f.feed(tok.encode("Question: "), StepKind::PROMPT, false);
        f.feed(tok.encode(question), StepKind::QUESTION, false);
        const std::vector<int> body(doc.tokens.begin() + doc_prefix_len, doc.tokens.end());
        std::vector<int> lead = tok.encode("\n\n");
        f.feed(lead, StepKind::PROMPT, false);
        doc_first = static_cast<int64_t>(mm.consumed_tokens().size());
        f.feed(body, StepKind::DOCUMENT, false);
        doc_last = static_cast<int64_t>(mm.consumed_tokens().size());
    }
    if (params.evidence_tokens < 0 && params.evidence_tokens != kAutoEvidence) fail(Status::BAD_INPUT, "evidence_tokens must be >= 0");
    const int evidence =
        params.evidence_tokens == kAutoEvidence ? evidence_budget(doc.cfg, static_cast<int64_t>(doc.tokens.size())) : params.evidence_tokens;
    AskResult res;
    logits = feed_question(f, mm, tok, frame, question, evidence, doc_first, doc_last, &res.evidence);

    res.stop_reason = "length";
    Sampler sampler(params.gen.sampling);
    std::vector<int> history = mm.consumed_tokens();
    StreamDecoder dec(tok, history);
    // On the GPU the next token is picked on the device (same uniform numbers as the host sampler).
    const bool device_pick = mm.picks_on_device(params.gen.sampling);
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
        step.index = f.next_index();
        RetrievalStep * tr = on_retrieval ? &step : nullptr;
        if (device_pick) {
            id = mm.step_pick(id, params.gen.sampling, sampler.next_uniform(), tr);
        } else {
            logits = mm.step({id}, StepKind::TOKEN, true, tr);
            id = sampler.sample(logits, history);
        }
        if (on_retrieval) on_retrieval(step);
    }
    res.blocks = mm.memory_blocks();
    res.session_tokens = mm.consumed_tokens();
    res.seconds = since(t0);
    return res;
}

} // namespace quire
