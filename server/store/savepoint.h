// RAII savepoint inside a transaction: isolates one operation of a batch.
#pragma once

namespace gopy::server::store {

class Database;

class Savepoint {
public:
    /// SAVEPOINT op. Throws store::Error.
    explicit Savepoint(Database& db);
    /// Rolls back to the savepoint (and releases it) unless release() was called; never throws.
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    /// Keeps the work done since the savepoint (it is committed with the transaction).
    void release();
    /// Undoes the work done since the savepoint; never throws.
    void rollback() noexcept;

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace gopy::server::store
