#include "client/core/conference_data.h"

#include <algorithm>
#include <type_traits>

#include "gopy/text.h"

namespace gopy::client {

namespace {

template <class T>
auto findById(std::vector<T>& items, const std::string& id)
{
    return std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
}

void sortTurns(std::vector<Turn>& turns)
{
    std::stable_sort(turns.begin(), turns.end(),
                     [](const Turn& a, const Turn& b) { return a.position < b.position; });
}

}  // namespace

ConferenceData ConferenceData::fromSnapshot(const proto::Snapshot& snapshot)
{
    ConferenceData data;
    data.head = snapshot.head;
    data.conference = snapshot.conference;
    data.participants = snapshot.participants;
    data.turns = snapshot.turns;
    data.comments = snapshot.comments;
    data.conflicts = snapshot.conflicts;
    data.reports = snapshot.reports;
    data.groups = snapshot.groups;
    // The server sends these in order already; sorting again keeps the invariants whatever
    // the source (a cache written by an older build).
    std::stable_sort(data.participants.begin(), data.participants.end(),
                     [](const Participant& a, const Participant& b) {
                         return text::comparePersons(a.fullName, b.fullName) < 0;
                     });
    sortTurns(data.turns);
    std::stable_sort(data.reports.begin(), data.reports.end(),
                     [](const ReportInfo& a, const ReportInfo& b) { return a.id > b.id; });
    return data;
}

proto::Snapshot ConferenceData::toSnapshot() const
{
    proto::Snapshot snapshot;
    snapshot.head = head;
    snapshot.conference = conference;
    snapshot.participants = participants;
    snapshot.turns = turns;
    snapshot.comments = comments;
    snapshot.conflicts = conflicts;
    snapshot.reports = reports;
    snapshot.groups = groups;
    return snapshot;
}

bool ConferenceData::applyEvent(const proto::Event& event)
{
    if (event.seq <= head)
        return false;
    bool foreignChange = false;
    for (const Comment& touched : event.comments) {
        if (touched.conferenceId == conference.id) {
            upsert(touched);
            foreignChange = true;
        }
    }
    if (event.group) {
        if (event.conferenceId == conference.id) {
            upsert(*event.group);
        } else {
            // The group now lives in another conference: it leaves this one, and so do its members.
            const std::size_t before = groups.size();
            std::vector<std::size_t> sizes;
            for (const CommentGroup& g : groups)
                sizes.push_back(g.commentIds.size());
            std::erase_if(groups, [&](const CommentGroup& g) { return g.id == event.group->id; });
            leaveGroups(event.group->commentIds, event.group->id);
            foreignChange |= groups.size() != before;
            for (std::size_t i = 0; !foreignChange && i < groups.size(); ++i)
                foreignChange = groups[i].commentIds.size() != sizes[i];
        }
    }
    if (event.conferenceId != conference.id)
        return foreignChange;
    head = event.seq;
    if (event.conference)
        conference = *event.conference;
    if (event.participant)
        upsert(*event.participant);
    if (event.turn)
        upsert(*event.turn);
    if (event.comment) {
        // A deleted comment may come back with its last state; the removal id wins.
        if (event.comment->id != event.removedCommentId)
            upsert(*event.comment);
    }
    if (event.conflict)
        upsert(*event.conflict);
    if (!event.resolvedConflicts.empty())
        resolveConflicts(event.resolvedConflicts);
    if (event.report)
        upsert(*event.report);
    if (!event.removedTurnId.empty())
        removeTurn(event.removedTurnId);
    if (!event.removedCommentId.empty())
        removeComment(event.removedCommentId);
    // Turn starts stop the turn that was speaking; the event carries only the started turn.
    if (const auto* start = std::get_if<proto::TurnStart>(&event.op)) {
        for (Turn& turn : turns) {
            if (turn.id != start->turnId && turn.state == TurnState::Speaking) {
                turn.state = TurnState::Done;
                turn.endedAt = start->at != 0 ? start->at : event.at;
            }
        }
    }
    if (std::holds_alternative<proto::SessionEnd>(event.op)) {
        for (Turn& turn : turns) {
            if (turn.state == TurnState::Speaking) {
                turn.state = TurnState::Done;
                turn.endedAt = event.at;
            }
        }
    }
    return true;
}

void ConferenceData::applyLocal(const proto::Operation& op, Millis now)
{
    std::visit(
        [&](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, proto::SessionStart>) {
                conference.state = ConferenceState::InSession;
                conference.startedAt = o.at != 0 ? o.at : now;
            } else if constexpr (std::is_same_v<T, proto::SessionEnd>) {
                conference.state = ConferenceState::Concluded;
                conference.endedAt = o.at != 0 ? o.at : now;
                for (Turn& turn : turns) {
                    if (turn.state == TurnState::Speaking) {
                        turn.state = TurnState::Done;
                        turn.endedAt = conference.endedAt;
                    }
                }
            } else if constexpr (std::is_same_v<T, proto::AttendanceSet>) {
                auto it = findById(participants, o.participantId);
                if (it != participants.end())
                    it->present = o.present;
            } else if constexpr (std::is_same_v<T, proto::HeadCount>) {
                conference.presentCount = o.count;
            } else if constexpr (std::is_same_v<T, proto::ParticipantAdd>) {
                Participant participant = o.participant;
                participant.conferenceId = conference.id;
                upsert(participant);
            } else if constexpr (std::is_same_v<T, proto::QueueAdd>) {
                Turn turn;
                turn.id = o.turnId;
                turn.conferenceId = conference.id;
                turn.participantId = o.participantId;
                turn.position = o.position;
                upsert(turn);
            } else if constexpr (std::is_same_v<T, proto::QueueMove>) {
                auto it = findById(turns, o.turnId);
                if (it != turns.end()) {
                    it->position = o.position;
                    sortTurns(turns);
                }
            } else if constexpr (std::is_same_v<T, proto::QueueRemove>) {
                removeTurn(o.turnId);
            } else if constexpr (std::is_same_v<T, proto::TurnStart>) {
                const Millis at = o.at != 0 ? o.at : now;
                auto it = findById(turns, o.turnId);
                if (it == turns.end())
                    return;
                for (Turn& turn : turns) {
                    if (turn.id != o.turnId && turn.state == TurnState::Speaking) {
                        turn.state = TurnState::Done;
                        turn.endedAt = at;
                    }
                }
                it->state = TurnState::Speaking;
                it->startedAt = at;
                it->endedAt = 0;
            } else if constexpr (std::is_same_v<T, proto::TurnStop>) {
                auto it = findById(turns, o.turnId);
                if (it != turns.end() && it->state == TurnState::Speaking) {
                    it->state = TurnState::Done;
                    it->endedAt = o.at != 0 ? o.at : now;
                }
            } else if constexpr (std::is_same_v<T, proto::CommentCreate>) {
                if (comment(o.comment.id) != nullptr)
                    return;
                Comment created = o.comment;
                created.conferenceId = conference.id;
                created.rev = 1;
                if (created.createdAt == 0)
                    created.createdAt = now;
                created.updatedAt = created.createdAt;
                comments.push_back(std::move(created));
            } else if constexpr (std::is_same_v<T, proto::CommentUpdate>) {
                auto it = findById(comments, o.commentId);
                if (it == comments.end())
                    return;
                // As the server: a paragraph named by the update is taken; otherwise it is
                // kept only while the first section stays the same.
                if (o.paragraph)
                    it->paragraph = *o.paragraph;
                else if (o.sections.empty() || it->sections.empty() || o.sections.front() != it->sections.front())
                    it->paragraph = 0;
                it->text = o.text;
                it->sections = o.sections;
                it->kind = o.kind;
                it->proposed = o.proposed;
                it->written = o.written;
                it->rev = o.baseRev + 1;
                it->updatedAt = now;
                if (!o.resolves.empty())
                    resolveConflicts(o.resolves);
            } else if constexpr (std::is_same_v<T, proto::CommentDelete>) {
                removeComment(o.commentId);
            } else if constexpr (std::is_same_v<T, proto::CommentFlag>) {
                auto it = findById(comments, o.commentId);
                if (it != comments.end())
                    it->flagged = o.flagged;
            } else if constexpr (std::is_same_v<T, proto::CommentAssign>) {
                for (const std::string& id : o.commentIds) {
                    auto it = findById(comments, id);
                    if (it == comments.end())
                        continue;
                    if (o.sections.empty() || it->sections.empty() || o.sections.front() != it->sections.front())
                        it->paragraph = 0;
                    it->sections = o.sections;
                }
            } else if constexpr (std::is_same_v<T, proto::GroupSet>) {
                CommentGroup next;
                next.id = o.groupId;
                next.section = o.section;
                next.commentIds = o.commentIds;
                // Replacing the members keeps the answer already given to the group.
                if (const CommentGroup* known = group(o.groupId)) {
                    next.acceptance = known->acceptance;
                    next.explanation = known->explanation;
                }
                upsert(next);
            } else if constexpr (std::is_same_v<T, proto::AcceptanceSet>) {
                if (!o.groupId.empty()) {
                    auto it = std::find_if(groups.begin(), groups.end(),
                                           [&](const CommentGroup& g) { return g.id == o.groupId; });
                    if (it != groups.end()) {
                        it->acceptance = o.acceptance;
                        it->explanation = o.explanation;
                    }
                    return;
                }
                auto it = findById(comments, o.commentId);
                if (it != comments.end()) {
                    it->acceptance = o.acceptance;
                    it->acceptanceNote = o.explanation;
                }
            } else if constexpr (std::is_same_v<T, proto::ReportRelease>) {
                for (ReportInfo& report : reports) {
                    if (report.id == o.reportId)
                        report.released = true;
                }
            }
        },
        op);
}

