#include "cli/interrupt.h"

#include <atomic>
#include <csignal>

namespace quire::cli {

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void on_sigint(int) { g_interrupted = true; }
} // namespace

void catch_interrupts() { std::signal(SIGINT, on_sigint); }

bool interrupted() { return g_interrupted.load(); }

} // namespace quire::cli
