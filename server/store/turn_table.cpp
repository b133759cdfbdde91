#include "server/store/turn_table.h"

#include "server/store/database.h"

namespace gopy::server::store {
namespace {

Turn read(const Statement& q) {
    Turn t;
    t.id = q.getText(0);
    t.conferenceId = q.getInt(1);
    t.participantId = q.getText(2);
    t.position = q.getDouble(3);
    t.state = turnStateFromString(q.getText(4)).value_or(TurnState::Waiting);
    t.startedAt = q.getInt(5);
    t.endedAt = q.getInt(6);
    return t;
}

}  // namespace

void TurnTable::insert(const Turn& t) {
    auto q = db_.query(
        "INSERT INTO turns (id, conference_id, participant_id, position, state, started_at, "
        "ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, t.id)
        .bind(2, t.conferenceId)
        .bind(3, t.participantId)
        .bind(4, t.position)
        .bind(5, toString(t.state))
        .bind(6, t.startedAt)
        .bind(7, t.endedAt);
    q->exec();
}

std::optional<Turn> TurnTable::get(const std::string& id) {
    auto q = db_.query(
        "SELECT id, conference_id, participant_id, position, state, started_at, ended_at "
        "FROM turns WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

std::vector<Turn> TurnTable::byConference(std::int64_t conferenceId) {
    auto q = db_.query(
        "SELECT id, conference_id, participant_id, position, state, started_at, ended_at "
        "FROM turns WHERE conference_id = ? ORDER BY position, id");
    q->bind(1, conferenceId);
    std::vector<Turn> turns;
    while (q->step()) turns.push_back(read(*q));
    return turns;
}

std::optional<Turn> TurnTable::speaking(std::int64_t conferenceId) {
    auto q = db_.query(
        "SELECT id, conference_id, participant_id, position, state, started_at, ended_at "
        "FROM turns WHERE conference_id = ? AND state = 'speaking' LIMIT 1");
    q->bind(1, conferenceId);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

void TurnTable::update(const Turn& t) {
    auto q = db_.query(
        "UPDATE turns SET position = ?, state = ?, started_at = ?, ended_at = ? WHERE id = ?");
    q->bind(1, t.position).bind(2, toString(t.state)).bind(3, t.startedAt).bind(4, t.endedAt)
        .bind(5, t.id);
    q->exec();
}

void TurnTable::remove(const std::string& id) {
    auto q = db_.query("DELETE FROM turns WHERE id = ?");
    q->bind(1, id);
    q->exec();
}

}  // namespace gopy::server::store
