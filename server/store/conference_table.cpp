#include "server/store/conference_table.h"

#include "server/store/database.h"

namespace gopy::server::store {
namespace {

constexpr const char* kColumns =
    "id, title, channel, chair_body, audience, date, place, chair_person, state, present_count, "
    "started_at, ended_at, invited_count, time";

Conference read(const Statement& q) {
    Conference c;
    c.id = q.getInt(0);
    c.title = q.getText(1);
    c.channel = channelFromString(q.getText(2)).value_or(Channel::Conference);
    c.chairBody = q.getText(3);
    c.audience = q.getText(4);
    c.date = q.getText(5);
    c.place = q.getText(6);
    c.chairPerson = q.getText(7);
    c.state = conferenceStateFromString(q.getText(8)).value_or(ConferenceState::Planned);
    if (auto count = q.getOptionalInt(9)) c.presentCount = static_cast<int>(*count);
    c.startedAt = q.getInt(10);
    c.endedAt = q.getInt(11);
    if (auto count = q.getOptionalInt(12)) c.invitedCount = static_cast<int>(*count);
    c.time = q.getText(13);
    return c;
}

}  // namespace

void ConferenceTable::insert(const Conference& c) {
    auto q = db_.query(
        "INSERT INTO conferences (id, title, channel, chair_body, audience, date, place, "
        "chair_person, state, present_count, started_at, ended_at, invited_count, time) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, c.id)
        .bind(2, c.title)
        .bind(3, toString(c.channel))
        .bind(4, c.chairBody)
        .bind(5, c.audience)
        .bind(6, c.date)
        .bind(7, c.place)
        .bind(8, c.chairPerson)
        .bind(9, toString(c.state))
        .bind(10, c.presentCount)
        .bind(11, c.startedAt)
        .bind(12, c.endedAt)
        .bind(13, c.invitedCount)
        .bind(14, c.time);
    q->exec();
}

std::optional<Conference> ConferenceTable::get(std::int64_t id) {
    auto q = db_.query(std::string("SELECT ") + kColumns + " FROM conferences WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

std::vector<Conference> ConferenceTable::all() {
    auto q = db_.query(std::string("SELECT ") + kColumns + " FROM conferences ORDER BY id");
    std::vector<Conference> conferences;
    while (q->step()) conferences.push_back(read(*q));
    return conferences;
}

void ConferenceTable::update(const Conference& c) {
    auto q = db_.query(
        "UPDATE conferences SET title = ?, channel = ?, chair_body = ?, audience = ?, date = ?, "
        "place = ?, chair_person = ?, state = ?, present_count = ?, started_at = ?, ended_at = ?, "
        "invited_count = ?, time = ? WHERE id = ?");
    q->bind(1, c.title)
        .bind(2, toString(c.channel))
        .bind(3, c.chairBody)
        .bind(4, c.audience)
        .bind(5, c.date)
        .bind(6, c.place)
        .bind(7, c.chairPerson)
        .bind(8, toString(c.state))
        .bind(9, c.presentCount)
        .bind(10, c.startedAt)
        .bind(11, c.endedAt)
        .bind(12, c.invitedCount)
        .bind(13, c.time)
        .bind(14, c.id);
    q->exec();
}

}  // namespace gopy::server::store
