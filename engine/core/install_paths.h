// Where an installed Quire keeps its data: share/quire beside the prefix of the running
// executable (/usr/bin/quire -> /usr/share/quire), so a package or a relocated install tree finds
// its demo book and default model wherever it was put, never in the build tree.
#pragma once

#include <string>

namespace quire {

// The folder of the running executable (from /proc/self/exe); empty if it cannot be read.
std::string executable_dir();

// <executable_dir>/../share/quire when that folder exists, else empty.
std::string installed_data_dir();

} // namespace quire
