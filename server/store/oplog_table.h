// The ordered log of applied operations; its seq is what clients subscribe "since".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

struct LoggedEvent {
    std::int64_t seq = 0;
    std::int64_t conferenceId = 0;
    std::string event;  ///< proto::encodeEvent JSON
};

/// A logged event with every conference it reaches: the one it is logged under, then its
/// routes (oplog_routes).
struct RoutedEvent {
    std::int64_t seq = 0;
    std::int64_t conferenceId = 0;
    std::vector<std::int64_t> routedTo;
    std::string event;  ///< proto::encodeEvent JSON
};

class OpLogTable {
public:
    explicit OpLogTable(Database& db) : db_(db) {}

    /// The seq the next append will get (AUTOINCREMENT never reuses a seq, even after
    /// rollbacks of later rows).
    std::int64_t nextSeq();
    /// Appends an event with the seq returned by nextSeq() in the same transaction.
    /// `opDigest`: SHA-256 (hex) of the client's op as received; empty for events no client
    /// op produced (imports), stored as NULL.
    void append(std::int64_t seq, std::int64_t conferenceId, const std::string& deviceId,
                std::int64_t clientSeq, Millis at, const std::string& event,
                const std::string& opDigest = {});
    /// The newest seq in the whole log (0 when empty).
    std::int64_t head();
    /// The seq of the event a client's operation produced, if it is in the log.
    std::optional<std::int64_t> findSeq(const std::string& deviceId, std::int64_t clientSeq);
    /// The digest of the op that produced it (empty when logged before schema version 5).
    std::optional<std::pair<std::int64_t, std::string>> findApplied(const std::string& deviceId,
                                                                    std::int64_t clientSeq);
    /// Routes the logged event `seq` to another conference as well (oplog_routes): it changed
    /// comments of that conference. Routing to the conference it is logged under, or twice, is
    /// harmless.
    void route(std::int64_t seq, std::int64_t conferenceId);
    /// Events of a conference (logged under it or routed to it) with seq > since, oldest
    /// first, at most `limit`. `conferenceId` of each is the one it was logged under.
    std::vector<LoggedEvent> since(std::int64_t conferenceId, std::int64_t since,
                                   std::size_t limit);
    /// Number of events of a conference (logged or routed) with seq > since, counting at most
    /// `cap` + 1.
    std::size_t countSince(std::int64_t conferenceId, std::int64_t since, std::size_t cap);
    /// Events of every conference with seq > since, oldest first, at most `limit`, each with
    /// its routes. The server reads what another process (an import) logged through this.
    std::vector<RoutedEvent> after(std::int64_t since, std::size_t limit);
    /// Every conference an event with seq > since is logged under or routed to.
    std::vector<std::int64_t> conferencesAfter(std::int64_t since);

private:
    Database& db_;
};

}  // namespace gopy::server::store
