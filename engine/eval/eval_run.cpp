#include "eval/eval_run.h"

#include "core/error.h"
#include "eval/rag.h"
#include "memory/reading_plan.h"
#include "tokenizer/chat_template.h"

#include <chrono>

namespace quire {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// The greedy sampler with no repetition penalty: every method picks the same way.
SamplerParams greedy() {
    SamplerParams s;
    s.temperature = 0.0f;
    s.repeat_penalty = 1.0f;
    return s;
}

// The document's tokens: those the instance carries (docqa), else its text encoded.
std::vector<int> document_tokens(const Model & model, const EvalInstance & inst) { return inst.tokens ? *inst.tokens : model.tok().encode(inst.document); }

// Full attention over the chat frame, `context`, the question: the prompt of full, rag and
// truncate. It runs on the block memory's path with a window that holds the whole prompt, which
// is full attention at true positions (tst_reading_plan checks it against generate) with the
// memory path's prefill kernels.
std::string answer_full(const Model & model, const std::vector<int> & context, const std::string & question, const EvalOptions & opt) {
    MemoryConfig c = memory_preset("2k");
    c.preset = "full"; // a label: memory_for_reading keeps the window as sized here
    // The window holds the frame, the context, the question and the answer (64 tokens to spare).
    c.n_local = static_cast<int>(context.size()) + static_cast<int>(model.tok().encode(question).size()) + kQuestionRoom + opt.answer_tokens + 64;
    const IngestResult r = memory_ingest(model, context, c, {}, {}, opt.device);
    AskParams ap;
    ap.lookup = {0.0f, 0};
    ap.gen.n_predict = opt.answer_tokens;
    ap.gen.sampling = greedy();
    ap.gen.device = opt.device;
    return memory_ask(model, r.state, r.prefix_len, question, ap).text;
}

} // namespace

int eval_rag_budget(const EvalOptions & opt, const HParams & hp) {
    // "auto" and "whole" read short documents whole; rag gets the span of the block memory
    // preset "auto" reads long ones with.
    const MemoryConfig m = chosen_per_document(opt.memory.preset) ? memory_preset(memory_preset_for(hp)) : opt.memory;
    return opt.rag_tokens > 0 ? opt.rag_tokens : m.n_init + m.n_local + m.topk * m.block_size;
}

const char * eval_method_name(EvalMethod m) {
    switch (m) {
    case EvalMethod::FULL: return "full";
    case EvalMethod::INFLLM: return "infllm";
    case EvalMethod::QLLM: return "qllm";
    case EvalMethod::RAG: return "rag";
    case EvalMethod::TRUNCATE: return "truncate";
    }
    return "?";
}

bool eval_method_uses_memory(EvalMethod m) { return m == EvalMethod::INFLLM || m == EvalMethod::QLLM; }

EvalMethod eval_method_from_name(const std::string & s) {
    for (EvalMethod m : {EvalMethod::FULL, EvalMethod::INFLLM, EvalMethod::QLLM, EvalMethod::RAG, EvalMethod::TRUNCATE})
        if (s == eval_method_name(m)) return m;
    fail(Status::BAD_INPUT, "unknown method '" + s + "' (full, infllm, qllm, rag or truncate)");
}

EvalReading eval_read(const Model & model, const EvalInstance & inst, const EvalOptions & opt) {
    EvalReading r{memory_ingest(model, document_tokens(model, inst), opt.memory, {}, {}, opt.device), {}, {}, 0};
    r.seconds = r.ingest.seconds;
    if (opt.beside.empty()) return r;
    for (const EvalOptions::Beside & b : opt.beside) {
        r.beside.push_back(memory_ingest(model, model.tok().encode_long(b.text), opt.memory, {}, {}, opt.device));
        r.seconds += r.beside.back().seconds;
    }
    std::vector<ShelfInput> in;
    for (size_t i = 0; i < r.beside.size(); ++i) {
        if (i == 1) in.push_back({&r.ingest.state, r.ingest.prefix_len, inst.title});
        in.push_back({&r.beside[i].state, r.beside[i].prefix_len, opt.beside[i].title});
    }
    if (r.beside.size() == 1) in.push_back({&r.ingest.state, r.ingest.prefix_len, inst.title});
    r.shelf = std::make_shared<const ShelfMemory>(shelf_memory(in));
    return r;
}

