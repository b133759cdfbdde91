// The durable outbox and the device's other tables on a real SQLite file.
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "client/core/device_settings.h"
#include "client/core/local_database.h"
#include "client/core/outbox.h"
#include "client/core/snapshot_cache.h"

using namespace gopy;
using namespace gopy::client;

namespace {

struct OutboxTest : ::testing::Test {
    QTemporaryDir dir;
    std::string path() const { return dir.filePath("client.db").toStdString(); }
};

proto::Operation comment(const std::string& id, const std::string& text)
{
    Comment c;
    c.id = id;
    c.participantId = "p1";
    c.kind = CommentKind::Addition;
    c.text = text;
    return proto::CommentCreate{c};
}

}  // namespace

TEST_F(OutboxTest, UsesWalWithFullSync)
{
    LocalDatabase db(path());
    EXPECT_EQ(db.pragmaText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(db.pragmaInt("PRAGMA synchronous"), 2) << "synchronous must be FULL";
}

TEST_F(OutboxTest, AssignsConsecutiveSequenceNumbersFromOne)
{
    LocalDatabase db(path());
    Outbox outbox(db);
    outbox.setClient("device-1");
    EXPECT_EQ(outbox.nextSeq(), 1);
    auto a = outbox.append(2, proto::SessionStart{1000}, 1);
    auto b = outbox.append(2, comment("c1", "Đồng tình"), 2);
    auto c = outbox.append(2, proto::SessionEnd{2000}, 3);
    EXPECT_EQ(a.clientSeq, 1);
    EXPECT_EQ(b.clientSeq, 2);
    EXPECT_EQ(c.clientSeq, 3);
    EXPECT_EQ(b.request.clientId, "device-1");
    EXPECT_EQ(b.request.conferenceId, 2);
    EXPECT_EQ(outbox.size(), 3);
}

TEST_F(OutboxTest, SurvivesReopenInOrderWithTheSameContent)
{
    {
        LocalDatabase db(path());
        Outbox outbox(db);
        outbox.setClient("device-1");
        outbox.append(2, comment("c1", "Bổ sung nội dung về chuyển đổi số"), 10);
        outbox.append(2, comment("c2", "Đề nghị bỏ cụm từ “cơ bản”"), 11);
        outbox.append(3, proto::HeadCount{42}, 12);
    }
    LocalDatabase db(path());
    Outbox outbox(db);
    const auto pending = outbox.pending();
    ASSERT_EQ(pending.size(), 3u);
    EXPECT_EQ(pending[0].clientSeq, 1);
    EXPECT_EQ(pending[1].clientSeq, 2);
    EXPECT_EQ(pending[2].clientSeq, 3);
    EXPECT_EQ(pending[0].request.op, comment("c1", "Bổ sung nội dung về chuyển đổi số"));
    EXPECT_EQ(pending[1].request.op, comment("c2", "Đề nghị bỏ cụm từ “cơ bản”"));
    EXPECT_EQ(pending[2].request.op, proto::Operation(proto::HeadCount{42}));
    EXPECT_EQ(pending[2].request.conferenceId, 3);
    EXPECT_EQ(pending[1].createdAt, 11);
    EXPECT_EQ(outbox.clientId(), "device-1");
    EXPECT_EQ(outbox.nextSeq(), 4);
}

TEST_F(OutboxTest, RemovalOnAckKeepsTheCounterMonotonic)
{
    LocalDatabase db(path());
    Outbox outbox(db);
    outbox.setClient("device-1");
    for (int i = 0; i < 3; ++i)
        outbox.append(1, proto::HeadCount{i}, i);
    EXPECT_TRUE(outbox.remove(1));
    EXPECT_FALSE(outbox.remove(1)) << "a duplicate ack removes nothing";
    EXPECT_TRUE(outbox.remove(2));
    EXPECT_TRUE(outbox.remove(3));
    EXPECT_EQ(outbox.size(), 0);
    // Sequence numbers are never reused, or the server would take new work for duplicates.
    EXPECT_EQ(outbox.append(1, proto::HeadCount{9}, 9).clientSeq, 4);
}

TEST_F(OutboxTest, CounterSurvivesReopenAfterTheOutboxEmptied)
{
    {
        LocalDatabase db(path());
        Outbox outbox(db);
        outbox.setClient("device-1");
        outbox.append(1, proto::HeadCount{1}, 1);
        outbox.append(1, proto::HeadCount{2}, 2);
        outbox.remove(1);
        outbox.remove(2);
    }
    LocalDatabase db(path());
    Outbox outbox(db);
    EXPECT_EQ(outbox.append(1, proto::HeadCount{3}, 3).clientSeq, 3);
}

TEST_F(OutboxTest, RemovesOutOfOrderAndDrainsTheRestInOrder)
{
    LocalDatabase db(path());
    Outbox outbox(db);
    outbox.setClient("device-1");
    for (int i = 0; i < 5; ++i)
        outbox.append(1, proto::HeadCount{i}, i);
    outbox.remove(2);
    outbox.remove(4);
    const auto pending = outbox.pending();
    ASSERT_EQ(pending.size(), 3u);
    EXPECT_EQ(pending[0].clientSeq, 1);
    EXPECT_EQ(pending[1].clientSeq, 3);
    EXPECT_EQ(pending[2].clientSeq, 5);
}

TEST_F(OutboxTest, NewDeviceIdRenumbersUnsentWorkFromOne)
{
    LocalDatabase db(path());
    Outbox outbox(db);
    outbox.setClient("old-device");
    for (int i = 0; i < 4; ++i)
        outbox.append(1, proto::HeadCount{i}, i);
    outbox.remove(1);
    outbox.remove(2);
    outbox.setClient("new-device");
    const auto pending = outbox.pending();
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].clientSeq, 1);
    EXPECT_EQ(pending[0].request.clientId, "new-device");
    EXPECT_EQ(pending[0].request.op, proto::Operation(proto::HeadCount{2}));
    EXPECT_EQ(pending[1].clientSeq, 2);
    EXPECT_EQ(pending[1].request.op, proto::Operation(proto::HeadCount{3}));
    EXPECT_EQ(outbox.nextSeq(), 3);
}

