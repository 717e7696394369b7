// Shared helpers for Quire's tests: fixture locations, skipping when optional data is absent,
// and small file readers.
#pragma once

#include "model/model.h"

#include <QFile>
#include <QtTest>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace quire::test {

inline std::string env_or(const char * name, const std::string & def) {
    const char * v = std::getenv(name);
    return v && *v ? v : def;
}
inline std::string data_dir() { return env_or("QUIRE_TEST_DATA", "tests/data"); }
inline std::string shared_dir() { return env_or("QUIRE_SHARED_DIR", "../shared"); }
inline std::string model_cache() { return env_or("QUIRE_MODEL_CACHE", ""); }
inline std::string data(const std::string & rel) { return data_dir() + "/" + rel; }
inline std::string shared(const std::string & rel) { return shared_dir() + "/" + rel; }
inline bool exists(const std::string & p) { return std::filesystem::exists(p); }

inline std::string smollm2_path() { return model_cache() + "/SmolLM2-135M-Instruct.Q4_1.gguf"; }

inline std::string stories260k_dir() { return shared("models/stories260K"); }
// stories260K with its tokenizer from ../shared, or null when the shared data is absent.
inline std::unique_ptr<Model> load_stories260k() {
    if (!exists(stories260k_dir() + "/stories260K.bin")) return nullptr;
    ModelLoadOptions lo;
    lo.tokenizer_path = stories260k_dir() + "/tok512.bin";
    return model_load(stories260k_dir() + "/stories260K.bin", lo);
}

// A simple story in the stories260K style ("Lily saw a cat in the park. ..."), a blank line
// every nine sentences: a document that model reads well, of any length.
inline QString story(int sentences) {
    QString s;
    const QStringList names = {"Lily", "Tom", "Sue", "Ben"}, things = {"ball", "cat", "cake", "tree", "boat"};
    for (int i = 0; i < sentences; ++i)
        s += QString("%1 saw a %2 in the park. It was big and red.%3").arg(names[(i * 7) % 4], things[(i * 3) % 5], i % 9 == 8 ? "\n\n" : " ");
    return s;
}

// Writes bytes to path (a fixture file); returns the path.
inline QString write_file(const QString & path, const QByteArray & bytes) {
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(bytes);
    return path;
}

inline std::vector<float> read_f32(const std::string & path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::vector<float> v(static_cast<size_t>(in.tellg()) / 4);
    in.seekg(0);
    in.read(reinterpret_cast<char *>(v.data()), static_cast<std::streamsize>(v.size() * 4));
    return v;
}

inline std::string read_bytes(const std::string & path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline nlohmann::json read_json(const std::string & path) { return nlohmann::json::parse(read_bytes(path)); }

inline std::vector<nlohmann::json> read_jsonl(const std::string & path) {
    std::vector<nlohmann::json> rows;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
    return rows;
}

inline float max_abs_diff(const std::vector<float> & a, const std::vector<float> & b) {
    float m = 0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
    return a.size() == b.size() ? m : INFINITY;
}

} // namespace quire::test

#define QUIRE_REQUIRE_FILE(path, what)                                                                                   \
    do {                                                                                                               \
        if (!quire::test::exists(path)) QSKIP(qPrintable(QString("%1 not found at %2: skipped").arg(what, QString::fromStdString(path)))); \
    } while (0)