const Participant* ConferenceData::participant(const std::string& id) const
{
    auto it = std::find_if(participants.begin(), participants.end(),
                           [&](const Participant& p) { return p.id == id; });
    return it == participants.end() ? nullptr : &*it;
}

const Turn* ConferenceData::turn(const std::string& id) const
{
    auto it = std::find_if(turns.begin(), turns.end(), [&](const Turn& t) { return t.id == id; });
    return it == turns.end() ? nullptr : &*it;
}

const Comment* ConferenceData::comment(const std::string& id) const
{
    auto it = std::find_if(comments.begin(), comments.end(),
                           [&](const Comment& c) { return c.id == id; });
    return it == comments.end() ? nullptr : &*it;
}

const CommentGroup* ConferenceData::group(const std::string& id) const
{
    auto it = std::find_if(groups.begin(), groups.end(), [&](const CommentGroup& g) { return g.id == id; });
    return it == groups.end() ? nullptr : &*it;
}

const Turn* ConferenceData::speakingTurn() const
{
    auto it = std::find_if(turns.begin(), turns.end(),
                           [](const Turn& t) { return t.state == TurnState::Speaking; });
    return it == turns.end() ? nullptr : &*it;
}

int ConferenceData::presentCount() const
{
    if (conference.presentCount)
        return *conference.presentCount;
    return static_cast<int>(std::count_if(participants.begin(), participants.end(),
                                          [](const Participant& p) { return p.present; }));
}

