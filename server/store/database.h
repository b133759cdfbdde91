// One SQLite connection (RAII) configured for durability, with a cache of prepared statements.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/store/statement.h"

struct sqlite3;

namespace gopy::server::store {

class Database;

/// A cached statement in use: reset and unbound again when the Query goes out of scope, so
/// that no statement keeps a read snapshot open after its caller is done.
class Query {
public:
    explicit Query(Statement& statement) : statement_(&statement) {}
    ~Query() { statement_->reset(); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Statement* operator->() const { return statement_; }
    Statement& operator*() const { return *statement_; }

private:
    Statement* statement_;
};

class Database {
public:
    /// Opens (creating if needed) the file at `path` with WAL, synchronous=FULL,
    /// foreign_keys=ON and a 5 s busy timeout. Throws CannotOpen naming the path when its
    /// folder does not exist or the file cannot be opened, Corrupt when it is not SQLite.
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more statements without parameters (schema, pragmas). Throws store::Error.
    void exec(std::string_view sql);
    /// The statement for `sql`, prepared once per connection and reused; see Query.
    Query query(std::string_view sql);
    /// The value of a pragma or one-value query ("PRAGMA user_version").
    std::int64_t scalarInt(std::string_view sql);
    std::string scalarText(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    /// Rows changed by the last INSERT/UPDATE/DELETE.
    int changes() const;
    /// True while a transaction is open on this connection.
    bool inTransaction() const;

    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    // Transparent hashing: looking a statement up by string_view allocates nothing.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const noexcept {
            return std::hash<std::string_view>{}(sql);
        }
    };
    std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>> cache_;
};

}  // namespace gopy::server::store
