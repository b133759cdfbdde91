#include "server/store/transaction.h"

#include "server/store/database.h"
#include "server/store/errors.h"

namespace gopy::server::store {

Transaction::Transaction(Database& db, Mode mode) : db_(db) {
    auto begin = db_.query(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    begin->exec();
}

Transaction::~Transaction() { rollback(); }

void Transaction::commit() {
    if (!open_) throw Error(1, "commit: the transaction is no longer open");
    try {
        auto commit = db_.query("COMMIT");
        commit->exec();
    } catch (...) {
        rollback();
        throw;
    }
    open_ = false;
}

void Transaction::rollback() noexcept {
    if (!open_) return;
    open_ = false;
    // SQLite may already have rolled back by itself (SQLITE_FULL, IOERR): then ROLLBACK
    // would fail with "no transaction is active".
    if (!db_.inTransaction()) return;
    try {
        auto rollback = db_.query("ROLLBACK");
        rollback->exec();
    } catch (const Error&) {
        // Nothing more can be done here; the connection rolls back when it closes.
    }
}

}  // namespace gopy::server::store
