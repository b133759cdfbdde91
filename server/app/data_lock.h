// Exclusive hold on a data folder (flock on DIR/gopy.lock), so two servers never serve the
// same database. Released by the destructor or when the process dies (even by kill -9).
#pragma once

#include <filesystem>
#include <string>

namespace gopy::server::app {

class DataLock {
public:
    /// Tries to take the lock without waiting; see held().
    explicit DataLock(const std::filesystem::path& lockFile);
    ~DataLock();
    DataLock(const DataLock&) = delete;
    DataLock& operator=(const DataLock&) = delete;

    /// True if this process now holds the folder.
    bool held() const { return held_; }
    /// Why the lock is not held (Vietnamese): "tiến trình số 1234 đang giữ", or the system
    /// error.
    const std::string& reason() const { return reason_; }

private:
    int fd_ = -1;
    bool held_ = false;
    std::string reason_;
};

}  // namespace gopy::server::app
