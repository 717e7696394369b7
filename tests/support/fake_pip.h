// For the model-fetching tests: a stand-in for `python3` (fetch_model runs `python -m pip
// download ...`) written as a shell script, and what a fetch left in a cache folder.
#pragma once

#include <QStringList>
#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <string>

namespace quire::test {

// `dir`/python: a shell script running `body` (its arguments ignored).
inline std::string fake_python(const QTemporaryDir & dir, const std::string & body) {
    const std::string path = dir.filePath("python").toStdString();
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
}

// The names in `cache` (after a failed or cancelled fetch: none).
inline QStringList leftovers(const std::string & cache) {
    QStringList out;
    if (!std::filesystem::exists(cache)) return out;
    for (const auto & e : std::filesystem::directory_iterator(cache)) out << QString::fromStdString(e.path().filename().string());
    return out;
}

} // namespace quire::test
