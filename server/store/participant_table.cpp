#include "server/store/participant_table.h"

#include "gopy/text.h"
#include "server/store/database.h"

namespace gopy::server::store {
namespace {

Participant read(const Statement& q) {
    Participant p;
    p.id = q.getText(0);
    p.conferenceId = q.getInt(1);
    p.fullName = q.getText(2);
    p.title = q.getText(3);
    p.organisation = q.getText(4);
    p.group = q.getText(5);
    p.present = q.getInt(6) != 0;
    return p;
}

}  // namespace

void ParticipantTable::insert(const Participant& p) {
    auto q = db_.query(
        "INSERT INTO participants (id, conference_id, full_name, title, organisation, grp, "
        "present, sort_key, fold_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, p.id)
        .bind(2, p.conferenceId)
        .bind(3, p.fullName)
        .bind(4, p.title)
        .bind(5, p.organisation)
        .bind(6, p.group)
        .bind(7, p.present)
        .bindBlob(8, text::personSortKey(p.fullName))
        .bind(9, text::fold(p.fullName));
    q->exec();
}

void ParticipantTable::update(const Participant& p) {
    auto q = db_.query(
        "UPDATE participants SET full_name = ?, title = ?, organisation = ?, grp = ?, "
        "sort_key = ?, fold_key = ? WHERE id = ?");
    q->bind(1, p.fullName)
        .bind(2, p.title)
        .bind(3, p.organisation)
        .bind(4, p.group)
        .bindBlob(5, text::personSortKey(p.fullName))
        .bind(6, text::fold(p.fullName))
        .bind(7, p.id);
    q->exec();
}

std::optional<Participant> ParticipantTable::get(const std::string& id) {
    auto q = db_.query(
        "SELECT id, conference_id, full_name, title, organisation, grp, present "
        "FROM participants WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

std::vector<Participant> ParticipantTable::byConference(std::int64_t conferenceId) {
    auto q = db_.query(
        "SELECT id, conference_id, full_name, title, organisation, grp, present "
        "FROM participants WHERE conference_id = ? ORDER BY sort_key, id");
    q->bind(1, conferenceId);
    std::vector<Participant> participants;
    while (q->step()) participants.push_back(read(*q));
    return participants;
}

void ParticipantTable::setPresent(const std::string& id, bool present) {
    auto q = db_.query("UPDATE participants SET present = ? WHERE id = ?");
    q->bind(1, present).bind(2, id);
    q->exec();
}

int ParticipantTable::presentCount(std::int64_t conferenceId) {
    auto q = db_.query(
        "SELECT count(*) FROM participants WHERE conference_id = ? AND present = 1");
    q->bind(1, conferenceId);
    q->step();
    return static_cast<int>(q->getInt(0));
}

}  // namespace gopy::server::store