void ConferenceData::upsert(const Participant& participant)
{
    auto it = findById(participants, participant.id);
    if (it != participants.end()) {
        *it = participant;
        return;
    }
    auto at = std::upper_bound(participants.begin(), participants.end(), participant,
                               [](const Participant& a, const Participant& b) {
                                   return text::comparePersons(a.fullName, b.fullName) < 0;
                               });
    participants.insert(at, participant);
}

void ConferenceData::upsert(const Turn& turn)
{
    auto it = findById(turns, turn.id);
    if (it != turns.end())
        *it = turn;
    else
        turns.push_back(turn);
    sortTurns(turns);
}

void ConferenceData::upsert(const Comment& comment)
{
    auto it = findById(comments, comment.id);
    if (it != comments.end())
        *it = comment;
    else
        comments.push_back(comment);
}

void ConferenceData::upsert(const CommentConflict& conflict)
{
    auto it = std::find_if(conflicts.begin(), conflicts.end(),
                           [&](const CommentConflict& c) { return c.id == conflict.id; });
    if (it != conflicts.end())
        *it = conflict;
    else
        conflicts.push_back(conflict);
}

void ConferenceData::upsert(const ReportInfo& report)
{
    auto it = std::find_if(reports.begin(), reports.end(),
                           [&](const ReportInfo& r) { return r.id == report.id; });
    if (it != reports.end()) {
        *it = report;
        return;
    }
    reports.insert(reports.begin(), report);
    std::stable_sort(reports.begin(), reports.end(),
                     [](const ReportInfo& a, const ReportInfo& b) { return a.id > b.id; });
}

void ConferenceData::removeTurn(const std::string& turnId)
{
    std::erase_if(turns, [&](const Turn& t) { return t.id == turnId; });
}

void ConferenceData::removeComment(const std::string& commentId)
{
    std::erase_if(comments, [&](const Comment& c) { return c.id == commentId; });
    std::erase_if(conflicts, [&](const CommentConflict& c) { return c.commentId == commentId; });
}

void ConferenceData::resolveConflicts(const std::vector<std::int64_t>& conflictIds)
{
    std::erase_if(conflicts, [&](const CommentConflict& c) {
        return std::find(conflictIds.begin(), conflictIds.end(), c.id) != conflictIds.end();
    });
}

void ConferenceData::upsert(const CommentGroup& group)
{
    leaveGroups(group.commentIds, group.id);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const CommentGroup& g) { return g.id == group.id; });
    if (group.commentIds.empty()) {
        if (it != groups.end())
            groups.erase(it);
        return;
    }
    if (it != groups.end())
        *it = group;
    else
        groups.push_back(group);
}

void ConferenceData::leaveGroups(const std::vector<std::string>& commentIds, const std::string& keepGroupId)
{
    if (commentIds.empty())
        return;
    for (CommentGroup& g : groups) {
        if (g.id == keepGroupId)
            continue;
        std::erase_if(g.commentIds, [&](const std::string& id) {
            return std::find(commentIds.begin(), commentIds.end(), id) != commentIds.end();
        });
    }
    std::erase_if(groups, [&](const CommentGroup& g) { return g.id != keepGroupId && g.commentIds.empty(); });
}

}  // namespace gopy::client
