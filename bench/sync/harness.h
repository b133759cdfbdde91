// What every sync benchmark needs around its clients: the real gopy-server binary started on
// an ephemeral loopback port over a data folder, its RSS and CPU from /proc, a one-shot
// command run to its end, and a phase the main thread waits for while the io thread works.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <sys/types.h>

namespace gopy::bench {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start);
/// The gopy-server binary runToEnd and startServer run (default: the one built with this).
void setServerBinary(std::string path);
/// Resident memory of the process, KiB; -1 if unknown.
long rssKiB(pid_t pid);
/// User + system CPU seconds the process has used so far.
double cpuSeconds(pid_t pid);
/// Raises this process's open-file limit to the hard limit (hundreds of clients).
void raiseFileLimit();
/// A fresh folder /tmp/<prefix>-XXXXXX holding `gopy-server demo`'s database; empty on failure
/// (said on stderr).
std::filesystem::path demoDataFolder(const std::string& prefix);
/// Runs gopy-server with `args` (stdout to /dev/null) and returns its exit status.
int runToEnd(const std::vector<std::string>& args);

struct Child {
    pid_t pid = -1;
    std::uint16_t port = 0;
};
/// `gopy-server serve --insecure` on 127.0.0.1:0 over `data` (stderr to data/server.err);
/// returns once it printed its port, or pid -1.
Child startServer(const std::filesystem::path& data);

/// Runs work on the client io thread and waits until it calls done() (or `limit` passes).
class Phase {
public:
    void done();
    bool wait(std::chrono::seconds limit);

private:
    std::mutex mutex_;
    std::condition_variable cv_;
    bool finished_ = false;
};

}  // namespace gopy::bench
