#include "eval/eval_task.h"

#include "eval/docqa.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace quire {

namespace {

// splitmix64: the same numbers on every platform and library (std distributions are not).
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed) {}
    uint64_t next() {
        uint64_t z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
    template <size_t N> const char * pick(const char * const (&a)[N]) { return a[below(N)]; }
};

uint64_t mix(uint64_t a, uint64_t b) { return Rng(a * 0x2545f4914f6cdd1dull ^ b).next(); }

// The haystack's vocabulary: everyday village life, no names, nothing a question asks about.
const char * const kSubjects[] = {"the old ferryman", "a tired clerk", "the miller's daughter", "two shepherds", "the schoolmaster", "a travelling tinker",
                                  "the harbour master", "the baker", "a young apprentice", "the weaver", "the night watchman", "a pair of fishermen",
                                  "the innkeeper's cousin", "the stonemason", "a quiet scribe", "the village doctor", "the carter", "an old widow"};
const char * const kVerbs[] = {"carried", "mended", "counted", "painted", "sold", "repaired", "studied", "polished",
                               "packed", "examined", "sorted", "swept", "measured", "traded", "copied", "delivered"};
const char * const kObjects[] = {"a basket of apples", "the broken cart wheel", "seven wooden crates", "an old map of the coast", "the chapel bells",
                                 "a bundle of letters", "the long fishing nets", "a sack of grain", "the iron gate", "a set of copper pots",
                                 "the ledger of debts", "a roll of grey cloth", "the lamps of the pier", "three clay jars", "the loose roof tiles",
                                 "a box of candles", "the torn sails", "a crate of turnips"};
const char * const kPlaces[] = {"near the river", "behind the market", "on the north road", "by the harbour wall", "under the elm trees",
                                "at the edge of the fields", "beside the mill", "in the square", "along the cliff path", "outside the granary"};
const char * const kTimes[] = {"In the morning", "Before noon", "Late in the afternoon", "After the rain", "On the first day of spring",
                               "When the tide was low", "At dusk", "During the long winter", "On market day", "Before the bells rang"};
const char * const kWeather[] = {"stayed cold and dry", "turned windy by evening", "was mild for the season", "brought a thin fog from the sea",
                                 "cleared after a grey dawn"};
const char * const kRemarks[] = {"spoke of it again", "thought it unusual", "had seen such a thing before", "asked about the price",
                                 "remembered the day clearly"};

// The facts' vocabulary, disjoint from the haystack's.
const char * const kFirst[] = {"Orla", "Tamsin", "Edric", "Bryn", "Ysolde", "Caspian", "Wenna", "Idris", "Marit", "Lorcan", "Sabine", "Anselm",
                               "Ketti", "Rhun", "Elspeth", "Dorian"};
const char * const kLast[] = {"Finch", "Harrow", "Quill", "Vance", "Ashdown", "Merrow", "Pike", "Calloway", "Thorne", "Wilder", "Ransome", "Bexley"};
const char * const kDishes[] = {"ember stew", "lantern soup", "thistle pie", "salt bread", "plum cake", "smoke broth", "honey tart", "moss dumplings"};
const char * const kIngredients[] = {"blue saffron", "smoked juniper", "crushed cardamom", "black garlic", "wild fennel", "candied ginger",
                                     "rose pepper", "sea lavender", "burnt sugar", "white truffle"};
const char * const kInns[] = {"Gull", "Copper Gate", "Red Lantern", "Silver Stag", "Broken Oar", "Green Heron", "Iron Kettle", "Wandering Ox"};
const char * const kTowns[] = {"Varrow", "Kestelby", "Oundle Reach", "Marrowfield", "Thornwick", "Ellisford", "Brackenmoor", "Saltmere"};

std::string capital(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string sentence(Rng & r) {
    const std::string s1 = r.pick(kSubjects), s2 = r.pick(kSubjects), v = r.pick(kVerbs), o = r.pick(kObjects), p = r.pick(kPlaces);
    switch (r.below(6)) {
    case 0: return std::string(r.pick(kTimes)) + ", " + s1 + " " + v + " " + o + " " + p + ".";
    case 1: return capital(s1) + " " + v + " " + o + " while " + s2 + " waited " + p + ".";
    case 2: return "The weather " + std::string(r.pick(kWeather)) + ", and " + s1 + " " + v + " " + o + ".";
    case 3: return capital(s1) + " said that " + s2 + " had " + v + " " + o + " " + p + ".";
    case 4: return "Nobody in the village " + std::string(r.pick(kRemarks)) + ".";
    default: return std::string(r.pick(kTimes)) + ", " + s1 + " and " + s2 + " " + v + " " + o + ".";
    }
}

std::string hex8(Rng & r) {
    char b[9];
    std::snprintf(b, sizeof b, "%08llx", static_cast<unsigned long long>(r.next() & 0xffffffffull));
    return b;
}

// Pieces of text (sentences or lines) and their token counts, joined by `sep`.
struct Pieces {
    std::vector<std::string> text;
    std::vector<int> tokens;
    int total = 0;
    void add(const Tokenizer & tok, std::string s) {
        const int n = static_cast<int>(tok.encode(s).size());
        text.push_back(std::move(s));
        tokens.push_back(n);
        total += n;
    }
    // The index before which a piece at `depth` (0..1) of the token count goes.
    size_t at_depth(double depth) const {
        const double want = std::clamp(depth, 0.0, 1.0) * total;
        int sum = 0;
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (sum >= want) return i;
            sum += tokens[i];
        }
        return tokens.size();
    }
};

