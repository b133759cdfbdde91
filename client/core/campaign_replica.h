// The drafting team's view of the campaign: one Replica per conference and channel, all at
// once. Events of one conference also update the comments of the others they carry, and the
// shown state predicts every unsent op of every conference in the order they were made (a
// group set in one conference takes its members out of the groups of the others).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "client/core/drafting_rows.h"
#include "client/core/outbox.h"
#include "client/core/replica.h"
#include "gopy/protocol.h"

namespace gopy::client {

class CampaignReplica {
public:
    /// Starts over with these conferences, none with server state (see setServerState).
    void reset(const std::vector<Conference>& conferences);
    /// Forgets every conference.
    void clear() { reset({}); }

    const std::map<std::int64_t, Replica>& replicas() const { return replicas_; }
    const Replica* find(std::int64_t conferenceId) const;
    bool contains(std::int64_t conferenceId) const { return replicas_.contains(conferenceId); }

    /// A snapshot (or the cached state) of one of the conferences; ignored for another one.
    void setServerState(ConferenceData state);
    /// A frame of events of one of the conferences. ServerBehind: subscribe to it from 0.
    Replica::EventsResult applyEvents(const proto::Events& events);
    /// The server acknowledged `request` with `serverSeq`.
    void acknowledge(std::int64_t serverSeq, const proto::OpRequest& request);

    /// The shown state: every conference's server state with the acknowledged ops (in server
    /// order) and then the `outbox` (in client order) predicted on top; `organisations` name
    /// the grassroots senders.
    void rebuild(const std::vector<Outbox::Entry>& outbox, const std::vector<GrassrootsOrganisation>& organisations,
                 Millis now);
    /// As of the last rebuild().
    const CampaignState& displayed() const { return shown_; }
    /// Ids touched by every unsent op, as of the last rebuild().
    const std::set<std::string>& pendingIds() const { return pendingIds_; }

    /// Conferences whose server state changed since the last clearDirty() (to be cached).
    const std::set<std::int64_t>& dirty() const { return dirty_; }
    void clearDirty() { dirty_.clear(); }

private:
    void predict(const proto::OpRequest& request, Millis now);

    std::map<std::int64_t, Replica> replicas_;
    std::set<std::int64_t> dirty_;
    CampaignState shown_;
    std::set<std::string> pendingIds_;
};

}  // namespace gopy::client