EvalOutcome eval_run(const Model & model, const EvalInstance & inst, EvalMethod method, AskMode mode, const EvalOptions & opt,
                     const EvalReading * reading) {
    EvalOutcome out;
    const auto t0 = Clock::now();
    try {
        if (!opt.beside.empty() && (method == EvalMethod::FULL || method == EvalMethod::TRUNCATE || mode == AskMode::DEEP))
            fail(Status::BAD_INPUT, std::string(eval_method_name(method)) + (mode == AskMode::DEEP ? " deep" : "") + " does not ask a shelf");
        if (method == EvalMethod::FULL) {
            // The same tokens the block memory sees, all in one window.
            out.answer = answer_full(model, document_tokens(model, inst), inst.question, opt);
            out.answer_seconds = since(t0);
        } else if (method == EvalMethod::TRUNCATE) {
            // The document's first tokens, as many as the trained context holds beside the
            // frame, the question and the answer.
            std::vector<int> doc = document_tokens(model, inst);
            const int ctx = model.hp.n_ctx_train > 0 ? model.hp.n_ctx_train : 2048;
            const int keep = std::max(0, ctx - kQuestionRoom - static_cast<int>(model.tok().encode(inst.question).size()) - opt.answer_tokens - 1);
            if (static_cast<int>(doc.size()) > keep) doc.resize(static_cast<size_t>(keep));
            out.answer = answer_full(model, doc, inst.question, opt);
            out.answer_seconds = since(t0);
        } else if (method == EvalMethod::RAG) {
            // On a shelf, the passages of every document compete.
            std::string text = inst.document;
            for (const EvalOptions::Beside & b : opt.beside) text += "\n\n" + b.text;
            const std::string context = rag_context(model.tok(), text, inst.question, eval_rag_budget(opt, model.hp), 200, opt.rag_passages);
            out.answer = answer_full(model, model.tok().encode(context), inst.question, opt);
            out.answer_seconds = since(t0);
        } else {
            std::optional<EvalReading> own;
            if (!reading && mode == AskMode::ASK) {
                own = eval_read(model, inst, opt);
                reading = &*own;
                out.ingest_seconds = since(t0);
            } else if (reading && mode == AskMode::ASK) {
                out.ingest_seconds = reading->seconds;
            }
            AskParams ap;
            ap.mode = mode;
            // InfLLM is the same reading and answer with beta 0: the anchors and the re-read
            // evidence, when asked for, apply to both, so that the two differ by the lookup alone.
            ap.lookup = method == EvalMethod::QLLM ? opt.lookup : Lookup{0.0f, opt.lookup.anchors};
            ap.evidence_tokens = opt.evidence_tokens;
            ap.evidence_alone = opt.evidence_alone;
            ap.gen.n_predict = opt.answer_tokens;
            ap.gen.sampling = greedy();
            ap.gen.device = opt.device;
            const auto t1 = Clock::now();
            if (mode == AskMode::ASK && reading->shelf) {
                out.answer = shelf_ask(model, *reading->shelf, inst.question, ap).text;
            } else if (mode == AskMode::ASK) {
                out.answer = memory_ask(model, reading->ingest.state, reading->ingest.prefix_len, inst.question, ap).text;
            } else {
                // Deep mode reads the document again with the question first: it needs the
                // document's tokens in a state; a plain one (no reading) is enough.
                MemoryState doc(model.hp, opt.memory);
                const ChatFrame frame = chat_frame(model.chat, model.tok());
                doc.tokens = frame.prefix;
                const auto body = document_tokens(model, inst);
                doc.tokens.insert(doc.tokens.end(), body.begin(), body.end());
                out.answer = memory_ask(model, doc, static_cast<int>(frame.prefix.size()), inst.question, ap).text;
            }
            out.answer_seconds = since(t1);
        }
        out.correct = eval_score(inst, out.answer);
    } catch (const Error & e) {
        if (e.status() != Status::OUT_OF_MEMORY) throw;
        out.status = std::string("does not fit: ") + e.what();
    }
    return out;
}

} // namespace quire
