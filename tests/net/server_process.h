// Runs the real gopy-server binary as a child process: one-shot commands with their exit code
// and output, or a long-running `serve` whose "listening ADDR:PORT" line is read from stdout.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace gopy::test {

struct CommandResult {
    int exitCode = -1;  ///< -1 if it did not end normally
    std::string out;
    std::string err;
};

/// Runs `gopy-server args…` to completion (the binary from GOPY_SERVER_BINARY).
CommandResult runServerCommand(const std::vector<std::string>& args);

class ServerProcess {
public:
    /// Starts `gopy-server args…` with stdout on a pipe and stderr to `errFile`.
    ServerProcess(const std::vector<std::string>& args, const std::string& errFile);
    /// Kills the child (SIGKILL) if it still runs.
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// Reads stdout until "listening ADDR:PORT"; the port, or nullopt if the child ended first
    /// or nothing came within `timeout`.
    std::optional<std::uint16_t> waitListening(std::chrono::seconds timeout = std::chrono::seconds(60));
    /// Sends a signal.
    void signal(int sig);
    /// Waits for the child to end; its exit code, or -1 (killed by a signal).
    int wait();
    /// Everything read from stdout so far.
    const std::string& output() const { return out_; }

private:
    pid_t pid_ = -1;
    int outFd_ = -1;
    std::string out_;
};

}  // namespace gopy::test
