#include "server/store/oplog_table.h"

#include "server/store/database.h"

namespace gopy::server::store {

std::int64_t OpLogTable::nextSeq() {
    // sqlite_sequence holds the largest seq ever handed out by AUTOINCREMENT.
    auto q = db_.query(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'oplog'), 0), "
        "coalesce((SELECT max(seq) FROM oplog), 0)) + 1");
    q->step();
    return q->getInt(0);
}

void OpLogTable::append(std::int64_t seq, std::int64_t conferenceId, const std::string& deviceId,
                        std::int64_t clientSeq, Millis at, const std::string& event,
                        const std::string& opDigest) {
    auto q = db_.query(
        "INSERT INTO oplog (seq, conference_id, device_id, client_seq, at, event, op_digest) "
        "VALUES (?, ?, ?, ?, ?, ?, nullif(?, ''))");
    q->bind(1, seq).bind(2, conferenceId).bind(3, deviceId).bind(4, clientSeq).bind(5, at)
        .bind(6, event).bind(7, opDigest);
    q->exec();
}

std::int64_t OpLogTable::head() {
    auto q = db_.query("SELECT coalesce(max(seq), 0) FROM oplog");
    q->step();
    return q->getInt(0);
}

std::optional<std::int64_t> OpLogTable::findSeq(const std::string& deviceId,
                                                std::int64_t clientSeq) {
    auto q = db_.query("SELECT seq FROM oplog WHERE device_id = ? AND client_seq = ? LIMIT 1");
    q->bind(1, deviceId).bind(2, clientSeq);
    if (!q->step()) return std::nullopt;
    return q->getInt(0);
}

std::optional<std::pair<std::int64_t, std::string>> OpLogTable::findApplied(
    const std::string& deviceId, std::int64_t clientSeq) {
    auto q = db_.query(
        "SELECT seq, coalesce(op_digest, '') FROM oplog WHERE device_id = ? AND client_seq = ? "
        "LIMIT 1");
    q->bind(1, deviceId).bind(2, clientSeq);
    if (!q->step()) return std::nullopt;
    return std::make_pair(q->getInt(0), q->getText(1));
}

void OpLogTable::route(std::int64_t seq, std::int64_t conferenceId) {
    auto q = db_.query(
        "INSERT OR IGNORE INTO oplog_routes (conference_id, seq) "
        "SELECT ?1, seq FROM oplog WHERE seq = ?2 AND conference_id != ?1");
    q->bind(1, conferenceId).bind(2, seq);
    q->exec();
}

std::vector<LoggedEvent> OpLogTable::since(std::int64_t conferenceId, std::int64_t since,
                                           std::size_t limit) {
    // Both halves are index scans in seq order (oplog_conf, the routes' primary key); the
    // compound select merges them and stops at the limit.
    auto q = db_.query(
        "SELECT o.seq, o.conference_id, o.event FROM ("
        "SELECT seq FROM oplog WHERE conference_id = ?1 AND seq > ?2 "
        "UNION SELECT seq FROM oplog_routes WHERE conference_id = ?1 AND seq > ?2 "
        "ORDER BY seq LIMIT ?3) s JOIN oplog o ON o.seq = s.seq ORDER BY o.seq");
    q->bind(1, conferenceId).bind(2, since).bind(3, static_cast<std::int64_t>(limit));
    std::vector<LoggedEvent> events;
    while (q->step()) events.push_back({q->getInt(0), q->getInt(1), q->getText(2)});
    return events;
}

std::size_t OpLogTable::countSince(std::int64_t conferenceId, std::int64_t since,
                                   std::size_t cap) {
    auto q = db_.query(
        "SELECT count(*) FROM (SELECT seq FROM oplog WHERE conference_id = ?1 AND seq > ?2 "
        "UNION SELECT seq FROM oplog_routes WHERE conference_id = ?1 AND seq > ?2 LIMIT ?3)");
    q->bind(1, conferenceId).bind(2, since).bind(3, static_cast<std::int64_t>(cap) + 1);
    q->step();
    return static_cast<std::size_t>(q->getInt(0));
}

std::vector<RoutedEvent> OpLogTable::after(std::int64_t since, std::size_t limit) {
    std::vector<RoutedEvent> events;
    auto q = db_.query(
        "SELECT seq, conference_id, event FROM oplog WHERE seq > ? ORDER BY seq LIMIT ?");
    q->bind(1, since).bind(2, static_cast<std::int64_t>(limit));
    while (q->step()) events.push_back({q->getInt(0), q->getInt(1), {}, q->getText(2)});
    if (events.empty()) return events;
    auto routes = db_.query(
        "SELECT seq, conference_id FROM oplog_routes WHERE seq > ? AND seq <= ? "
        "ORDER BY seq, conference_id");
    routes->bind(1, since).bind(2, events.back().seq);
    auto it = events.begin();
    while (routes->step()) {
        const std::int64_t seq = routes->getInt(0);
        while (it != events.end() && it->seq < seq) ++it;
        if (it == events.end()) break;
        if (it->seq == seq) it->routedTo.push_back(routes->getInt(1));
    }
    return events;
}

std::vector<std::int64_t> OpLogTable::conferencesAfter(std::int64_t since) {
    auto q = db_.query(
        "SELECT conference_id FROM oplog WHERE seq > ?1 "
        "UNION SELECT conference_id FROM oplog_routes WHERE seq > ?1 ORDER BY 1");
    q->bind(1, since);
    std::vector<std::int64_t> out;
    while (q->step()) out.push_back(q->getInt(0));
    return out;
}

}  // namespace gopy::server::store
