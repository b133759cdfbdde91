// Drafting events reach every conference they touch, over the real server on loopback: a
// section assigned through the public channel's conference to a comment of conference 2 is
// pushed live to conference 2's chair and found by a late subscriber catching up "since".
// Also a grassroots reporter's device bound to its organisation, end to end.
#include <gtest/gtest.h>

#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

using proto::Message;

constexpr std::int64_t kPublicChannel = 6;
constexpr std::int64_t kGrassrootsChannel = 7;

std::optional<proto::Ack> ackOf(const std::optional<Message>& message) {
    if (!message) return std::nullopt;
    if (const auto* ack = std::get_if<proto::Ack>(&*message)) return *ack;
    return std::nullopt;
}

std::optional<proto::Nack> nackOf(const std::optional<Message>& message) {
    if (!message) return std::nullopt;
    if (const auto* nack = std::get_if<proto::Nack>(&*message)) return *nack;
    return std::nullopt;
}

// The event with this seq among the Events frames of `conference` the client receives.
std::optional<proto::Event> eventWithSeq(TestClient& client, std::int64_t conference,
                                         std::int64_t seq) {
    for (;;) {
        auto events = client.receiveType<proto::Events>(
            [conference](const proto::Events& e) { return e.conferenceId == conference; });
        if (!events) return std::nullopt;
        for (auto& event : events->events) {
            if (event.seq == seq) return event;
        }
    }
}

class RoutingTest : public ServerFixture {};

TEST_F(RoutingTest, DraftingAssignmentReachesTheCommentsConferenceLiveAndOnCatchUp) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký hội nghị 2");
    auto chair = admitted(Role::Chair, kConference, "Chủ trì hội nghị 2");
    auto drafting = admitted(Role::Drafting, 0, "Tổ biên tập");
    ASSERT_FALSE(chair->deviceId.empty());
    ASSERT_FALSE(drafting->deviceId.empty());

    Comment c;
    c.id = "c-route-1";
    c.conferenceId = kConference;
    c.kind = CommentKind::Addition;
    c.text = "Đề nghị bổ sung giải pháp về chuyển đổi số";
    const auto created = ackOf(secretary->applyOp(kConference, proto::CommentCreate{c}));
    ASSERT_TRUE(created) << "comment not created";

    const auto chairSnap = chair->subscribe(kConference, 0);
    ASSERT_TRUE(chairSnap && std::holds_alternative<proto::Snapshot>(*chairSnap));
    const std::int64_t before = std::get<proto::Snapshot>(*chairSnap).head;
    ASSERT_GE(before, created->serverSeq);

    // The drafting team works in the public channel's view; the comment is conference 2's.
    const auto assigned = ackOf(
        drafting->applyOp(kPublicChannel, proto::CommentAssign{{"c-route-1"}, {"I.1", "I.1.b"}}));
    ASSERT_TRUE(assigned) << "assignment refused";

    const auto live = eventWithSeq(*chair, kConference, assigned->serverSeq);
    ASSERT_TRUE(live) << "the chair of conference 2 never got the assignment";
    EXPECT_EQ(live->conferenceId, kConference);
    ASSERT_EQ(live->comments.size(), 1u);
    EXPECT_EQ(live->comments[0].id, "c-route-1");
    EXPECT_EQ(live->comments[0].sections, (std::vector<std::string>{"I.1", "I.1.b"}));

    // A device that was away catches up since the head it had.
    auto late = admitted(Role::Delegate, kConference, "Đại biểu đến muộn");
    const auto caughtUp = late->subscribe(kConference, before);
    ASSERT_TRUE(caughtUp && std::holds_alternative<proto::Events>(*caughtUp))
        << "expected events since " << before;
    const auto& events = std::get<proto::Events>(*caughtUp);
    EXPECT_EQ(events.conferenceId, kConference);
    ASSERT_EQ(events.events.size(), 1u);
    EXPECT_EQ(events.events[0].seq, assigned->serverSeq);
    EXPECT_EQ(events.events[0].conferenceId, kConference);
    ASSERT_EQ(events.events[0].comments.size(), 1u);
    EXPECT_EQ(events.events[0].comments[0].sections, (std::vector<std::string>{"I.1", "I.1.b"}));

    // The public channel's subscribers get the event too, without conference 2's comment.
    auto publicReader = admitted(Role::Chair, kPublicChannel, "Chủ trì kênh Nhân dân");
    const auto publicCatchUp = publicReader->subscribe(kPublicChannel, before);
    ASSERT_TRUE(publicCatchUp && std::holds_alternative<proto::Events>(*publicCatchUp));
    const auto& publicEvents = std::get<proto::Events>(*publicCatchUp).events;
    ASSERT_EQ(publicEvents.size(), 1u);
    EXPECT_EQ(publicEvents[0].conferenceId, kPublicChannel);
    EXPECT_TRUE(publicEvents[0].comments.empty());
}

