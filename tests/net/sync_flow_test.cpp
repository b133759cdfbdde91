// The live path of a conference: admission, secretary operations, typing relay to the chair,
// NFC normalisation, catch-up after a reconnect, exactly-once replay, gaps, roles.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "gopy/text.h"
#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

using proto::Message;

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

// "Đề nghị bổ sung" typed by an input method that sends decomposed (NFD) Vietnamese.
const std::string kNfd = "\xc4\x90" "e\xcc\x82\xcc\x80 nghi\xcc\xa3 bo\xcc\x82\xcc\x89 sung";
const std::string kNfc = "Đề nghị bổ sung";

class SyncFlowTest : public ServerFixture {
protected:
    // Secretary and chair of conference 2, both subscribed; a participant with a started turn.
    void SetUp() override {
        ServerFixture::SetUp();
        if (HasFatalFailure()) return;
        secretary = admitted(Role::Secretary, kConference, "Thư ký 1");
        chair = admitted(Role::Chair, kConference, "Chủ trì");
        ASSERT_FALSE(secretary->deviceId.empty());
        ASSERT_FALSE(chair->deviceId.empty());
        auto snap = secretary->subscribe(kConference, 0);
        ASSERT_TRUE(snap && std::holds_alternative<proto::Snapshot>(*snap)) << "secretary got no snapshot";
        auto chairSnap = chair->subscribe(kConference, 0);
        ASSERT_TRUE(chairSnap && std::holds_alternative<proto::Snapshot>(*chairSnap)) << "chair got no snapshot";
        chairHead = std::get<proto::Snapshot>(*chairSnap).head;

        ASSERT_TRUE(ackOf(secretary->applyOp(kConference, proto::SessionStart{1'700'000'000'000})));
        Participant speaker;
        speaker.id = "p-net-1";
        speaker.conferenceId = kConference;
        speaker.fullName = "Nguyễn Thị Hằng";
        speaker.title = "Hiệu trưởng Trường THPT Phan Đình Phùng";
        ASSERT_TRUE(ackOf(secretary->applyOp(kConference, proto::ParticipantAdd{speaker})));
        ASSERT_TRUE(ackOf(secretary->applyOp(kConference, proto::QueueAdd{"t-net-1", "p-net-1", 1.0})));
        ASSERT_TRUE(ackOf(secretary->applyOp(kConference, proto::TurnStart{"t-net-1", 1'700'000'060'000})));
    }

    Comment comment(const std::string& id, const std::string& text) const {
        Comment c;
        c.id = id;
        c.conferenceId = kConference;
        c.participantId = "p-net-1";
        c.turnId = "t-net-1";
        c.kind = CommentKind::Addition;
        c.text = text;
        return c;
    }

    // Waits until the chair has received an event with the given seq; returns it.
    std::optional<proto::Event> chairEvent(std::int64_t seq) {
        for (;;) {
            auto events = chair->receiveType<proto::Events>();
            if (!events) return std::nullopt;
            for (auto& event : events->events) {
                if (event.seq == seq) return event;
            }
        }
    }

    std::unique_ptr<TestClient> secretary;
    std::unique_ptr<TestClient> chair;
    std::int64_t chairHead = 0;
};

TEST_F(SyncFlowTest, ChairSeesTypingDraftsAndCommittedRevisions) {
    // Drafts are relayed live, with the typist's device name, without touching the database.
    secretary->send(proto::Typing{kConference, "c-net-1", 0, "p-net-1", "Đề nghị", "", false});
    auto draft = chair->receiveType<proto::Typing>();
    ASSERT_TRUE(draft) << "chair received no typing draft";
    EXPECT_EQ(draft->text, "Đề nghị");
    EXPECT_EQ(draft->deviceName, "Thư ký 1");
    EXPECT_EQ(draft->commentId, "c-net-1");
    secretary->send(proto::Typing{kConference, "c-net-1", 0, "p-net-1", "Đề nghị bổ sung nội dung", "", false});
    draft = chair->receiveType<proto::Typing>();
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->text, "Đề nghị bổ sung nội dung");

    const auto created = secretary->applyOp(kConference, proto::CommentCreate{comment("c-net-1", "Đề nghị bổ sung nội dung về chuyển đổi số")});
    const auto createAck = ackOf(created);
    ASSERT_TRUE(createAck) << "comment.create not acknowledged";
    EXPECT_FALSE(createAck->duplicate);
    auto event = chairEvent(createAck->serverSeq);
    ASSERT_TRUE(event) << "chair did not receive the comment.create event";
    ASSERT_TRUE(event->comment);
    EXPECT_EQ(event->comment->text, "Đề nghị bổ sung nội dung về chuyển đổi số");
    EXPECT_EQ(event->comment->rev, 1);
    EXPECT_TRUE(std::holds_alternative<proto::CommentCreate>(event->op));

    proto::CommentUpdate update;
    update.commentId = "c-net-1";
    update.baseRev = 1;
    update.text = "Đề nghị bổ sung nội dung về chuyển đổi số trong cải cách hành chính";
    update.kind = CommentKind::Addition;
    const auto updateAck = ackOf(secretary->applyOp(kConference, update));
    ASSERT_TRUE(updateAck) << "comment.update not acknowledged";
    EXPECT_GT(updateAck->serverSeq, createAck->serverSeq);
    event = chairEvent(updateAck->serverSeq);
    ASSERT_TRUE(event && event->comment);
    EXPECT_EQ(event->comment->rev, 2);
    EXPECT_EQ(event->comment->text, update.text);
}

