#include "server/app/backup_commands.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "gopy/clock.h"
#include "server/app/data_lock.h"
#include "server/app/arguments.h"
#include "server/log/event_log.h"
#include "server/store/backup.h"
#include "server/store/errors.h"
#include "server/store/store.h"
#include "server/store/transaction.h"

namespace gopy::server::app {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBackupUsage =
    "Cách dùng: gopy-server backup --data DIR --out TỆP\n"
    "  Sao lưu cơ sở dữ liệu của DIR vào TỆP (một bản nhất quán, chụp được cả khi máy chủ đang\n"
    "  phục vụ). Sao lưu định kỳ khi phục vụ: serve --backup-every PHÚT [--backup-keep N].\n";
constexpr std::string_view kRestoreUsage =
    "Cách dùng: gopy-server restore --data DIR TỆP\n"
    "  Khôi phục cơ sở dữ liệu của DIR từ bản sao lưu TỆP. Máy chủ phải dừng; tệp được kiểm tra\n"
    "  trước, cơ sở dữ liệu cũ được cất lại thành gopy.db.before-restore-<thời điểm>.\n";

// "20261203-201500", Hà Nội time.
std::string stamp() { return fileStamp(nowMillis()); }

int usage(std::string_view text, const std::string& message) {
    std::cerr << "gopy-server: " << message << "\n\n" << text;
    return 2;
}

int backup(const std::vector<std::string>& args) {
    fs::path data, out;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") {
            std::cout << kBackupUsage;
            return 0;
        }
        if (args[i] == "--data" && i + 1 < args.size()) data = args[++i];
        else if (args[i] == "--out" && i + 1 < args.size()) out = args[++i];
        else return usage(kBackupUsage, "tham số không hợp lệ: " + args[i]);
    }
    if (data.empty() || out.empty()) return usage(kBackupUsage, data.empty() ? "thiếu --data DIR" : "thiếu --out TỆP");
    const fs::path database = data / "gopy.db";
    std::error_code ec;
    if (!fs::is_regular_file(database, ec)) {
        std::cerr << "gopy-server: không tìm thấy cơ sở dữ liệu " << database.string() << "\n";
        return 1;
    }
    store::backupDatabase(database, out);
    const auto info = store::inspectBackup(out);
    {
        Store store(database.string());
        store::Transaction transaction(store.db());
        store.audit().append(nowMillis(), "backup", "", "",
                             "sao lưu vào " + out.string() + " (nhật ký tới số " +
                                 std::to_string(info.logHead) + ")");
        transaction.commit();
    }
    std::cout << "Đã sao lưu vào " << out.string() << ": " << info.comments << " ý kiến, nhật ký tới số "
              << info.logHead << ", " << fs::file_size(out, ec) << " byte.\n";
    return 0;
}

int restore(const std::vector<std::string>& args) {
    fs::path data, file;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--help" || args[i] == "-h") {
            std::cout << kRestoreUsage;
            return 0;
        }
        if (args[i] == "--data" && i + 1 < args.size()) data = args[++i];
        else if (!args[i].starts_with("--") && file.empty()) file = args[i];
        else return usage(kRestoreUsage, "tham số không hợp lệ: " + args[i]);
    }
    if (data.empty() || file.empty()) return usage(kRestoreUsage, data.empty() ? "thiếu --data DIR" : "thiếu tệp sao lưu");
    std::error_code ec;
    fs::create_directories(data, ec);
    DataLock lock(data / "gopy.lock");
    if (!lock.held()) {
        std::cerr << "gopy-server: thư mục dữ liệu " << data.string() << " đang được máy chủ phục vụ ("
                  << lock.reason() << ").\n  Hãy dừng máy chủ rồi khôi phục.\n";
        return 1;
    }
    const auto info = store::inspectBackup(file);
    const fs::path kept = store::restoreDatabase(file, data / "gopy.db", stamp());
    {
        Store store((data / "gopy.db").string());
        store::Transaction transaction(store.db());
        store.audit().append(nowMillis(), "restore", "", "",
                             "khôi phục từ " + file.string() +
                                 (kept.empty() ? std::string() : ", bản cũ cất tại " + kept.string()));
        transaction.commit();
    }
    std::cout << "Đã khôi phục " << data.string() << " từ " << file.string() << ": \"" << info.campaign
              << "\", " << info.comments << " ý kiến, nhật ký tới số " << info.logHead << ".\n";
    if (!kept.empty()) std::cout << "Cơ sở dữ liệu trước đó được cất tại " << kept.string() << ".\n";
    log::logEvent("restored " + (data / "gopy.db").string() + " from " + file.string());
    return 0;
}

}  // namespace

bool isBackupCommand(const std::string& command) { return command == "backup" || command == "restore"; }

int runBackupCommand(const std::vector<std::string>& args) {
    try {
        return args.at(0) == "backup" ? backup(args) : restore(args);
    } catch (const store::Error& e) {
        std::cerr << "gopy-server: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "gopy-server: lỗi: " << e.what() << "\n";
        return 1;
    }
}

ScheduledBackups::ScheduledBackups(fs::path database, fs::path folder, int minutes, int keep)
    : database_(std::move(database)), folder_(std::move(folder)), minutes_(minutes), keep_(keep),
      thread_([this] { run(); }) {}

ScheduledBackups::~ScheduledBackups() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void ScheduledBackups::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::minutes(minutes_), [this] { return stopping_; })) {
        lock.unlock();
        takeOne();
        lock.lock();
    }
}

void ScheduledBackups::takeOne() {
    try {
        std::error_code ec;
        fs::create_directories(folder_, ec);
        const fs::path file = folder_ / ("gopy-" + stamp() + ".db");
        store::backupDatabase(database_, file);
        log::logEvent("backup written to " + file.string());
        std::vector<fs::path> backups;
        for (const auto& entry : fs::directory_iterator(folder_, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.starts_with("gopy-") && name.ends_with(".db")) backups.push_back(entry.path());
        }
        std::sort(backups.begin(), backups.end());
        while (static_cast<int>(backups.size()) > keep_) {
            fs::remove(backups.front(), ec);
            backups.erase(backups.begin());
        }
    } catch (const std::exception& e) {
        log::logEvent(std::string("error: scheduled backup failed: ") + e.what());
    }
}

}  // namespace gopy::server::app
