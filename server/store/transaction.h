// RAII transaction: BEGIN in the constructor, ROLLBACK in the destructor unless committed.
#pragma once

namespace gopy::server::store {

class Database;

class Transaction {
public:
    enum class Mode { Deferred, Immediate };
    /// Begins a transaction. Immediate takes the write lock at once (writers use it, so a
    /// busy database is reported before any work is done). Throws store::Error.
    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    /// Rolls back if neither commit() nor rollback() was called; never throws.
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Commits (durable with synchronous=FULL once this returns). On failure the transaction
    /// is rolled back and store::Error is thrown.
    void commit();
    /// Rolls back now; never throws.
    void rollback() noexcept;

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace gopy::server::store
