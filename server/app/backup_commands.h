// gopy-server backup and restore, and the backups `serve --backup-every` takes while serving.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gopy::server::app {

/// True for the commands handled here ("backup", "restore").
bool isBackupCommand(const std::string& command);

/// Runs `backup --data DIR --out FILE` (an online copy, also while `serve` runs) or
/// `restore --data DIR FILE` (refused while a server serves the folder; the file is checked,
/// the old database kept aside). Exit code 0 done, 1 refused, 2 bad command line.
int runBackupCommand(const std::vector<std::string>& args);

/// Takes a backup of `database` into `folder` every `minutes` while it lives, keeping the
/// newest `keep` files named gopy-YYYYMMDD-HHMMSS.db (Hà Nội time); failures are logged.
class ScheduledBackups {
public:
    ScheduledBackups(std::filesystem::path database, std::filesystem::path folder, int minutes, int keep);
    /// Stops the thread (a backup under way finishes first).
    ~ScheduledBackups();
    ScheduledBackups(const ScheduledBackups&) = delete;
    ScheduledBackups& operator=(const ScheduledBackups&) = delete;

private:
    void run();
    void takeOne();

    std::filesystem::path database_;
    std::filesystem::path folder_;
    int minutes_;
    int keep_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace gopy::server::app
