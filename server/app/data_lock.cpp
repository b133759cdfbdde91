#include "server/app/data_lock.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace gopy::server::app {

DataLock::DataLock(const std::filesystem::path& lockFile) {
    fd_ = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        reason_ = "không mở được " + lockFile.string() + ": " + std::strerror(errno);
        return;
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        char pid[32] = {};
        const auto n = ::pread(fd_, pid, sizeof pid - 1, 0);
        std::string holder = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : std::string();
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
        reason_ = error == EWOULDBLOCK
                      ? "tiến trình số " + (holder.empty() ? std::string("?") : holder) + " đang giữ"
                      : std::string(std::strerror(error));
        return;
    }
    held_ = true;
    // The holder's pid, for the message the next server prints.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0) return;
    if (::pwrite(fd_, pid.data(), pid.size(), 0) < 0) return;
}

DataLock::~DataLock() {
    if (fd_ < 0) return;
    if (held_) ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

}  // namespace gopy::server::app
