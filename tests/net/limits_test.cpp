// Limits: a frame over kMaxFrameBytes closes that connection with 1009, a malformed frame
// gets an Error and the connection stays open, a client that never reads is dropped; the
// other clients keep working throughout.
#include <gtest/gtest.h>

#include "gopy/limits.h"
#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

class LimitsTest : public ServerFixture {
protected:
    void SetUp() override {
        ServerFixture::SetUp();
        if (HasFatalFailure()) return;
        secretary = admitted(Role::Secretary, kConference, "Thư ký 1");
        auto snap = secretary->subscribe(kConference, 0);
        ASSERT_TRUE(snap && std::holds_alternative<proto::Snapshot>(*snap));
        participantId = "p-limits";
        Participant p;
        p.id = participantId;
        p.conferenceId = kConference;
        p.fullName = "Lê Văn Tám";
        ASSERT_TRUE(isAck(secretary->applyOp(kConference, proto::ParticipantAdd{p})));
    }

    static bool isAck(const std::optional<proto::Message>& m) { return m && std::holds_alternative<proto::Ack>(*m); }

    proto::CommentCreate create(const std::string& id, std::string text) const {
        Comment c;
        c.id = id;
        c.conferenceId = kConference;
        c.participantId = participantId;
        c.kind = CommentKind::Other;
        c.text = std::move(text);
        return proto::CommentCreate{c};
    }

    std::unique_ptr<TestClient> secretary;
    std::string participantId;
};

TEST_F(LimitsTest, MalformedFrameGetsErrorAndConnectionStaysOpen) {
    ASSERT_TRUE(secretary->sendText("{\"v\":1,\"type\":\"op\",\"body\":"));
    auto error = secretary->receiveType<proto::Error>();
    ASSERT_TRUE(error) << "no error for a malformed frame";
    EXPECT_EQ(error->code, proto::ErrorCode::MalformedJson);
    EXPECT_FALSE(error->message.empty());

    ASSERT_TRUE(secretary->sendText(R"({"v":1,"type":"op","body":{"client_seq":"x"}})"));
    error = secretary->receiveType<proto::Error>();
    ASSERT_TRUE(error);
    EXPECT_NE(error->code, proto::ErrorCode::Internal);

    EXPECT_TRUE(isAck(secretary->applyOp(kConference, create("c-after-malformed", "Vẫn làm việc bình thường"))));
}

TEST_F(LimitsTest, OversizedFrameClosesWith1009WhileOthersKeepWorking) {
    auto chair = admitted(Role::Chair, kConference, "Chủ trì");
    auto snap = chair->subscribe(kConference, 0);
    ASSERT_TRUE(snap && std::holds_alternative<proto::Snapshot>(*snap));

    auto intruder = admitted(Role::Secretary, kConference, "Thư ký 2");
    const std::string huge = proto::encode(proto::OpRequest{intruder->deviceId, 1, kConference,
                                                            create("c-huge", std::string(proto::kMaxFrameBytes, 'a'))});
    ASSERT_GT(huge.size(), proto::kMaxFrameBytes);
    intruder->sendText(huge);
    EXPECT_FALSE(intruder->receive()) << "the connection should be closed";
    EXPECT_EQ(intruder->closeCode(), 1009);

    const auto ack = secretary->applyOp(kConference, create("c-still", "Các máy khác vẫn hoạt động"));
    ASSERT_TRUE(isAck(ack));
    const auto seq = std::get<proto::Ack>(*ack).serverSeq;
    auto events = chair->receiveType<proto::Events>([&](const proto::Events& e) { return e.head >= seq; });
    ASSERT_TRUE(events) << "the chair stopped receiving events";
}

TEST_F(LimitsTest, ClientThatNeverReadsIsDroppedWithoutBlockingOthers) {
    auto sleeper = admitted(Role::Chair, kConference, "Máy ngủ");
    auto snap = sleeper->subscribe(kConference, 0);
    ASSERT_TRUE(snap && std::holds_alternative<proto::Snapshot>(*snap));
    // From here the sleeper reads nothing. 400 events of ~120 KB (a comment at its length limit
    // of 20,000 three-byte letters, carried by the op and the comment) are far more than the
    // socket buffers plus the 4 MiB queue cap.
    std::string big;
    for (std::size_t i = 0; i < limits::kCommentText; ++i) big += "ệ";
    std::int64_t lastSeq = 0;
    for (int i = 0; i < 400; ++i) {
        const auto ack = secretary->applyOp(kConference, create("c-big-" + std::to_string(i), big));
        ASSERT_TRUE(isAck(ack)) << "op " << i << " not acknowledged: "
                                << (ack ? proto::encode(*ack).substr(0, 300) : std::string("nothing"));
        lastSeq = std::get<proto::Ack>(*ack).serverSeq;
    }
    // The active client got every event.
    auto events = secretary->receiveType<proto::Events>([&](const proto::Events& e) { return e.head >= lastSeq; });
    ASSERT_TRUE(events);
    // The sleeper finds its connection closed once it looks: whatever was buffered, then the end.
    bool ended = false;
    for (int i = 0; i < 200 && !ended; ++i) ended = !sleeper->receive();
    EXPECT_TRUE(ended);
    EXPECT_TRUE(sleeper->closed());
    EXPECT_FALSE(sleeper->timedOut()) << "the server kept the sleeping client connected";
}

}  // namespace
}  // namespace gopy::test
