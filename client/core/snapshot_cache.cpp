#include "client/core/snapshot_cache.h"

#include "client/core/local_database.h"

namespace gopy::client {

SnapshotCache::SnapshotCache(LocalDatabase& db) : db_(db)
{
    db_.exec("CREATE TABLE IF NOT EXISTS snapshots ("
             " conference_id INTEGER PRIMARY KEY, head INTEGER NOT NULL, snapshot TEXT NOT NULL)");
}

std::optional<proto::Snapshot> SnapshotCache::load(std::int64_t conferenceId) const
{
    Statement select(db_, "SELECT snapshot FROM snapshots WHERE conference_id = ?1");
    select.bind(1, conferenceId);
    if (!select.step())
        return std::nullopt;
    // The cache holds the whole conference in one row, larger than a frame may be.
    auto decoded = proto::decode(select.columnText(0), std::size_t{1} << 30);
    const auto* snapshot = decoded ? std::get_if<proto::Snapshot>(&*decoded.message) : nullptr;
    if (snapshot != nullptr)
        return *snapshot;
    // Written by another version: a fresh snapshot from the server replaces it.
    Statement(db_, "DELETE FROM snapshots WHERE conference_id = ?1").bind(1, conferenceId).run();
    return std::nullopt;
}

void SnapshotCache::save(const proto::Snapshot& snapshot)
{
    Statement(db_, "INSERT INTO snapshots (conference_id, head, snapshot) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (conference_id) DO UPDATE SET head = excluded.head, "
                   "snapshot = excluded.snapshot")
        .bind(1, snapshot.conference.id)
        .bind(2, snapshot.head)
        .bind(3, proto::encode(snapshot))
        .run();
}

void SnapshotCache::clear()
{
    Statement(db_, "DELETE FROM snapshots").run();
}

}  // namespace gopy::client
