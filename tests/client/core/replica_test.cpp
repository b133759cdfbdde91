// Replica and CampaignReplica: the displayed state is always the server state with the
// acknowledged and then the unsent operations predicted on top, whatever order snapshots,
// events and acknowledgements arrive in.
#include <gtest/gtest.h>

#include "client/core/campaign_replica.h"
#include "client/core/replica.h"

using namespace gopy;
using namespace gopy::client;

namespace {

constexpr Millis kNow = 1'740'000'000'000;

Conference conference(std::int64_t id)
{
    Conference c;
    c.id = id;
    c.title = "Hội nghị " + std::to_string(id);
    c.state = ConferenceState::InSession;
    return c;
}

Comment comment(const std::string& id, std::int64_t conferenceId, const std::string& text)
{
    Comment c;
    c.id = id;
    c.conferenceId = conferenceId;
    c.participantId = "p1";
    c.text = text;
    c.rev = 1;
    c.createdAt = kNow;
    c.updatedAt = kNow;
    return c;
}

ConferenceData serverState(std::int64_t id, std::int64_t head, std::vector<Comment> comments = {})
{
    ConferenceData data;
    data.head = head;
    data.conference = conference(id);
    data.comments = std::move(comments);
    return data;
}

Outbox::Entry entry(std::int64_t clientSeq, std::int64_t conferenceId, proto::Operation op)
{
    Outbox::Entry e;
    e.clientSeq = clientSeq;
    e.request = proto::OpRequest{"device-1", clientSeq, conferenceId, std::move(op)};
    e.createdAt = kNow;
    return e;
}

proto::Event createdEvent(std::int64_t seq, std::int64_t conferenceId, const Comment& created)
{
    proto::Event event;
    event.seq = seq;
    event.conferenceId = conferenceId;
    event.at = kNow;
    event.op = proto::CommentCreate{created};
    event.comment = created;
    return event;
}

proto::Events frame(std::int64_t conferenceId, std::int64_t head, std::vector<proto::Event> events)
{
    return proto::Events{conferenceId, head, std::move(events)};
}

}  // namespace

TEST(ReplicaTest, UnsentOpIsShownPendingThenAcknowledgedThenConfirmedByItsEvent)
{
    Replica replica(conference(2));
    replica.setServerState(serverState(2, 10));
    const Comment typed = comment("c1", 2, "Cần bổ sung chỉ tiêu về chuyển đổi số.");
    std::vector<Outbox::Entry> outbox{entry(1, 2, proto::CommentCreate{typed})};

    replica.rebuild(outbox, kNow);
    ASSERT_NE(replica.displayed().comment("c1"), nullptr) << "an unsent op is shown at once";
    EXPECT_EQ(replica.confirmed().comment("c1"), nullptr);
    EXPECT_TRUE(replica.pendingIds().contains("c1"));

    replica.acknowledge(11, outbox.front().request);
    outbox.clear();
    replica.rebuild(outbox, kNow);
    EXPECT_NE(replica.displayed().comment("c1"), nullptr) << "acknowledged but its event not here yet: still shown";
    EXPECT_FALSE(replica.pendingIds().contains("c1")) << "durable on the server: no longer pending";
    EXPECT_EQ(replica.acknowledged().size(), 1u);

    EXPECT_EQ(replica.applyEvents(frame(2, 11, {createdEvent(11, 2, typed)})), Replica::EventsResult::Applied);
    EXPECT_TRUE(replica.acknowledged().empty()) << "the event replaced the prediction";
    replica.rebuild(outbox, kNow);
    ASSERT_NE(replica.confirmed().comment("c1"), nullptr);
    EXPECT_EQ(replica.displayed().comments.size(), 1u);
    EXPECT_EQ(replica.since(), 11);
}

TEST(ReplicaTest, OpsOfOtherConferencesAreNotShown)
{
    Replica replica(conference(2));
    replica.setServerState(serverState(2, 3));
    replica.rebuild({entry(1, 3, proto::CommentCreate{comment("c9", 3, "Ý kiến hội nghị khác")})}, kNow);
    EXPECT_TRUE(replica.displayed().comments.empty());
    EXPECT_TRUE(replica.pendingIds().empty());
}

