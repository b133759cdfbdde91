#include "client/core/replica.h"

#include <algorithm>
#include <type_traits>
#include <utility>
#include <variant>

namespace gopy::client {

namespace {

std::string touchedId(const proto::Operation& op)
{
    return std::visit(
        [](const auto& o) -> std::string {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, proto::AttendanceSet>)
                return o.participantId;
            else if constexpr (std::is_same_v<T, proto::ParticipantAdd>)
                return o.participant.id;
            else if constexpr (std::is_same_v<T, proto::QueueAdd> || std::is_same_v<T, proto::QueueMove> ||
                               std::is_same_v<T, proto::QueueRemove> || std::is_same_v<T, proto::TurnStart> ||
                               std::is_same_v<T, proto::TurnStop>)
                return o.turnId;
            else if constexpr (std::is_same_v<T, proto::CommentCreate>)
                return o.comment.id;
            else if constexpr (std::is_same_v<T, proto::CommentUpdate> ||
                               std::is_same_v<T, proto::CommentDelete> ||
                               std::is_same_v<T, proto::CommentFlag>)
                return o.commentId;
            else
                return {};
        },
        op);
}

}  // namespace

std::vector<std::string> touchedIds(const proto::Operation& op)
{
    if (const auto* assign = std::get_if<proto::CommentAssign>(&op))
        return assign->commentIds;
    if (const auto* group = std::get_if<proto::GroupSet>(&op))
        return group->commentIds;
    if (const auto* answer = std::get_if<proto::AcceptanceSet>(&op))
        return {answer->commentId};
    return {touchedId(op)};
}

Replica::Replica(Conference conference)
{
    confirmed_.conference = std::move(conference);
    displayed_ = confirmed_;
}

void Replica::setServerState(ConferenceData state)
{
    confirmed_ = std::move(state);
    haveServer_ = true;
    dropAcknowledgedUpToHead();
}

Replica::EventsResult Replica::applyEvents(const proto::Events& events)
{
    if (!haveServer_)
        return EventsResult::Ignored;
    if (events.head < confirmed_.head) {
        // The server's database was replaced by an older one: start over from a snapshot.
        haveServer_ = false;
        return EventsResult::ServerBehind;
    }
    for (const proto::Event& event : events.events)
        confirmed_.applyEvent(event);
    // The frame's head may be past the last event (nothing else happened in this conference).
    confirmed_.head = std::max(confirmed_.head, events.head);
    dropAcknowledgedUpToHead();
    return EventsResult::Applied;
}

bool Replica::applyRoutedEvent(const proto::Event& event)
{
    return haveServer_ && confirmed_.applyEvent(event);
}

void Replica::acknowledge(std::int64_t serverSeq, const proto::OpRequest& request)
{
    if (serverSeq > confirmed_.head)
        acked_.push_back({serverSeq, request});
}

void Replica::rebuild(const std::vector<Outbox::Entry>& outbox, Millis now)
{
    resetDisplayed();
    pendingIds_.clear();
    // Acknowledged ops are durable on the server: shown, but no longer pending.
    for (const AckedOp& acked : acked_)
        displayed_.applyLocal(acked.request.op, now);
    for (const Outbox::Entry& entry : outbox) {
        if (entry.request.conferenceId != conferenceId())
            continue;
        displayed_.applyLocal(entry.request.op, now);
        for (std::string& id : touchedIds(entry.request.op))
            pendingIds_.insert(std::move(id));
    }
}

void Replica::resetDisplayed()
{
    displayed_ = confirmed_;
}

void Replica::predict(const proto::Operation& op, Millis now)
{
    displayed_.applyLocal(op, now);
}

void Replica::showGroupSetElsewhere(const proto::GroupSet& group)
{
    std::erase_if(displayed_.groups, [&](const CommentGroup& g) { return g.id == group.groupId; });
    displayed_.leaveGroups(group.commentIds, group.groupId);
}

void Replica::dropAcknowledgedUpToHead()
{
    std::erase_if(acked_, [&](const AckedOp& a) { return a.serverSeq <= confirmed_.head; });
}

}  // namespace gopy::client
