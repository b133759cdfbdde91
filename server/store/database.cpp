#include "server/store/database.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "server/store/errors.h"

namespace gopy::server::store {

Database::Database(const std::string& path) : path_(path) {
    // SQLite's own message for a missing folder is "unable to open database file"; name the
    // path and the reason instead.
    const std::filesystem::path file(path);
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        throw CannotOpen(SQLITE_CANTOPEN, "Không mở được cơ sở dữ liệu " + path + ": thư mục " +
                                              folder.string() + " không tồn tại");
    }
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                       SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw CannotOpen(rc, "Không mở được cơ sở dữ liệu " + path + ": " + detail);
    }
    sqlite3_extended_result_codes(db_, 1);
    try {
        sqlite3_busy_timeout(db_, 5000);
        // The first read of the header tells a non-SQLite file apart (SQLITE_NOTADB).
        try {
            scalarInt("PRAGMA schema_version");
        } catch (const Corrupt&) {
            throw Corrupt(SQLITE_NOTADB, "Tệp " + path +
                                             " không phải cơ sở dữ liệu SQLite của GopY "
                                             "(hỏng hoặc sai tệp)");
        }
        const std::string mode = scalarText("PRAGMA journal_mode=WAL");
        if (mode != "wal") {
            throw CannotOpen(SQLITE_CANTOPEN,
                             "Không bật được chế độ WAL cho " + path + " (journal_mode=" + mode + ")");
        }
        // 16 MiB of page cache (default 2 MiB): a campaign of 10⁵ comments is read and imported
        // without re-reading the same index pages from disk.
        exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384;");
    } catch (...) {
        cache_.clear();
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

Database::~Database() {
    // Statements first: a connection with live statements cannot close.
    cache_.clear();
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        const int code = sqlite3_extended_errcode(db_);
        raise((code & 0xff) == (rc & 0xff) ? code : rc, "exec: " + text + ": " + detail);
    }
}

Query Database::query(std::string_view sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) {
        auto statement = std::make_unique<Statement>(db_, sql);
        found = cache_.emplace(std::string(sql), std::move(statement)).first;
    }
    return Query(*found->second);
}

std::int64_t Database::scalarInt(std::string_view sql) {
    Statement statement(db_, sql);
    if (!statement.step()) return 0;
    return statement.getInt(0);
}

std::string Database::scalarText(std::string_view sql) {
    Statement statement(db_, sql);
    if (!statement.step()) return {};
    return statement.getText(0);
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace gopy::server::store