TEST(ReplicaTest, SnapshotDropsTheAcknowledgedOpsItContains)
{
    Replica replica(conference(2));
    const Comment typed = comment("c1", 2, "Ý kiến đã ghi");
    const proto::OpRequest request{"device-1", 1, 2, proto::CommentCreate{typed}};
    replica.acknowledge(5, request);
    replica.acknowledge(8, proto::OpRequest{"device-1", 2, 2, proto::SessionEnd{kNow}});
    replica.setServerState(serverState(2, 6, {typed}));
    ASSERT_EQ(replica.acknowledged().size(), 1u);
    EXPECT_EQ(replica.acknowledged().front().serverSeq, 8);
    replica.rebuild({}, kNow);
    EXPECT_EQ(replica.displayed().conference.state, ConferenceState::Concluded) << "seq 8 is still predicted";
    EXPECT_EQ(replica.confirmed().conference.state, ConferenceState::InSession);
}

TEST(ReplicaTest, AcknowledgementTheServerStateAlreadyHoldsIsNotKept)
{
    Replica replica(conference(2));
    replica.setServerState(serverState(2, 20));
    replica.acknowledge(19, proto::OpRequest{"device-1", 1, 2, proto::SessionEnd{kNow}});
    EXPECT_TRUE(replica.acknowledged().empty());
}

TEST(ReplicaTest, EventsBeforeAnySnapshotAreIgnored)
{
    Replica replica(conference(2));
    EXPECT_FALSE(replica.hasServerState());
    EXPECT_EQ(replica.applyEvents(frame(2, 4, {createdEvent(4, 2, comment("c1", 2, "x"))})),
              Replica::EventsResult::Ignored);
    EXPECT_TRUE(replica.confirmed().comments.empty());
    EXPECT_EQ(replica.since(), 0);
    EXPECT_EQ(replica.displayed().conference.title, "Hội nghị 2") << "shown from what Welcome said of it";
}

TEST(ReplicaTest, ServerBehindDropsTheServerStateToSubscribeFromZero)
{
    Replica replica(conference(2));
    replica.setServerState(serverState(2, 50, {comment("c1", 2, "Ý kiến cũ")}));
    EXPECT_EQ(replica.applyEvents(frame(2, 40, {})), Replica::EventsResult::ServerBehind);
    EXPECT_FALSE(replica.hasServerState());
    EXPECT_EQ(replica.since(), 0);
    EXPECT_EQ(replica.applyEvents(frame(2, 60, {})), Replica::EventsResult::Ignored);
}

TEST(ReplicaTest, FrameHeadPastItsLastEventMovesTheHead)
{
    Replica replica(conference(2));
    replica.setServerState(serverState(2, 5));
    EXPECT_EQ(replica.applyEvents(frame(2, 9, {})), Replica::EventsResult::Applied);
    EXPECT_EQ(replica.since(), 9);
}

TEST(ReplicaTest, RoutedEventUpdatesThisConferencesCommentWithoutMovingTheHead)
{
    Replica replica(conference(2));
    replica.setServerState(serverState(2, 5, {comment("c1", 2, "Ý kiến")}));
    Comment assigned = comment("c1", 2, "Ý kiến");
    assigned.sections = {"II.3"};
    assigned.rev = 2;
    proto::Event event;
    event.seq = 30;
    event.conferenceId = 7;  // logged in the drafting team's conference
    event.op = proto::CommentAssign{{"c1"}, {"II.3"}};
    event.comments = {assigned};
    EXPECT_TRUE(replica.applyRoutedEvent(event));
    EXPECT_EQ(replica.confirmed().comment("c1")->sections, std::vector<std::string>{"II.3"});
    EXPECT_EQ(replica.since(), 5);
}

