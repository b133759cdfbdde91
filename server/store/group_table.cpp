#include "server/store/group_table.h"

#include "server/store/database.h"

namespace gopy::server::store {

void GroupTable::put(const CommentGroup& group, std::int64_t conferenceId) {
    {
        auto q = db_.query(
            "INSERT INTO comment_groups (id, conference_id, section_code) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET section_code = excluded.section_code");
        q->bind(1, group.id).bind(2, conferenceId).bind(3, group.section);
        q->exec();
    }
    {
        auto q = db_.query("DELETE FROM group_members WHERE group_id = ?");
        q->bind(1, group.id);
        q->exec();
    }
    auto leave = db_.query("DELETE FROM group_members WHERE comment_id = ?");
    auto join = db_.query("INSERT INTO group_members (group_id, comment_id, ord) VALUES (?, ?, ?)");
    int ord = 0;
    for (const auto& commentId : group.commentIds) {
        leave->reset();
        leave->bind(1, commentId);
        leave->exec();
        join->reset();
        join->bind(1, group.id).bind(2, commentId).bind(3, ord++);
        join->exec();
    }
}

void GroupTable::remove(const std::string& id) {
    {
        auto q = db_.query("DELETE FROM group_members WHERE group_id = ?");
        q->bind(1, id);
        q->exec();
    }
    auto q = db_.query("DELETE FROM comment_groups WHERE id = ?");
    q->bind(1, id);
    q->exec();
}

std::optional<CommentGroup> GroupTable::get(const std::string& id) {
    CommentGroup group;
    {
        auto q = db_.query(
            "SELECT id, section_code, acceptance, explanation FROM comment_groups WHERE id = ?");
        q->bind(1, id);
        if (!q->step()) return std::nullopt;
        group.id = q->getText(0);
        group.section = q->getText(1);
        group.acceptance = acceptanceFromString(q->getText(2)).value_or(Acceptance::Pending);
        group.explanation = q->getText(3);
    }
    group.commentIds = membersOf(id);
    return group;
}

std::string GroupTable::groupOf(const std::string& commentId) {
    auto q = db_.query("SELECT group_id FROM group_members WHERE comment_id = ?");
    q->bind(1, commentId);
    if (!q->step()) return {};
    return q->getText(0);
}

void GroupTable::setAcceptance(const std::string& id, Acceptance acceptance,
                               const std::string& explanation) {
    auto q = db_.query("UPDATE comment_groups SET acceptance = ?, explanation = ? WHERE id = ?");
    q->bind(1, toString(acceptance)).bind(2, explanation).bind(3, id);
    q->exec();
}

std::vector<CommentGroup> GroupTable::byConference(std::int64_t conferenceId) {
    std::vector<std::string> ids;
    {
        auto q = db_.query(
            "SELECT id FROM comment_groups WHERE ? = 0 OR conference_id = ? ORDER BY id");
        q->bind(1, conferenceId).bind(2, conferenceId);
        while (q->step()) ids.push_back(q->getText(0));
    }
    std::vector<CommentGroup> groups;
    for (const auto& id : ids) {
        if (auto group = get(id)) groups.push_back(std::move(*group));
    }
    return groups;
}

std::vector<CommentGroup> GroupTable::touching(std::int64_t conferenceId) {
    std::vector<std::string> ids;
    {
        auto q = db_.query(
            "SELECT id FROM comment_groups WHERE conference_id = ?1 "
            "UNION SELECT m.group_id FROM group_members m JOIN comments c ON c.id = m.comment_id "
            "WHERE c.conference_id = ?1 ORDER BY 1");
        q->bind(1, conferenceId);
        while (q->step()) ids.push_back(q->getText(0));
    }
    std::vector<CommentGroup> groups;
    for (const auto& id : ids) {
        if (auto group = get(id)) groups.push_back(std::move(*group));
    }
    return groups;
}

std::vector<std::string> GroupTable::membersOf(const std::string& id) {
    auto q = db_.query("SELECT comment_id FROM group_members WHERE group_id = ? ORDER BY ord");
    q->bind(1, id);
    std::vector<std::string> members;
    while (q->step()) members.push_back(q->getText(0));
    return members;
}

}  // namespace gopy::server::store
