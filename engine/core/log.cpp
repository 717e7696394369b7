// The engine logger singleton.
#include "core/log.h"

#include <mutex>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace quire {

namespace {
std::mutex g_mutex;
std::shared_ptr<spdlog::logger> g_logger;

std::shared_ptr<spdlog::logger> make_default() {
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    auto logger = std::make_shared<spdlog::logger>("quire", sink);
    logger->set_pattern("[%H:%M:%S.%e] [%^%l%$] %v");
    logger->set_level(spdlog::level::info);
    return logger;
}
} // namespace

std::shared_ptr<spdlog::logger> log() {
    std::lock_guard lock(g_mutex);
    if (!g_logger) g_logger = make_default();
    return g_logger;
}

void log_set_sink(std::shared_ptr<spdlog::sinks::sink> sink) {
    std::lock_guard lock(g_mutex);
    auto level = g_logger ? g_logger->level() : spdlog::level::info;
    g_logger = std::make_shared<spdlog::logger>("quire", std::move(sink));
    g_logger->set_level(level);
}

void log_set_level(spdlog::level::level_enum level) { log()->set_level(level); }

} // namespace quire
