// The device's own SQLite file (client.db in the data folder): RAII connection, statement and
// transaction over the sqlite3 C API. Every table class (Outbox, DeviceSettings, SnapshotCache)
// owns its SQL and uses these. WAL with synchronous=FULL: a committed write survives power loss.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gopy::client {

/// A SQLite failure on the device, with SQLite's own message.
class LocalStoreError : public std::runtime_error {
public:
    LocalStoreError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    /// The SQLite result code (SQLITE_FULL, SQLITE_IOERR, …).
    int code() const { return code_; }

private:
    int code_;
};

class LocalDatabase {
public:
    /// Opens (creating) the file and sets WAL + synchronous=FULL + a busy timeout; each table
    /// class creates its own table. Throws LocalStoreError when it cannot.
    explicit LocalDatabase(const std::string& path);
    ~LocalDatabase();
    LocalDatabase(const LocalDatabase&) = delete;
    LocalDatabase& operator=(const LocalDatabase&) = delete;

    /// Runs SQL without parameters (schema, pragmas). Throws LocalStoreError.
    void exec(const char* sql);
    sqlite3* handle() const { return db_; }
    /// Result of a PRAGMA that returns one integer (journal mode is text: use pragmaText).
    std::int64_t pragmaInt(const char* pragma);
    std::string pragmaText(const char* pragma);

private:
    sqlite3* db_ = nullptr;
};

/// One prepared statement; finalized in the destructor. Bind indexes start at 1.
class Statement {
public:
    /// Prepares `sql`. Throws LocalStoreError.
    Statement(LocalDatabase& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bindNull(int index);
    /// Steps once: true when a row is available, false when done. Throws LocalStoreError.
    bool step();
    /// Steps to completion (INSERT/UPDATE/DELETE). Throws LocalStoreError.
    void run();
    std::int64_t columnInt(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;

private:
    LocalDatabase& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(LocalDatabase& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    /// Commits durably (synchronous=FULL). Throws LocalStoreError; then the destructor rolls back.
    void commit();

private:
    LocalDatabase& db_;
    bool done_ = false;
};

}  // namespace gopy::client
