#include "server/store/savepoint.h"

#include "server/store/database.h"
#include "server/store/errors.h"

namespace gopy::server::store {

Savepoint::Savepoint(Database& db) : db_(db) {
    auto begin = db_.query("SAVEPOINT op");
    begin->exec();
}

Savepoint::~Savepoint() { rollback(); }

void Savepoint::release() {
    if (!open_) return;
    auto release = db_.query("RELEASE SAVEPOINT op");
    release->exec();
    open_ = false;
}

void Savepoint::rollback() noexcept {
    if (!open_) return;
    open_ = false;
    // After SQLITE_FULL the whole transaction may already be gone.
    if (!db_.inTransaction()) return;
    try {
        auto rollback = db_.query("ROLLBACK TO SAVEPOINT op");
        rollback->exec();
        auto release = db_.query("RELEASE SAVEPOINT op");
        release->exec();
    } catch (const Error&) {
        // The enclosing transaction's rollback undoes everything anyway.
    }
}

}  // namespace gopy::server::store
