// The real gopy-server binary is killed with SIGKILL while a secretary streams operations;
// after a restart every acknowledged operation is there and nothing is applied twice.
#include <csignal>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/net/server_fixture.h"
#include "tests/net/server_process.h"

namespace gopy::test {
namespace {

constexpr std::int64_t kConference = 2;

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

proto::CommentCreate numbered(const std::string& participantId, int n) {
    Comment c;
    c.id = "crash-" + std::to_string(n);
    c.conferenceId = kConference;
    c.participantId = participantId;
    c.kind = CommentKind::Recommendation;
    c.text = "Ý kiến số " + std::to_string(n) + ": đề nghị làm rõ chỉ tiêu giai đoạn 2025–2030";
    return proto::CommentCreate{c};
}

TEST(CrashRestartTest, AcknowledgedOperationsSurviveKillNine) {
    TempDir dir;
    const std::string data = dir.path().string();
    const std::string errLog = (dir.path() / "server-stderr.log").string();
    ASSERT_EQ(runServerCommand({"demo", "--data", data}).exitCode, 0);
    const auto admit = runServerCommand({"admit", "--data", data, "--role", "secretary", "--conference", "2"});
    ASSERT_EQ(admit.exitCode, 0) << admit.err;
    const std::string code = trimmed(admit.out);
    ASSERT_EQ(code.size(), 9u) << "code: " << code;

    constexpr int kTotal = 300;
    std::map<std::int64_t, std::int64_t> acked;  // client seq → server seq
    std::string token;
    std::string participantId;
    {
        ServerProcess server({"serve", "--data", data, "--listen", "127.0.0.1:0", "--insecure"}, errLog);
        const auto port = server.waitListening();
        ASSERT_TRUE(port) << "server did not start: " << server.output();
        TestClient client(*port);
        ASSERT_TRUE(client.connected());
        ASSERT_TRUE(client.admit(code, "Thư ký máy 1"));
        token = client.token;
        auto snapshot = client.subscribe(kConference, 0);
        ASSERT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
        const auto& participants = std::get<proto::Snapshot>(*snapshot).participants;
        ASSERT_FALSE(participants.empty());
        participantId = participants.front().id;

        // First half: all acknowledged before the crash.
        for (int n = 1; n <= kTotal / 2; ++n) client.sendOp(kConference, numbered(participantId, n));
        while (acked.size() < kTotal / 2) {
            auto ack = client.receiveType<proto::Ack>();
            ASSERT_TRUE(ack) << "missing acks: " << acked.size();
            acked[ack->clientSeq] = ack->serverSeq;
        }
        // Second half: kill -9 while acks are still coming in.
        for (int n = kTotal / 2 + 1; n <= kTotal; ++n) client.sendOp(kConference, numbered(participantId, n));
        while (acked.size() < kTotal / 2 + 20) {
            auto ack = client.receiveType<proto::Ack>();
            ASSERT_TRUE(ack);
            acked[ack->clientSeq] = ack->serverSeq;
        }
        server.signal(SIGKILL);
        // Acks that were already on the wire count as acknowledged too.
        while (auto ack = client.receiveType<proto::Ack>({}, std::chrono::seconds(5))) acked[ack->clientSeq] = ack->serverSeq;
        EXPECT_EQ(server.wait(), -1);
    }

    ServerProcess server({"serve", "--data", data, "--listen", "127.0.0.1:0", "--insecure"}, errLog);
    const auto port = server.waitListening();
    ASSERT_TRUE(port) << "server did not restart after kill -9";
    TestClient client(*port);
    ASSERT_TRUE(client.hello(token));
    auto snapshot = client.subscribe(kConference, 0);
    ASSERT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
    std::set<std::string> ids;
    for (const auto& comment : std::get<proto::Snapshot>(*snapshot).comments) {
        if (comment.id.rfind("crash-", 0) != 0) continue;
        EXPECT_TRUE(ids.insert(comment.id).second) << "applied twice: " << comment.id;
    }
    for (const auto& [clientSeq, serverSeq] : acked) {
        EXPECT_TRUE(ids.contains("crash-" + std::to_string(clientSeq))) << "acknowledged op lost: " << clientSeq;
    }

    // The outbox replays everything: acknowledged ops come back as duplicates with their
    // original server seq, the rest is applied now, each exactly once.
    client.nextSeq = 1;
    for (int n = 1; n <= kTotal; ++n) client.sendOp(kConference, numbered(participantId, n));
    int replies = 0;
    while (replies < kTotal) {
        auto reply = client.receive();
        ASSERT_TRUE(reply) << "replay answers: " << replies;
        if (auto* ack = std::get_if<proto::Ack>(&*reply)) {
            ++replies;
            const auto it = acked.find(ack->clientSeq);
            if (it != acked.end()) {
                EXPECT_TRUE(ack->duplicate) << ack->clientSeq;
                EXPECT_EQ(ack->serverSeq, it->second) << ack->clientSeq;
            }
        } else if (auto* nack = std::get_if<proto::Nack>(&*reply)) {
            ADD_FAILURE() << "replay refused: " << nack->clientSeq << " " << nack->message;
            ++replies;
        }
    }
    snapshot = client.subscribe(kConference, 0);
    while (snapshot && !std::holds_alternative<proto::Snapshot>(*snapshot)) snapshot = client.receive();
    ASSERT_TRUE(snapshot);
    ids.clear();
    for (const auto& comment : std::get<proto::Snapshot>(*snapshot).comments) {
        if (comment.id.rfind("crash-", 0) != 0) continue;
        EXPECT_TRUE(ids.insert(comment.id).second) << "applied twice: " << comment.id;
    }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(kTotal));
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(), 0);
}

}  // namespace
}  // namespace gopy::test
