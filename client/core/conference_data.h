// The state of one conference as the client holds it: plain gopy structs, no Qt. Built from a
// Snapshot, advanced by server Events (which carry resulting state: upsert only), and able to
// predict a local Operation the way the server applies it (optimistic display of the outbox).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gopy/model.h"
#include "gopy/protocol.h"

namespace gopy::client {

struct ConferenceData {
    std::int64_t head = 0;  ///< last server sequence included
    Conference conference;
    std::vector<Participant> participants;  ///< Vietnamese order of full names
    std::vector<Turn> turns;                ///< by position
    std::vector<Comment> comments;          ///< creation order
    std::vector<CommentConflict> conflicts; ///< unresolved only
    std::vector<ReportInfo> reports;        ///< newest first
    std::vector<CommentGroup> groups;       ///< drafting team's groups set through this conference

    static ConferenceData fromSnapshot(const proto::Snapshot& snapshot);
    proto::Snapshot toSnapshot() const;

    /// Applies one server event; ignored (false) when its seq is not above head. An event of
    /// this conference advances head; an event logged in another conference (drafting team's
    /// operations name comments of any conference) only upserts the comments of this
    /// conference it carries and keeps group membership exclusive, without moving head.
    bool applyEvent(const proto::Event& event);
    /// Predicts `op` locally as the server would apply it (no validation beyond what keeps the
    /// state consistent: an op on something unknown changes nothing). `now` stamps times.
    void applyLocal(const proto::Operation& op, Millis now);

    const Participant* participant(const std::string& id) const;
    const Turn* turn(const std::string& id) const;
    const Comment* comment(const std::string& id) const;
    const CommentGroup* group(const std::string& id) const;
    /// The turn being spoken now, or nullptr.
    const Turn* speakingTurn() const;
    /// Ticked participants, or the head count when one was given.
    int presentCount() const;

    void upsert(const Participant& participant);
    void upsert(const Turn& turn);
    void upsert(const Comment& comment);
    void upsert(const CommentConflict& conflict);
    void upsert(const ReportInfo& report);
    void removeTurn(const std::string& turnId);
    void removeComment(const std::string& commentId);
    void resolveConflicts(const std::vector<std::int64_t>& conflictIds);
    /// Replaces (or adds) the group; a group without members is removed. Its members leave
    /// every other group of this conference (a comment is in one group at most).
    void upsert(const CommentGroup& group);
    /// Removes these comments from every group here except `keepGroupId`; groups left empty
    /// are removed.
    void leaveGroups(const std::vector<std::string>& commentIds, const std::string& keepGroupId);
};

}  // namespace gopy::client
