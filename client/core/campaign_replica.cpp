#include "client/core/campaign_replica.h"

#include <algorithm>
#include <utility>

namespace gopy::client {

void CampaignReplica::reset(const std::vector<Conference>& conferences)
{
    replicas_.clear();
    dirty_.clear();
    for (const Conference& conference : conferences)
        replicas_.emplace(conference.id, Replica(conference));
}

const Replica* CampaignReplica::find(std::int64_t conferenceId) const
{
    auto it = replicas_.find(conferenceId);
    return it == replicas_.end() ? nullptr : &it->second;
}

void CampaignReplica::setServerState(ConferenceData state)
{
    const std::int64_t id = state.conference.id;
    auto it = replicas_.find(id);
    if (it == replicas_.end())
        it = replicas_.emplace(id, Replica(state.conference)).first;
    it->second.setServerState(std::move(state));
    dirty_.insert(id);
}

Replica::EventsResult CampaignReplica::applyEvents(const proto::Events& events)
{
    auto own = replicas_.find(events.conferenceId);
    if (own == replicas_.end())
        return Replica::EventsResult::Ignored;
    const Replica::EventsResult result = own->second.applyEvents(events);
    if (result != Replica::EventsResult::Applied)
        return result;
    dirty_.insert(events.conferenceId);
    // The other conferences take the comments of theirs the events carry.
    for (auto& [id, replica] : replicas_) {
        if (id == events.conferenceId)
            continue;
        for (const proto::Event& event : events.events) {
            if (replica.applyRoutedEvent(event))
                dirty_.insert(id);
        }
    }
    return result;
}

void CampaignReplica::acknowledge(std::int64_t serverSeq, const proto::OpRequest& request)
{
    auto it = replicas_.find(request.conferenceId);
    if (it != replicas_.end())
        it->second.acknowledge(serverSeq, request);
}

void CampaignReplica::rebuild(const std::vector<Outbox::Entry>& outbox,
                              const std::vector<GrassrootsOrganisation>& organisations, Millis now)
{
    for (auto& [id, replica] : replicas_)
        replica.resetDisplayed();
    // Acknowledged ops of every conference in the order the server applied them.
    std::vector<const Replica::AckedOp*> acked;
    for (const auto& [id, replica] : replicas_) {
        for (const Replica::AckedOp& op : replica.acknowledged())
            acked.push_back(&op);
    }
    std::stable_sort(acked.begin(), acked.end(),
                     [](const Replica::AckedOp* a, const Replica::AckedOp* b) { return a->serverSeq < b->serverSeq; });
    for (const Replica::AckedOp* op : acked)
        predict(op->request, now);
    pendingIds_.clear();
    for (const Outbox::Entry& entry : outbox) {
        predict(entry.request, now);
        for (std::string& id : touchedIds(entry.request.op))
            pendingIds_.insert(std::move(id));
    }
    shown_.conferences.clear();
    for (const auto& [id, replica] : replicas_)
        shown_.conferences.emplace(id, replica.displayed());
    shown_.organisations = organisations;
}

void CampaignReplica::predict(const proto::OpRequest& request, Millis now)
{
    auto target = replicas_.find(request.conferenceId);
    if (target == replicas_.end())
        return;
    target->second.predict(request.op, now);
    if (const auto* group = std::get_if<proto::GroupSet>(&request.op)) {
        // A comment is in one group at most, whichever conference the group lives in.
        for (auto& [id, replica] : replicas_) {
            if (id != request.conferenceId)
                replica.showGroupSetElsewhere(*group);
        }
    }
}

}  // namespace gopy::client