TEST_F(RoutingTest, GroupOfTwoConferencesIsSeenFromBoth) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký hội nghị 2");
    auto drafting = admitted(Role::Drafting, 0, "Tổ biên tập");
    Comment c;
    c.id = "c-route-2";
    c.conferenceId = kConference;
    c.sections = {"I.1"};
    c.text = "Đề nghị nêu rõ chỉ tiêu kết nạp đảng viên";
    ASSERT_TRUE(ackOf(secretary->applyOp(kConference, proto::CommentCreate{c})));

    auto chair = admitted(Role::Chair, kConference, "Chủ trì hội nghị 2");
    const auto snap = chair->subscribe(kConference, 0);
    ASSERT_TRUE(snap && std::holds_alternative<proto::Snapshot>(*snap));
    ASSERT_FALSE(std::get<proto::Snapshot>(*snap).comments.empty());

    // demo-grassroots-1 is a grassroots comment of section I.1 (conference 7).
    const auto grouped = ackOf(drafting->applyOp(
        kGrassrootsChannel, proto::GroupSet{"g-route", "I.1", {"c-route-2", "demo-grassroots-1"}}));
    ASSERT_TRUE(grouped);
    const auto live = eventWithSeq(*chair, kConference, grouped->serverSeq);
    ASSERT_TRUE(live) << "the chair of conference 2 never got the group";
    ASSERT_TRUE(live->group);
    EXPECT_EQ(live->group->commentIds,
              (std::vector<std::string>{"c-route-2", "demo-grassroots-1"}));

    const auto answered = ackOf(drafting->applyOp(
        kGrassrootsChannel,
        proto::AcceptanceSet{"g-route", "", Acceptance::Partly, "Tiếp thu, bổ sung chỉ tiêu"}));
    ASSERT_TRUE(answered);
    const auto answer = eventWithSeq(*chair, kConference, answered->serverSeq);
    ASSERT_TRUE(answer && answer->group);
    EXPECT_EQ(answer->group->acceptance, Acceptance::Partly);

    // A fresh snapshot of conference 2 lists the group logged under conference 7.
    auto other = admitted(Role::Delegate, kConference, "Đại biểu");
    const auto fresh = other->subscribe(kConference, 0);
    ASSERT_TRUE(fresh && std::holds_alternative<proto::Snapshot>(*fresh));
    const auto& groups = std::get<proto::Snapshot>(*fresh).groups;
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].id, "g-route");
    EXPECT_EQ(groups[0].explanation, "Tiếp thu, bổ sung chỉ tiêu");
}

TEST_F(RoutingTest, GrassrootsReporterIsBoundToItsOrganisation) {
    std::string code;
    server_->withEngine([&](server::Engine& engine) {
        code = engine.createAdmissionCode(Role::Grassroots, 0, 900, 3);
    });
    TestClient reporter(port());
    ASSERT_TRUE(reporter.connected());
    const auto welcome = reporter.admit(code, "Máy Đảng bộ phường Vĩnh Phúc");
    ASSERT_TRUE(welcome) << "grassroots code refused";
    EXPECT_EQ(welcome->role, Role::Grassroots);
    EXPECT_EQ(welcome->organisationId, 3);
    EXPECT_EQ(welcome->conferenceId, kGrassrootsChannel);

    Comment c;
    c.id = "g-net-1";
    c.conferenceId = kGrassrootsChannel;
    c.sections = {"I.1"};
    c.text = "Đại hội đề nghị bổ sung nhiệm vụ chỉnh trang đô thị";
    ASSERT_TRUE(ackOf(reporter.applyOp(kGrassrootsChannel, proto::CommentCreate{c})));
    const auto snap = reporter.subscribe(kGrassrootsChannel, 0);
    ASSERT_TRUE(snap && std::holds_alternative<proto::Snapshot>(*snap));
    bool found = false;
    for (const Comment& stored : std::get<proto::Snapshot>(*snap).comments) {
        if (stored.id != "g-net-1") continue;
        found = true;
        ASSERT_TRUE(stored.origin);
        EXPECT_EQ(stored.origin->organisationId, 3);
    }
    EXPECT_TRUE(found);

    const auto foreign =
        nackOf(reporter.applyOp(kGrassrootsChannel, proto::GrassrootsReport{1, 0}));
    ASSERT_TRUE(foreign) << "a report for another organisation was accepted";
    EXPECT_EQ(foreign->code, proto::ErrorCode::Forbidden);
    const auto otherComment =
        nackOf(reporter.applyOp(kGrassrootsChannel, proto::CommentUpdate{"demo-grassroots-1",
                                                                         1,
                                                                         "Sửa hộ",
                                                                         {"I.1"},
                                                                         CommentKind::Other,
                                                                         std::nullopt,
                                                                         false,
                                                                         {}}));
    ASSERT_TRUE(otherComment);
    EXPECT_EQ(otherComment->code, proto::ErrorCode::Forbidden);
    EXPECT_TRUE(ackOf(reporter.applyOp(kGrassrootsChannel, proto::GrassrootsReport{3, 0})));
}

}  // namespace
}  // namespace gopy::test
