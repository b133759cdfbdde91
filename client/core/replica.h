// One conference as this device shows it, in plain C++ (no Qt): the server's state (a
// snapshot, then events), the operations the server acknowledged whose events have not come
// yet, and the device's unsent operations from the outbox. displayed() is always the server's
// state with the acknowledged and then the unsent operations predicted on top (ConferenceData's
// applyLocal), so an edit shows at once and stays shown until the server's event replaces it.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "client/core/conference_data.h"
#include "client/core/outbox.h"
#include "gopy/model.h"
#include "gopy/protocol.h"

namespace gopy::client {

/// Every id an operation touches (a comment, a turn, a participant; the drafting team's
/// operations name many comments), to mark those rows `pending` while it is unacknowledged.
std::vector<std::string> touchedIds(const proto::Operation& op);

class Replica {
public:
    /// An acknowledged operation: durable on the server, shown until its event arrives.
    struct AckedOp {
        std::int64_t serverSeq = 0;
        proto::OpRequest request;
    };

    /// What applyEvents() did with a frame of events.
    enum class EventsResult {
        Applied,       ///< the server state advanced
        Ignored,       ///< no server state yet (a snapshot will come)
        ServerBehind,  ///< the server is behind what this device saw: server state dropped, subscribe from 0
    };

    /// A conference without server state yet (shown from what Welcome said of it).
    explicit Replica(Conference conference = {});

    std::int64_t conferenceId() const { return confirmed_.conference.id; }
    /// True once a snapshot was received or loaded from the cache (and the server not found behind).
    bool hasServerState() const { return haveServer_; }
    /// The server sequence to subscribe from: the head held, 0 without server state.
    std::int64_t since() const { return haveServer_ ? confirmed_.head : 0; }
    /// The last server state (what the server acknowledged).
    const ConferenceData& confirmed() const { return confirmed_; }
    /// The server state + acknowledged ops + unsent ops, as of the last rebuild().
    const ConferenceData& displayed() const { return displayed_; }
    /// Ids touched by the unsent ops of this conference, as of the last rebuild().
    const std::set<std::string>& pendingIds() const { return pendingIds_; }
    /// Acknowledged ops still waiting for their events, in the order they were acknowledged.
    const std::vector<AckedOp>& acknowledged() const { return acked_; }

    /// A whole server state (a snapshot, or the cached one): replaces the server state and drops
    /// the acknowledged ops it already contains.
    void setServerState(ConferenceData state);
    /// Events of this conference: applied in order, the head moved to the frame's head (it may
    /// be past the last event). See EventsResult.
    EventsResult applyEvents(const proto::Events& events);
    /// An event logged in another conference (the drafting team's operations name comments of
    /// any conference): upserts what of this conference it carries. True when something changed;
    /// false without server state.
    bool applyRoutedEvent(const proto::Event& event);
    /// The server acknowledged `request` (an op of this conference) with `serverSeq`: kept and
    /// shown until the server state reaches that sequence.
    void acknowledge(std::int64_t serverSeq, const proto::OpRequest& request);

    /// displayed() = server state + acknowledged ops + the entries of `outbox` that belong to
    /// this conference; `now` stamps the predicted times.
    void rebuild(const std::vector<Outbox::Entry>& outbox, Millis now);

    /// For a set of replicas whose predictions interleave (CampaignReplica): displayed() back to
    /// the server state, then predict() each op in order.
    void resetDisplayed();
    void predict(const proto::Operation& op, Millis now);
    /// The group `groupId` was set in another conference: it is not shown here, and its members
    /// leave the groups shown here (a comment is in one group at most).
    void showGroupSetElsewhere(const proto::GroupSet& group);

private:
    void dropAcknowledgedUpToHead();

    ConferenceData confirmed_;
    ConferenceData displayed_;
    bool haveServer_ = false;
    std::vector<AckedOp> acked_;
    std::set<std::string> pendingIds_;
};

}  // namespace gopy::client
