// Right after a session ends the server writes the meeting's synthesis; the devices following
// the conference receive a snapshot listing it (without reconnecting), so the secretary can
// release it at once. A delegate's snapshot lists it only once released.
#include <chrono>
#include <thread>
#include <vector>

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

std::vector<ReportInfo> reportsOf(server::net::Server& server, std::int64_t conferenceId) {
    std::vector<ReportInfo> found;
    server.withEngine([&](server::Engine& engine) {
        found = engine.listReports(conferenceId, false);
    });
    return found;
}

TEST_F(ReportPushTest, AConferenceThatEndedWithoutItsSynthesisGetsOneWhenTheServerStarts) {
    // The fixture's demo ended conference 1 through the engine alone (as if the server had
    // been killed between the commit and the report): the running server produces it.
    std::vector<ReportInfo> reports;
    for (int i = 0; i < 200 && reports.empty(); ++i) {
        reports = reportsOf(*server_, 1);
        if (reports.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(reports.size(), 1u) << "no synthesis for the concluded conference 1";
    EXPECT_FALSE(reports.front().released);
    server_->withEngine([](server::Engine& engine) { EXPECT_TRUE(engine.endedWithoutReport().empty()); });
}

TEST_F(ReportPushTest, ASessionEndedJustBeforeTheServerStopsStillGetsItsSynthesis) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    const auto started = secretary->applyOp(kConference, proto::SessionStart{1'741'755'600'000});
    ASSERT_TRUE(started && std::holds_alternative<proto::Ack>(*started));
    const auto ended = secretary->applyOp(kConference, proto::SessionEnd{1'741'762'800'000});
    ASSERT_TRUE(ended && std::holds_alternative<proto::Ack>(*ended));
    // Stopping at once: the rendering under way is finished and stored before the writer ends.
    server_->stop();
    ASSERT_EQ(engine_->listReports(kConference, false).size(), 1u);
    EXPECT_TRUE(engine_->endedWithoutReport().empty());
    const auto bytes = engine_->reportContent(engine_->listReports(kConference, false).front().id);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(bytes->rfind("%PDF-", 0), 0u);
}

}  // namespace
}  // namespace gopy::test