TEST_F(SyncFlowTest, DecomposedVietnameseArrivesComposed) {
    ASSERT_NE(kNfd, kNfc);
    ASSERT_EQ(text::nfc(kNfd), kNfc);
    // Typing drafts and stored comments are both normalised by the server's decoder.
    ASSERT_TRUE(secretary->sendText(proto::encode(proto::Typing{kConference, "c-nfd", 0, "p-net-1", kNfd, "", false})));
    auto draft = chair->receiveType<proto::Typing>();
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->text, kNfc);

    const std::string raw = proto::encode(proto::OpRequest{secretary->deviceId, secretary->nextSeq, kConference,
                                                           proto::CommentCreate{comment("c-nfd", kNfd)}});
    ASSERT_NE(raw.find("e\xcc\x82\xcc\x80"), std::string::npos) << "the frame must carry NFD bytes";
    ASSERT_TRUE(secretary->sendText(raw));
    const std::int64_t seq = secretary->nextSeq++;
    auto ack = secretary->receiveType<proto::Ack>([&](const proto::Ack& a) { return a.clientSeq == seq; });
    ASSERT_TRUE(ack);
    auto event = chairEvent(ack->serverSeq);
    ASSERT_TRUE(event && event->comment);
    EXPECT_EQ(event->comment->text, kNfc);

    proto::CommentUpdate update;
    update.commentId = "c-nfd";
    update.baseRev = 1;
    update.text = kNfd + " cho Phần II";
    update.kind = CommentKind::Addition;
    const auto updateAck = ackOf(secretary->applyOp(kConference, update));
    ASSERT_TRUE(updateAck);
    event = chairEvent(updateAck->serverSeq);
    ASSERT_TRUE(event && event->comment);
    EXPECT_EQ(event->comment->text, kNfc + " cho Phần II");
}

TEST_F(SyncFlowTest, ReconnectSinceGetsExactlyTheMissedOperations) {
    const std::string chairToken = chair->token;
    // Everything so far has reached the chair: drain up to the last acked op.
    const auto last = ackOf(secretary->applyOp(kConference, proto::CommentCreate{comment("c-before", "Nhất trí với dự thảo")}));
    ASSERT_TRUE(last);
    ASSERT_TRUE(chairEvent(last->serverSeq));
    const std::int64_t heldSeq = last->serverSeq;
    chair.reset();  // the chair's tablet drops off the Wi-Fi

    std::vector<std::int64_t> missed;
    for (int i = 0; i < 3; ++i) {
        const auto ack = ackOf(secretary->applyOp(
            kConference, proto::CommentCreate{comment("c-missed-" + std::to_string(i), "Ý kiến thứ " + std::to_string(i + 1))}));
        ASSERT_TRUE(ack);
        missed.push_back(ack->serverSeq);
    }

    chair = std::make_unique<TestClient>(port());
    ASSERT_TRUE(chair->hello(chairToken)) << "hello with the saved token failed";
    auto answer = chair->subscribe(kConference, heldSeq);
    ASSERT_TRUE(answer);
    ASSERT_TRUE(std::holds_alternative<proto::Events>(*answer)) << "expected a catch-up batch";
    const auto& events = std::get<proto::Events>(*answer);
    std::vector<std::int64_t> got;
    for (const auto& event : events.events) got.push_back(event.seq);
    EXPECT_EQ(got, missed) << "not exactly the missed operations";
    EXPECT_EQ(events.head, missed.back());

    // And the live stream continues right after the catch-up, without a duplicate.
    const auto next = ackOf(secretary->applyOp(kConference, proto::CommentCreate{comment("c-after", "Kiến nghị")}));
    ASSERT_TRUE(next);
    auto live = chair->receiveType<proto::Events>();
    ASSERT_TRUE(live);
    ASSERT_EQ(live->events.size(), 1u);
    EXPECT_EQ(live->events[0].seq, next->serverSeq);
}