// A fact's text and where it goes.
struct Fact {
    double depth;
    std::string text;
};

std::string prose_with(const Tokenizer & tok, int budget, uint64_t hay_seed, std::vector<Fact> facts) {
    Rng r(hay_seed);
    int fact_tokens = 0;
    for (const auto & f : facts) fact_tokens += static_cast<int>(tok.encode(" " + f.text).size());
    Pieces p;
    while (p.total + fact_tokens < budget) p.add(tok, (p.text.size() % 6 == 0 && !p.text.empty() ? "\n\n" : " ") + sentence(r));
    // Later positions first, so earlier indices stay valid.
    std::vector<std::pair<size_t, std::string>> at;
    for (const auto & f : facts) at.emplace_back(p.at_depth(f.depth), " " + f.text);
    std::stable_sort(at.begin(), at.end(), [](const auto & a, const auto & b) { return a.first > b.first; });
    for (const auto & [i, t] : at) p.text.insert(p.text.begin() + static_cast<std::ptrdiff_t>(i), t);
    std::string doc;
    for (const auto & s : p.text) doc += s;
    const size_t first = doc.find_first_not_of(" \n");
    return first == std::string::npos ? doc : doc.substr(first);
}

// make(piece_budget) builds a document from pieces whose separate token counts sum to about
// piece_budget; tokenizing pieces apart and together differs by a few percent, so the budget
// is corrected until the whole document is under `budget` by at most a sentence or 0.5%.
template <typename Make> std::string fit(const Tokenizer & tok, int budget, Make make) {
    double piece_budget = budget;
    std::string best;
    for (int round = 0; round < 6; ++round) {
        std::string doc = make(static_cast<int>(piece_budget));
        const int n = static_cast<int>(tok.encode(doc).size());
        if (n <= budget) best = std::move(doc);
        if (n <= budget && n >= budget - std::max(32, budget / 200)) break;
        piece_budget *= (budget - std::max(4, budget / 400)) / static_cast<double>(std::max(1, n));
    }
    return best.empty() ? make(static_cast<int>(piece_budget)) : best;
}

