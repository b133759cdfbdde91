#include "client/core/local_database.h"

#include <string>

namespace gopy::client {

namespace {

[[noreturn]] void fail(sqlite3* db, int code, const std::string& what)
{
    const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw LocalStoreError(code, what + ": " + message);
}

}  // namespace

LocalDatabase::LocalDatabase(const std::string& path)
{
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw LocalStoreError(rc, "Không mở được dữ liệu trên máy (" + path + "): " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    // WAL + FULL: a commit is on disk when sqlite3_step returns, so "saved" means saved.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
}

LocalDatabase::~LocalDatabase()
{
    sqlite3_close(db_);
}

void LocalDatabase::exec(const char* sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    if (rc == SQLITE_OK)
        return;
    std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw LocalStoreError(rc, std::string(sql) + ": " + message);
}

std::int64_t LocalDatabase::pragmaInt(const char* pragma)
{
    Statement statement(*this, pragma);
    if (!statement.step())
        return 0;
    return statement.columnInt(0);
}

std::string LocalDatabase::pragmaText(const char* pragma)
{
    Statement statement(*this, pragma);
    if (!statement.step())
        return {};
    return statement.columnText(0);
}

Statement::Statement(LocalDatabase& db, const char* sql) : db_(db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        fail(db.handle(), rc, std::string("prepare ") + sql);
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK)
        fail(db_.handle(), rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
    if (rc != SQLITE_OK)
        fail(db_.handle(), rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK)
        fail(db_.handle(), rc, "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(db_.handle(), rc, "step");
}

void Statement::run()
{
    while (step()) {
    }
}

std::int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

std::string Statement::columnText(int column) const
{
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr)
        return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Transaction::Transaction(LocalDatabase& db) : db_(db)
{
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (done_)
        return;
    // Rolling back can only fail if there is no transaction left; nothing to undo then.
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace gopy::client