TEST_F(SyncFlowTest, ReplayedOperationIsAppliedOnce) {
    const std::int64_t seq = secretary->nextSeq;
    proto::OpRequest op{secretary->deviceId, seq, kConference, proto::CommentCreate{comment("c-once", "Bổ sung một lần")}};
    secretary->send(op);
    secretary->nextSeq++;
    auto first = secretary->receiveType<proto::Ack>([&](const proto::Ack& a) { return a.clientSeq == seq; });
    ASSERT_TRUE(first);
    EXPECT_FALSE(first->duplicate);

    secretary->send(op);  // the outbox resends after a lost ack
    auto second = secretary->receiveType<proto::Ack>([&](const proto::Ack& a) { return a.clientSeq == seq; });
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->duplicate);
    EXPECT_EQ(second->serverSeq, first->serverSeq);

    secretary->send(proto::Subscribe{kConference, 0});
    auto snapshot = secretary->receiveType<proto::Snapshot>();
    ASSERT_TRUE(snapshot);
    const auto& comments = snapshot->comments;
    EXPECT_EQ(std::count_if(comments.begin(), comments.end(), [](const Comment& c) { return c.id == "c-once"; }), 1);
}

TEST_F(SyncFlowTest, GapIsRefusedWithTheExpectedSequence) {
    const std::int64_t expected = secretary->nextSeq;
    secretary->send(proto::OpRequest{secretary->deviceId, expected + 1, kConference,
                                     proto::CommentCreate{comment("c-gap", "Vượt thứ tự")}});
    auto nack = secretary->receiveType<proto::Nack>();
    ASSERT_TRUE(nack) << "no nack for a gap";
    EXPECT_EQ(nack->code, proto::ErrorCode::Gap);
    EXPECT_EQ(nack->expectedSeq, expected);
    // The right sequence is still accepted.
    EXPECT_TRUE(ackOf(secretary->applyOp(kConference, proto::CommentCreate{comment("c-gap", "Đúng thứ tự")})));
}

TEST_F(SyncFlowTest, ChairMayNotCreateComments) {
    const auto answer = chair->applyOp(kConference, proto::CommentCreate{comment("c-chair", "Chủ trì tự ghi")});
    const auto nack = nackOf(answer);
    ASSERT_TRUE(nack) << "chair's comment.create was not refused";
    EXPECT_EQ(nack->code, proto::ErrorCode::Forbidden);
}

TEST_F(SyncFlowTest, ChairMayNotSendTypingDrafts) {
    chair->send(proto::Typing{kConference, "c-x", 0, "p-net-1", "Không được", "", false});
    auto error = chair->receiveType<proto::Error>();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, proto::ErrorCode::Forbidden);
}

TEST_F(ServerFixture, WrongCodesGetBadCodeThenLocked) {
    TestClient client(port());
    ASSERT_TRUE(client.connected());
    for (int attempt = 1; attempt <= 5; ++attempt) {
        ASSERT_FALSE(client.admit("ZZZZ-ZZZZ", "Máy lạ"));
        auto error = client.receiveType<proto::Error>();
        ASSERT_TRUE(error) << "attempt " << attempt;
        EXPECT_EQ(error->code, proto::ErrorCode::BadCode) << "attempt " << attempt;
    }
    // Even a right code is refused now from this address.
    ASSERT_FALSE(client.admit(admissionCode(Role::Secretary, kConference), "Máy lạ"));
    auto error = client.receiveType<proto::Error>();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, proto::ErrorCode::Locked);
}

TEST_F(ServerFixture, MessagesBeforeAdmissionAreUnauthenticated) {
    TestClient client(port());
    ASSERT_TRUE(client.connected());
    client.send(proto::Subscribe{kConference, 0});
    auto error = client.receiveType<proto::Error>();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, proto::ErrorCode::Unauthenticated);
    client.send(proto::OpRequest{"d-0000000000000000", 1, kConference, proto::SessionStart{1}});
    error = client.receiveType<proto::Error>();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, proto::ErrorCode::Unauthenticated);
    EXPECT_FALSE(client.hello("not-a-token"));
    error = client.receiveType<proto::Error>();
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, proto::ErrorCode::Unauthenticated);
}

TEST_F(ServerFixture, RevokedDeviceIsDisconnected) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký bị thu hồi");
    ASSERT_TRUE(secretary->connected());
    const std::string id = secretary->deviceId;
    server_->withEngine([&](server::Engine& engine) { engine.revokeDevice(id); });
    auto error = secretary->receiveType<proto::Error>();
    ASSERT_TRUE(error) << "no revocation notice";
    EXPECT_EQ(error->code, proto::ErrorCode::Revoked);
    EXPECT_FALSE(secretary->receive());
    EXPECT_TRUE(secretary->closed());
    // The token no longer opens a session.
    TestClient again(port());
    EXPECT_FALSE(again.hello(secretary->token));
}

}  // namespace
}  // namespace gopy::test
