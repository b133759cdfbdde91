// The writer reads and encodes a conference's snapshot once and gives the same frames to every
// device that opens the conference until it changes: what each device receives must still be
// exactly what a fresh read would give it — the newest state, and for delegates only the
// released reports.
#include <algorithm>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

class SnapshotShareTest : public ServerFixture {};

proto::Snapshot snapshotOf(TestClient& client, std::int64_t conferenceId) {
    const auto answer = client.subscribe(conferenceId, 0);
    EXPECT_TRUE(answer && std::holds_alternative<proto::Snapshot>(*answer));
    return answer && std::holds_alternative<proto::Snapshot>(*answer) ? std::get<proto::Snapshot>(*answer)
                                                                      : proto::Snapshot{};
}

bool hasComment(const proto::Snapshot& s, const std::string& id) {
    return std::any_of(s.comments.begin(), s.comments.end(), [&](const Comment& c) { return c.id == id; });
}

Comment commentIn(std::int64_t conferenceId, const std::string& id) {
    Comment c;
    c.id = id;
    c.conferenceId = conferenceId;
    c.kind = CommentKind::Addition;
    c.text = "Đề nghị bổ sung nội dung về chuyển đổi số.";
    c.sections = {"I"};
    return c;
}

TEST_F(SnapshotShareTest, ASharedSnapshotIsReplacedAsSoonAsTheConferenceChanges) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    auto first = admitted(Role::Chair, kConference, "Chủ trì 1");
    auto second = admitted(Role::Chair, kConference, "Chủ trì 2");
    auto third = admitted(Role::Chair, kConference, "Chủ trì 3");
    const auto a = snapshotOf(*first, kConference);
    const auto b = snapshotOf(*second, kConference);
    EXPECT_EQ(a, b);

    const auto created = secretary->applyOp(kConference, proto::CommentCreate{commentIn(kConference, "c-share-1")});
    ASSERT_TRUE(created && std::holds_alternative<proto::Ack>(*created));
    const auto c = snapshotOf(*third, kConference);
    EXPECT_TRUE(hasComment(c, "c-share-1"));
    EXPECT_GT(c.head, a.head);
    // An op of another conference changes nothing here: the same content, whatever the head.
    auto other = admitted(Role::Secretary, 3, "Thư ký hội nghị 3");
    const auto elsewhere = other->applyOp(3, proto::CommentCreate{commentIn(3, "c-share-3")});
    ASSERT_TRUE(elsewhere && std::holds_alternative<proto::Ack>(*elsewhere));
    auto fourth = admitted(Role::Chair, kConference, "Chủ trì 4");
    const auto d = snapshotOf(*fourth, kConference);
    EXPECT_TRUE(hasComment(d, "c-share-1"));
    EXPECT_FALSE(hasComment(d, "c-share-3"));
    EXPECT_EQ(d.comments, c.comments);
}

TEST_F(SnapshotShareTest, DelegatesGetTheirOwnSnapshotWithReleasedReportsOnly) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    auto chair = admitted(Role::Chair, kConference, "Chủ trì");
    ASSERT_TRUE(secretary->applyOp(kConference, proto::SessionStart{1'741'755'600'000}));
    ASSERT_TRUE(secretary->applyOp(kConference, proto::SessionEnd{1'741'762'800'000}));
    // The chair follows the conference: the synthesis arrives as a fresh snapshot.
    ASSERT_TRUE(snapshotOf(*chair, kConference).conference.id == kConference);
    const auto listed = chair->receiveType<proto::Snapshot>([](const proto::Snapshot& s) { return !s.reports.empty(); },
                                                            std::chrono::seconds(30));
    ASSERT_TRUE(listed) << "no synthesis pushed";

    // A chair opening now shares the chair's snapshot; a delegate opening now must not.
    auto otherChair = admitted(Role::Chair, kConference, "Chủ trì 2");
    EXPECT_EQ(snapshotOf(*otherChair, kConference).reports.size(), 1u);
    auto delegate = admitted(Role::Delegate, kConference, "Đại biểu");
    EXPECT_TRUE(snapshotOf(*delegate, kConference).reports.empty());

    const auto released = secretary->applyOp(kConference, proto::ReportRelease{listed->reports.front().id});
    ASSERT_TRUE(released && std::holds_alternative<proto::Ack>(*released));
    auto lateDelegate = admitted(Role::Delegate, kConference, "Đại biểu đến muộn");
    const auto late = snapshotOf(*lateDelegate, kConference);
    ASSERT_EQ(late.reports.size(), 1u);
    EXPECT_TRUE(late.reports.front().released);
}

}  // namespace
}  // namespace gopy::test
