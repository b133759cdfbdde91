// The last known server state of each conference (as a proto::Snapshot whose head is the last
// server sequence applied), so that a restarted client shows its data offline and subscribes
// "since" that head instead of downloading everything again.
#pragma once

#include <cstdint>
#include <optional>

#include "gopy/protocol.h"

namespace gopy::client {

class LocalDatabase;

class SnapshotCache {
public:
    /// Uses (creating if needed) the snapshots table of `db`, which must outlive this object.
    explicit SnapshotCache(LocalDatabase& db);

    /// The cached state of a conference; nullopt when none (or unreadable: then it is dropped).
    std::optional<proto::Snapshot> load(std::int64_t conferenceId) const;
    /// Replaces the cached state of snapshot.conference.id. Throws LocalStoreError.
    void save(const proto::Snapshot& snapshot);
    /// Drops every cached conference (device forgotten).
    void clear();

private:
    LocalDatabase& db_;
};

}  // namespace gopy::client
