#include "bench/sync/harness.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gopy::bench {

namespace fs = std::filesystem;

namespace {
std::string& serverBinary() {
    static std::string path = GOPY_SERVER_BINARY;
    return path;
}
}  // namespace

void setServerBinary(std::string path) { serverBinary() = std::move(path); }

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

long rssKiB(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

/// User + system CPU seconds the process has used so far.
double cpuSeconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; fields >> field; ++i) {
        if (i == 14 || i == 15) ticks += std::stod(field);
        if (i == 15) break;
    }
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

int runToEnd(const std::vector<std::string>& args) {
    std::vector<std::string> all{serverBinary()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Child startServer(const fs::path& data) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    std::vector<std::string> all{serverBinary(), "serve", "--data", data.string(), "--listen", "127.0.0.1:0", "--insecure"};
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        const int err = ::open((data / "server.err").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(err, STDERR_FILENO);
        ::close(fds[0]);
        execv(argv[0], argv.data());
        _exit(127);
    }
    ::close(fds[1]);
    std::string out;
    char buffer[1024];
    for (;;) {
        const auto n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) return {};
        out.append(buffer, static_cast<std::size_t>(n));
        const auto at = out.find("listening ");
        if (at == std::string::npos) continue;
        const auto end = out.find('\n', at);
        if (end == std::string::npos) continue;
        const auto line = out.substr(at, end - at);
        return Child{pid, static_cast<std::uint16_t>(std::stoi(line.substr(line.rfind(':') + 1)))};
    }
}

void raiseFileLimit() {
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

fs::path demoDataFolder(const std::string& prefix) {
    std::string pattern = "/tmp/" + prefix + "-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
        std::cerr << "cannot make " << pattern << "\n";
        return {};
    }
    if (runToEnd({"demo", "--data", pattern}) != 0) {
        std::cerr << "demo failed\n";
        return {};
    }
    return pattern;
}

void Phase::done() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    cv_.notify_all();
}

bool Phase::wait(std::chrono::seconds limit) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, limit, [this] { return finished_; });
}

}  // namespace gopy::bench
