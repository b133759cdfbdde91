#include "tests/net/server_process.h"

#include <cerrno>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/net/server_fixture.h"

namespace gopy::test {

namespace {

pid_t spawn(const std::vector<std::string>& args, int outFd, int errFd) {
    std::vector<std::string> all{GOPY_SERVER_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : all) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(outFd, STDOUT_FILENO);
        dup2(errFd, STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

int waitChild(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream out;
    out << file.rdbuf();
    return out.str();
}

}  // namespace

CommandResult runServerCommand(const std::vector<std::string>& args) {
    TempDir dir;
    const std::string outPath = (dir.path() / "out").string();
    const std::string errPath = (dir.path() / "err").string();
    const int outFd = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int errFd = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    CommandResult result;
    if (outFd < 0 || errFd < 0) return result;
    const pid_t pid = spawn(args, outFd, errFd);
    ::close(outFd);
    ::close(errFd);
    result.exitCode = waitChild(pid);
    result.out = slurp(outPath);
    result.err = slurp(errPath);
    return result;
}

ServerProcess::ServerProcess(const std::vector<std::string>& args, const std::string& errFile) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const int errFd = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (errFd < 0) throw std::runtime_error("cannot open " + errFile);
    pid_ = spawn(args, fds[1], errFd);
    ::close(fds[1]);
    ::close(errFd);
    outFd_ = fds[0];
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        waitChild(pid_);
    }
    if (outFd_ >= 0) ::close(outFd_);
}

std::optional<std::uint16_t> ServerProcess::waitListening(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const std::string marker = "listening ";
    for (;;) {
        const auto at = out_.find(marker);
        if (at != std::string::npos) {
            const auto end = out_.find('\n', at);
            if (end != std::string::npos) {
                const std::string where = out_.substr(at + marker.size(), end - at - marker.size());
                const auto colon = where.rfind(':');
                if (colon == std::string::npos) return std::nullopt;
                return static_cast<std::uint16_t>(std::stoi(where.substr(colon + 1)));
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd pfd{outFd_, POLLIN, 0};
        if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
        char buffer[4096];
        const auto n = ::read(outFd_, buffer, sizeof buffer);
        if (n <= 0) return std::nullopt;  // the child closed stdout: it ended
        out_.append(buffer, static_cast<std::size_t>(n));
    }
}

void ServerProcess::signal(int sig) {
    if (pid_ > 0) ::kill(pid_, sig);
}

int ServerProcess::wait() {
    if (pid_ <= 0) return -1;
    const int code = waitChild(pid_);
    pid_ = -1;
    return code;
}

}  // namespace gopy::test
