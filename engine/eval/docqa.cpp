#include "eval/docqa.h"

#include "core/error.h"
#include "core/mapped_file.h"
#include "eval/rag.h"
#include "reading/document_ingest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace quire {

namespace {

// Lower case, typographic quotes and dashes as ASCII, white space runs as one space.
std::string normalize(const std::string & s) {
    static const std::pair<const char *, const char *> kTypographic[] = {
        {"\u2018", "'"}, {"\u2019", "'"}, {"\u201c", "\""}, {"\u201d", "\""}, {"\u2013", "-"}, {"\u2014", "-"}, {"\u2212", "-"}, {"\u00a0", " "}};
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        bool mapped = false;
        for (const auto & [from, to] : kTypographic) {
            const size_t n = std::char_traits<char>::length(from);
            if (s.compare(i, n, from) == 0) {
                out += to;
                i += n;
                mapped = true;
                break;
            }
        }
        if (mapped) continue;
        const unsigned char c = static_cast<unsigned char>(s[i++]);
        out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
    std::string collapsed;
    collapsed.reserve(out.size());
    bool space = false;
    for (char c : out) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !collapsed.empty();
            continue;
        }
        if (space) collapsed += ' ';
        space = false;
        collapsed += c;
    }
    return collapsed;
}

std::vector<std::string> strings(const nlohmann::json & j, const char * key) {
    std::vector<std::string> out;
    if (!j.contains(key)) return out;
    const auto & v = j.at(key);
    if (v.is_string()) out.push_back(v.get<std::string>());
    else
        for (const auto & s : v) out.push_back(s.get<std::string>());
    return out;
}

DocQuestion parse_question(const nlohmann::json & j) {
    DocQuestion q;
    q.question = j.at("question").get<std::string>();
    q.answers = strings(j, "answers");
    if (j.contains("answer")) q.answers.insert(q.answers.begin(), j.at("answer").get<std::string>());
    for (auto & a : strings(j, "accept")) q.answers.push_back(std::move(a));
    q.evidence = strings(j, "evidence");
    q.style = j.value("style", "");
    q.depth = j.value("depth", 0.5);
    return q;
}

} // namespace

bool answer_matches(const std::string & reply, const std::vector<std::string> & answers) {
    const std::string r = normalize(reply);
    for (const auto & a0 : answers) {
        const std::string a = normalize(a0);
        if (a.empty()) continue;
        const bool word_start = is_word_byte(static_cast<unsigned char>(a.front())), word_end = is_word_byte(static_cast<unsigned char>(a.back()));
        for (size_t at = r.find(a); at != std::string::npos; at = r.find(a, at + 1)) {
            const bool open = !word_start || at == 0 || !is_word_byte(static_cast<unsigned char>(r[at - 1]));
            const size_t end = at + a.size();
            const bool close = !word_end || end == r.size() || !is_word_byte(static_cast<unsigned char>(r[end]));
            if (open && close) return true;
        }
    }
    return false;
}

DocQaSet docqa_load(const std::string & document, const std::string & questions) {
    DocQaSet set;
    set.document = document;
    set.text = document_read_map(document).text;
    const std::string raw = read_file(questions);
    auto bad = [&](int line, const std::string & why) { fail(Status::BAD_INPUT, questions + (line > 0 ? ":" + std::to_string(line) : "") + ": " + why); };
    const size_t first = raw.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && raw[first] == '{' && raw.find("\"questions\"") != std::string::npos) {
        try { // one JSON object with a "questions" array (the demo book's file)
            const auto j = nlohmann::json::parse(raw);
            if (j.contains("questions") && j.at("questions").is_array())
                for (const auto & q : j.at("questions")) set.questions.push_back(parse_question(q));
        } catch (const nlohmann::json::exception &) {
            set.questions.clear(); // not one object: JSON lines
        }
    }
    if (set.questions.empty()) {
        std::istringstream in(raw);
        int line_no = 0;
        for (std::string line; std::getline(in, line);) {
            ++line_no;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            try {
                set.questions.push_back(parse_question(nlohmann::json::parse(line)));
            } catch (const nlohmann::json::exception & e) {
                bad(line_no, std::string("not a question: ") + e.what());
            }
        }
    }
    if (set.questions.empty()) bad(0, "no questions");
    const std::string text = normalize(set.text);
    for (size_t i = 0; i < set.questions.size(); ++i) {
        DocQuestion & q = set.questions[i];
        const std::string which = "question " + std::to_string(i + 1) + " (\"" + q.question + "\")";
        if (q.question.empty() || q.answers.empty()) bad(0, which + " needs a question and at least one answer");
        for (size_t e = 0; e < q.evidence.size(); ++e) {
            const size_t at = text.find(normalize(q.evidence[e]));
            if (at == std::string::npos) bad(0, which + ": its evidence \"" + q.evidence[e] + "\" is not in " + document);
            if (e == 0) q.depth = text.empty() ? 0 : static_cast<double>(at) / static_cast<double>(text.size());
        }
    }
    return set;
}

} // namespace quire
