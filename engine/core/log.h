// Engine logging through spdlog. The host program may replace the sink (the CLI logs to
// stderr, the desktop app forwards records to its own log view).
#pragma once

#include <memory>
#include <spdlog/spdlog.h>

namespace quire {

// The engine's logger; created on first use with a stderr sink at level "info".
std::shared_ptr<spdlog::logger> log();

// Replace the engine logger's sinks with the given one (thread-safe against concurrent logging).
void log_set_sink(std::shared_ptr<spdlog::sinks::sink> sink);
void log_set_level(spdlog::level::level_enum level);

} // namespace quire
