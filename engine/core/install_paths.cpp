#include "core/install_paths.h"

#include <filesystem>
#include <system_error>

namespace quire {

namespace fs = std::filesystem;

std::string executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

std::string installed_data_dir() {
    const std::string bin = executable_dir();
    if (bin.empty()) return {};
    std::error_code ec;
    const fs::path dir = fs::weakly_canonical(fs::path(bin) / ".." / "share" / "quire", ec);
    return !ec && fs::is_directory(dir, ec) ? dir.string() : std::string();
}

} // namespace quire
