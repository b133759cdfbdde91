// Right after a session ends the server writes the meeting's synthesis; the devices following
// the conference receive a snapshot listing it (without reconnecting), so the secretary can
// release it at once. A delegate's snapshot lists it only once released.
#include <gtest/gtest.h>

#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

class ReportPushTest : public ServerFixture {};

TEST_F(ReportPushTest, SessionEndPushesTheNewReportToTheConferencesDevices) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    auto chair = admitted(Role::Chair, kConference, "Chủ trì");
    auto delegate = admitted(Role::Delegate, kConference, "Đại biểu");
    for (TestClient* client : {secretary.get(), chair.get(), delegate.get()}) {
        const auto first = client->subscribe(kConference, 0);
        ASSERT_TRUE(first && std::holds_alternative<proto::Snapshot>(*first));
        EXPECT_TRUE(std::get<proto::Snapshot>(*first).reports.empty());
    }
    const auto started = secretary->applyOp(kConference, proto::SessionStart{1'741'755'600'000});
    ASSERT_TRUE(started && std::holds_alternative<proto::Ack>(*started));
    Comment c;
    c.id = "c-push-1";
    c.conferenceId = kConference;
    c.kind = CommentKind::Agreement;
    c.text = "Tán thành với Dự thảo, đề nghị bổ sung giải pháp về nhà ở xã hội.";
    c.sections = {"I"};
    const auto created = secretary->applyOp(kConference, proto::CommentCreate{c});
    ASSERT_TRUE(created && std::holds_alternative<proto::Ack>(*created));
    const auto ended = secretary->applyOp(kConference, proto::SessionEnd{1'741'762'800'000});
    ASSERT_TRUE(ended && std::holds_alternative<proto::Ack>(*ended));

    const auto forChair = chair->receiveType<proto::Snapshot>(
        [](const proto::Snapshot& s) { return !s.reports.empty(); });
    ASSERT_TRUE(forChair) << "the chair did not receive the new report";
    ASSERT_EQ(forChair->reports.size(), 1u);
    EXPECT_FALSE(forChair->reports.front().released);
    EXPECT_EQ(forChair->conference.id, kConference);
    bool hasComment = false;
    for (const auto& comment : forChair->comments) hasComment = hasComment || comment.id == c.id;
    EXPECT_TRUE(hasComment);

    // The delegate got the same push, without the unreleased report.
    const auto forDelegate = delegate->receiveType<proto::Snapshot>();
    ASSERT_TRUE(forDelegate);
    EXPECT_TRUE(forDelegate->reports.empty());

    const auto forSecretary = secretary->receiveType<proto::Snapshot>(
        [](const proto::Snapshot& s) { return !s.reports.empty(); });
    ASSERT_TRUE(forSecretary);
    const auto released =
        secretary->applyOp(kConference, proto::ReportRelease{forSecretary->reports.front().id});
    ASSERT_TRUE(released && std::holds_alternative<proto::Ack>(*released));
    bool seen = false;
    while (!seen) {
        const auto events = delegate->receiveType<proto::Events>();
        ASSERT_TRUE(events) << "the delegate did not learn of the release";
        for (const auto& event : events->events) seen = seen || (event.report && event.report->released);
    }
}

}  // namespace
}  // namespace gopy::test
