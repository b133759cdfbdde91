#include "server/store/backup.h"

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <thread>

#include "server/store/errors.h"
#include "server/store/migrations.h"

namespace gopy::server::store {

namespace fs = std::filesystem;

namespace {

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

Handle open(const fs::path& path, int flags) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    Handle handle(db);
    if (rc != SQLITE_OK) {
        throw Error(rc, "Không mở được " + path.string() + ": " +
                            (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    }
    sqlite3_busy_timeout(db, 5000);
    return handle;
}

std::string text(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        if (const auto* value = sqlite3_column_text(stmt, 0)) out = reinterpret_cast<const char*>(value);
    }
    sqlite3_finalize(stmt);
    return out;
}

void checkIntegrity(sqlite3* db, const fs::path& path) {
    const std::string result = text(db, "PRAGMA integrity_check");
    if (result != "ok") {
        throw Error(SQLITE_CORRUPT, "Tệp " + path.string() + " bị hỏng (integrity_check: " + result + ")");
    }
}

}  // namespace

void backupDatabase(const fs::path& source, const fs::path& destination, int pagesPerStep) {
    std::error_code ec;
    if (fs::exists(destination, ec)) {
        throw Error(SQLITE_CANTOPEN, "Tệp " + destination.string() + " đã có; hãy chọn tên khác");
    }
    const fs::path partial = destination.string() + ".partial";
    fs::remove(partial, ec);
    {
        Handle from = open(source, SQLITE_OPEN_READONLY);
        Handle to = open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
        if (backup == nullptr) {
            throw Error(sqlite3_errcode(to.get()), std::string("Không sao lưu được: ") + sqlite3_errmsg(to.get()));
        }
        int rc = SQLITE_OK;
        do {
            rc = sqlite3_backup_step(backup, pagesPerStep);
            // Busy or locked: the server is committing; a moment later the step goes on.
            if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                std::this_thread::sleep_for(std::chrono::milliseconds(rc == SQLITE_OK ? 1 : 20));
            }
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            fs::remove(partial, ec);
            throw Error(rc, std::string("Sao lưu bị dừng: ") + sqlite3_errstr(rc));
        }
        checkIntegrity(to.get(), partial);
    }
    fs::rename(partial, destination, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw Error(SQLITE_CANTOPEN, "Không đặt được tên tệp sao lưu " + destination.string());
    }
}

BackupInfo inspectBackup(const fs::path& file) {
    Handle db = open(file, SQLITE_OPEN_READONLY);
    checkIntegrity(db.get(), file);
    BackupInfo info;
    info.schemaVersion = std::stoi("0" + text(db.get(), "PRAGMA user_version"));
    if (info.schemaVersion == 0 || text(db.get(), "SELECT count(*) FROM sqlite_schema WHERE name = 'campaign'") != "1") {
        throw Error(SQLITE_MISMATCH, "Tệp " + file.string() + " không phải cơ sở dữ liệu của GopY");
    }
    if (info.schemaVersion > kSchemaVersion) {
        throw Error(SQLITE_MISMATCH, "Tệp " + file.string() + " có phiên bản " +
                                         std::to_string(info.schemaVersion) +
                                         ", mới hơn phiên bản GopY này hiểu (" +
                                         std::to_string(kSchemaVersion) + ")");
    }
    info.campaign = text(db.get(), "SELECT title FROM campaign");
    if (info.campaign.empty()) throw Error(SQLITE_MISMATCH, "Tệp " + file.string() + " chưa có chiến dịch");
    info.comments = std::stoll("0" + text(db.get(), "SELECT count(*) FROM comments WHERE deleted = 0"));
    info.logHead = std::stoll("0" + text(db.get(), "SELECT coalesce(max(seq), 0) FROM oplog"));
    return info;
}

fs::path restoreDatabase(const fs::path& backup, const fs::path& target, const std::string& stamp) {
    inspectBackup(backup);
    std::error_code ec;
    const fs::path incoming = target.string() + ".restoring";
    fs::remove(incoming, ec);
    // Through the backup API rather than a file copy: the result is one self-contained file
    // (no -wal beside it), whatever journal mode the backup was taken in.
    backupDatabase(backup, incoming);
    fs::path kept;
    if (fs::exists(target, ec)) {
        kept = target.string() + ".before-restore-" + stamp;
        fs::rename(target, kept, ec);
        if (ec) throw Error(SQLITE_CANTOPEN, "Không cất được cơ sở dữ liệu cũ: " + ec.message());
        for (const char* suffix : {"-wal", "-shm"}) {
            const fs::path side = target.string() + suffix;
            if (fs::exists(side, ec)) fs::rename(side, kept.string() + suffix, ec);
        }
    }
    fs::rename(incoming, target, ec);
    if (ec) throw Error(SQLITE_CANTOPEN, "Không đặt được cơ sở dữ liệu đã khôi phục: " + ec.message());
    return kept;
}

}  // namespace gopy::server::store