TEST_F(OutboxTest, RenumberFromWhatTheServerExpects)
{
    LocalDatabase db(path());
    Outbox outbox(db);
    outbox.setClient("device-1");
    for (int i = 0; i < 6; ++i)
        outbox.append(1, proto::HeadCount{i}, i);
    for (int seq = 1; seq <= 4; ++seq)
        outbox.remove(seq);
    outbox.renumberFrom(2);
    const auto pending = outbox.pending();
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].clientSeq, 2);
    EXPECT_EQ(pending[1].clientSeq, 3);
    EXPECT_EQ(outbox.nextSeq(), 4);
}

TEST_F(OutboxTest, DeviceSettingsPersistTokenAndWelcomeWithoutToken)
{
    proto::Welcome welcome;
    welcome.deviceId = "d1";
    welcome.deviceName = "Máy tính bảng thư ký 1";
    welcome.role = Role::Secretary;
    welcome.token = "secret-token";
    welcome.campaign.title = "Lấy ý kiến góp ý Dự thảo Báo cáo chính trị";
    welcome.sections = {Section{"I", "", 1, 1, "Phần I", "Đánh giá"}};
    {
        LocalDatabase db(path());
        DeviceSettings settings(db);
        settings.setServerAddress("127.0.0.1:8080");
        settings.setToken(welcome.token);
        settings.setWelcome(welcome);
        settings.setSelectedConference(2);
    }
    LocalDatabase db(path());
    DeviceSettings settings(db);
    EXPECT_EQ(settings.serverAddress(), "127.0.0.1:8080");
    EXPECT_EQ(settings.token(), "secret-token");
    EXPECT_EQ(settings.selectedConference(), 2);
    auto stored = settings.welcome();
    ASSERT_TRUE(stored.has_value());
    EXPECT_TRUE(stored->token.empty()) << "the token is kept under its own key only";
    welcome.token.clear();
    EXPECT_EQ(*stored, welcome);
    settings.forgetDevice();
    EXPECT_TRUE(settings.token().empty());
    EXPECT_FALSE(settings.welcome().has_value());
    EXPECT_EQ(settings.serverAddress(), "127.0.0.1:8080");
}

TEST_F(OutboxTest, SnapshotCacheRoundTrip)
{
    proto::Snapshot snapshot;
    snapshot.head = 17;
    snapshot.conference.id = 2;
    snapshot.conference.title = "Hội nghị lấy ý kiến cán bộ lão thành cách mạng";
    Participant p;
    p.id = "p1";
    p.conferenceId = 2;
    p.fullName = "Nguyễn Văn An";
    snapshot.participants.push_back(p);
    LocalDatabase db(path());
    SnapshotCache cache(db);
    EXPECT_FALSE(cache.load(2).has_value());
    cache.save(snapshot);
    auto loaded = cache.load(2);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(*loaded, snapshot);
    cache.clear();
    EXPECT_FALSE(cache.load(2).has_value());
}
