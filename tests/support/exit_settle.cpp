// Linked into every test: at process exit, before LeakSanitizer's check, wait (at most 2 s)
// until QtTest's watchdog thread has ended. QThread::wait() returns when the thread's run() is
// done, before the thread itself has exited and released its QThreadData (a thread-local
// destructor does that), so a test that finishes at once can reach the leak check while that
// thread is still ending, and LeakSanitizer then reports the 152-byte QThreadData. Seen under
// `ctest -j2` on tst_cuda_backend, which skips in initTestCase on machines without a GPU.
// Static destructors run before the sanitizer's own atexit check, which was registered first.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <thread>

namespace {

bool thread_alive(const std::string & name) {
    std::error_code ec;
    for (const auto & t : std::filesystem::directory_iterator("/proc/self/task", ec)) {
        std::ifstream f(t.path() / "comm");
        std::string comm;
        if (std::getline(f, comm) && comm == name) return true;
    }
    return false;
}

struct SettleAtExit {
    ~SettleAtExit() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (thread_alive("QtTest Watchdog") && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
} settle_at_exit;

} // namespace