std::string lower(std::string s) {
    for (char & c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

const char * eval_task_name(EvalTask t) {
    switch (t) {
    case EvalTask::PASSKEY: return "passkey";
    case EvalTask::KV: return "kv";
    case EvalTask::NEEDLE: return "needle";
    case EvalTask::MULTIHOP: return "multihop";
    case EvalTask::DOCQA: return "docqa";
    }
    return "?";
}

EvalTask eval_task_from_name(const std::string & s) {
    for (EvalTask t : {EvalTask::PASSKEY, EvalTask::KV, EvalTask::NEEDLE, EvalTask::MULTIHOP, EvalTask::DOCQA})
        if (s == eval_task_name(t)) return t;
    fail(Status::BAD_INPUT, "unknown task '" + s + "' (passkey, kv, needle, multihop or docqa)");
}

EvalInstance eval_make_instance(const Tokenizer & tok, EvalTask task, int length, double depth, int sample, uint64_t seed) {
    if (task == EvalTask::DOCQA) fail(Status::BAD_INPUT, "docqa instances come from a document and its questions (docqa_instances)");
    if (length < kQuestionRoom + 64) fail(Status::BAD_INPUT, "an evaluation length must be at least " + std::to_string(kQuestionRoom + 64) + " tokens");
    EvalInstance e;
    e.task = task;
    e.length = length;
    e.depth = depth;
    e.sample = sample;
    const int budget = length - kQuestionRoom;
    // The haystack depends on the length and sample; the fact also on the task and depth.
    const uint64_t hay_seed = mix(mix(seed, static_cast<uint64_t>(length)), static_cast<uint64_t>(sample));
    Rng r(mix(mix(hay_seed, static_cast<uint64_t>(task) + 1), static_cast<uint64_t>(std::llround(depth * 1e6))));
    switch (task) {
    case EvalTask::PASSKEY: {
        const std::string key = std::to_string(10000 + r.below(90000));
        e.document = fit(tok, budget, [&](int b) { return prose_with(tok, b, hay_seed, {{depth, "The pass key is " + key + ". Remember it. " + key + " is the pass key."}}); });
        e.question = "What is the pass key? Answer with the number only.";
        e.answer = key;
        break;
    }
    case EvalTask::KV: {
        const std::string key = hex8(r), value = hex8(r);
        const std::string head = "Below is a JSON object of keys and values.\n{", tail = "\n}";
        const std::string target = "\n  \"" + key + "\": \"" + value + "\",";
        const int fixed = static_cast<int>(tok.encode(head + tail).size() + tok.encode(target).size());
        e.document = fit(tok, budget, [&](int b) {
            Rng hr(hay_seed);
            Pieces p;
            while (fixed + p.total < b) {
                std::string k = hex8(hr);
                if (k == key) continue;
                p.add(tok, "\n  \"" + k + "\": \"" + hex8(hr) + "\",");
            }
            p.text.insert(p.text.begin() + static_cast<std::ptrdiff_t>(p.at_depth(depth)), target);
            std::string doc = head;
            for (const auto & s : p.text) doc += s;
            if (doc.back() == ',') doc.pop_back();
            return doc + tail;
        });
        e.question = "In the JSON object above, what is the value of the key \"" + key + "\"? Answer with the value only.";
        e.answer = value;
        break;
    }
    case EvalTask::NEEDLE: {
        const std::string who = std::string(r.pick(kFirst)) + " " + r.pick(kLast), dish = r.pick(kDishes), what = r.pick(kIngredients);
        e.document = fit(tok, budget, [&](int b) { return prose_with(tok, b, hay_seed, {{depth, "The secret ingredient of " + who + "'s " + dish + " is " + what + "."}}); });
        e.question = "What is the secret ingredient of " + who + "'s " + dish + "? Answer in a few words.";
        e.answer = what;
        break;
    }
    case EvalTask::MULTIHOP: {
        const std::string who = std::string(r.pick(kFirst)) + " " + r.pick(kLast), dish = r.pick(kDishes), inn = r.pick(kInns), town = r.pick(kTowns);
        const double second = std::fmod(depth + 0.5, 1.0);
        e.document = fit(tok, budget, [&](int b) {
            return prose_with(tok, b, hay_seed, {{depth, who + "'s " + dish + " is served only at the " + inn + " inn."}, {second, "The " + inn + " inn stands in the town of " + town + "."}});
        });
        e.question = "In which town is " + who + "'s " + dish + " served? Answer with the name of the town.";
        e.answer = town;
        break;
    }
    case EvalTask::DOCQA: break;
    }
    e.doc_tokens = static_cast<int>(tok.encode(e.document).size());
    return e;
}

bool eval_score(const EvalInstance & inst, const std::string & answer) {
    switch (inst.task) {
    case EvalTask::PASSKEY: {
        const size_t a = answer.find_first_of("0123456789");
        if (a == std::string::npos) return false;
        const size_t b = answer.find_first_not_of("0123456789", a);
        return answer.substr(a, b == std::string::npos ? std::string::npos : b - a) == inst.answer;
    }
    case EvalTask::KV: {
        // The first word of exactly 8 hex digits that is not the key asked about.
        const std::string s = lower(answer);
        const std::string key = inst.question.substr(inst.question.find('"') + 1, 8);
        auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
        for (size_t i = 0; i < s.size();) {
            if (!hex(s[i])) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < s.size() && hex(s[j])) ++j;
            const bool word = (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]))) && (j == s.size() || !std::isalnum(static_cast<unsigned char>(s[j])));
            if (word && j - i == 8 && s.compare(i, 8, key) != 0) return s.compare(i, 8, inst.answer) == 0;
            i = j;
        }
        return false;
    }
    case EvalTask::NEEDLE:
    case EvalTask::MULTIHOP: return lower(answer).find(lower(inst.answer)) != std::string::npos;
    case EvalTask::DOCQA: return answer_matches(answer, inst.accept);
    }
    return false;
}

std::vector<EvalInstance> docqa_instances(const Tokenizer & tok, const DocQaSet & set) {
    auto tokens = std::make_shared<const std::vector<int>>(tok.encode_long(set.text));
    std::vector<EvalInstance> out;
    for (size_t i = 0; i < set.questions.size(); ++i) {
        const DocQuestion & q = set.questions[i];
        EvalInstance e;
        e.task = EvalTask::DOCQA;
        e.sample = static_cast<int>(i);
        e.depth = q.depth;
        e.document = set.text;
        e.title = std::filesystem::path(set.document).stem().string();
        e.question = q.question;
        e.answer = q.answers.front();
        e.accept = q.answers;
        e.style = q.style;
        e.tokens = tokens;
        e.doc_tokens = static_cast<int>(tokens->size());
        e.length = e.doc_tokens + kQuestionRoom;
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace quire