TEST(CampaignReplicaTest, GroupSetInOneConferenceTakesItsMembersOutOfTheOthersInOrder)
{
    CampaignReplica campaign;
    campaign.reset({conference(1), conference(2)});
    campaign.setServerState(serverState(1, 3, {comment("a", 1, "Cây xanh")}));
    campaign.setServerState(serverState(2, 4, {comment("b", 2, "Cây xanh nữa")}));
    // First grouped through conference 1, then regrouped through conference 2: the later one wins.
    const std::vector<Outbox::Entry> outbox{
        entry(1, 1, proto::GroupSet{"g1", "II.3", {"a", "b"}}),
        entry(2, 2, proto::GroupSet{"g2", "II.3", {"a", "b"}}),
    };
    campaign.rebuild(outbox, {}, kNow);
    const CampaignState& shown = campaign.displayed();
    ASSERT_EQ(shown.conferences.size(), 2u);
    EXPECT_EQ(shown.conferences.at(1).group("g1"), nullptr) << "its members left for g2";
    ASSERT_NE(shown.conferences.at(2).group("g2"), nullptr);
    EXPECT_EQ(shown.conferences.at(2).group("g2")->commentIds, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(campaign.pendingIds().contains("a"));
    EXPECT_TRUE(campaign.pendingIds().contains("b"));
}

TEST(CampaignReplicaTest, AcknowledgedOpsOfEveryConferenceArePredictedInServerOrder)
{
    CampaignReplica campaign;
    campaign.reset({conference(1), conference(2)});
    campaign.setServerState(serverState(1, 3, {comment("a", 1, "Cây xanh")}));
    campaign.setServerState(serverState(2, 4, {comment("b", 2, "Cây xanh nữa")}));
    campaign.acknowledge(12, proto::OpRequest{"device-1", 2, 1, proto::GroupSet{"g1", "II.3", {"a", "b"}}});
    campaign.acknowledge(11, proto::OpRequest{"device-1", 1, 2, proto::GroupSet{"g2", "II.3", {"a", "b"}}});
    campaign.rebuild({}, {}, kNow);
    EXPECT_NE(campaign.displayed().conferences.at(1).group("g1"), nullptr) << "seq 12 came after seq 11";
    EXPECT_EQ(campaign.displayed().conferences.at(2).group("g2"), nullptr);
    EXPECT_TRUE(campaign.pendingIds().empty());
}

TEST(CampaignReplicaTest, EventsReachTheCommentsOfOtherConferencesAndMarkThemToCache)
{
    CampaignReplica campaign;
    campaign.reset({conference(1), conference(2)});
    campaign.setServerState(serverState(1, 3));
    campaign.setServerState(serverState(2, 4, {comment("b", 2, "Ý kiến")}));
    campaign.clearDirty();
    Comment assigned = comment("b", 2, "Ý kiến");
    assigned.sections = {"I.1"};
    assigned.rev = 2;
    proto::Event event;
    event.seq = 9;
    event.conferenceId = 1;
    event.op = proto::CommentAssign{{"b"}, {"I.1"}};
    event.comments = {assigned};
    EXPECT_EQ(campaign.applyEvents(frame(1, 9, {event})), Replica::EventsResult::Applied);
    EXPECT_EQ(campaign.find(2)->confirmed().comment("b")->sections, std::vector<std::string>{"I.1"});
    EXPECT_EQ(campaign.find(1)->since(), 9);
    EXPECT_EQ(campaign.find(2)->since(), 4);
    EXPECT_EQ(campaign.dirty(), (std::set<std::int64_t>{1, 2}));
}

TEST(CampaignReplicaTest, ConferenceWithoutSnapshotIgnoresEvents)
{
    CampaignReplica campaign;
    campaign.reset({conference(1)});
    EXPECT_EQ(campaign.applyEvents(frame(1, 9, {})), Replica::EventsResult::Ignored);
    EXPECT_EQ(campaign.applyEvents(frame(5, 9, {})), Replica::EventsResult::Ignored) << "not in the campaign";
    EXPECT_TRUE(campaign.dirty().empty());
}
