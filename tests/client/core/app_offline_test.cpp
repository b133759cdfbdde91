// The App without a server: edits go to the durable outbox first, are shown at once as
// pending, survive the App being destroyed and come back in a new App on the same data folder.
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "client/core/device_settings.h"
#include "client/core/local_database.h"
#include "client/core/outbox.h"
#include "client/core/snapshot_cache.h"

using namespace gopy;
using namespace gopy::client;

namespace {

// What an admitted secretary's device holds after it last saw the server.
void seedDevice(const QString& dir, Role role)
{
    LocalDatabase db(QDir(dir).filePath("client.db").toStdString());
    DeviceSettings settings(db);
    Outbox outbox(db);
    SnapshotCache cache(db);
    proto::Welcome welcome;
    welcome.deviceId = "device-1";
    welcome.deviceName = "Thư ký 1";
    welcome.role = role;
    welcome.conferenceId = 2;
    welcome.campaign.title = "Lấy ý kiến Dự thảo Báo cáo chính trị";
    welcome.sections = {Section{"I", "", 1, 1, "Phần I", "Đánh giá"},
                        Section{"I.1", "I", 2, 2, "1.", "Phát triển kinh tế"}};
    Conference conference;
    conference.id = 2;
    conference.title = "Hội nghị lấy ý kiến cán bộ lão thành cách mạng";
    welcome.conferences = {conference};
    settings.setToken("token-1");
    settings.setWelcome(welcome);
    settings.setSelectedConference(2);
    outbox.setClient("device-1");
    proto::Snapshot snapshot;
    snapshot.head = 5;
    snapshot.conference = conference;
    Participant p;
    p.id = "p1";
    p.conferenceId = 2;
    p.fullName = "Nguyễn Văn An";
    p.group = "Lão thành cách mạng";
    snapshot.participants = {p};
    cache.save(snapshot);
}

}  // namespace

TEST(AppOfflineTest, EditIsDurableBeforeShownAndSurvivesRestart)
{
    QTemporaryDir dir;
    seedDevice(dir.path(), Role::Secretary);
    QString id;
    {
        App app(dir.path());
        EXPECT_EQ(app.role(), QStringLiteral("secretary"));
        EXPECT_EQ(app.conferenceId(), 2);
        EXPECT_EQ(app.participants()->rowCount(), 1);
        QSignalSpy unsent(&app, &App::unsentCountChanged);
        id = app.createComment(QStringLiteral("p1"), QString(), QStringLiteral("Đề nghị bổ sung chỉ tiêu về chuyển đổi số"),
                               {QStringLiteral("I.1")}, QStringLiteral("addition"), QString(), QString(), false);
        ASSERT_FALSE(id.isEmpty()) << app.lastError().toStdString();
        EXPECT_EQ(app.unsentCount(), 1);
        EXPECT_GE(unsent.count(), 1);
        // On disk before createComment returned, not later.
        {
            LocalDatabase db(QDir(dir.path()).filePath("client.db").toStdString());
            Outbox outbox(db);
            const auto pending = outbox.pending();
            ASSERT_EQ(pending.size(), 1u);
            const auto* create = std::get_if<proto::CommentCreate>(&pending[0].request.op);
            ASSERT_NE(create, nullptr);
            EXPECT_EQ(create->comment.id, id.toStdString());
            EXPECT_EQ(pending[0].clientSeq, 1);
        }
        const int row = app.comments()->indexOf(id);
        ASSERT_GE(row, 0);
        EXPECT_TRUE(app.comments()->data(app.comments()->index(row), CommentModel::PendingRole).toBool());
        EXPECT_EQ(app.sectionSummary()->rowCount(), 1);
    }
    App again(dir.path());
    EXPECT_EQ(again.unsentCount(), 1);
    const int row = again.comments()->indexOf(id);
    ASSERT_GE(row, 0) << "the unsent comment is shown after a restart";
    EXPECT_EQ(again.comments()->data(again.comments()->index(row), CommentModel::TextRole).toString(),
              QStringLiteral("Đề nghị bổ sung chỉ tiêu về chuyển đổi số"));
    // An edit of the unsent comment targets the revision the create will get.
    again.updateComment(id, QStringLiteral("Đề nghị bổ sung chỉ tiêu về chuyển đổi số đến năm 2030"),
                        {QStringLiteral("I.1")}, QStringLiteral("addition"), QString(), QString(), false);
    EXPECT_EQ(again.unsentCount(), 2);
    const auto& pending = again.displayed();
    ASSERT_NE(pending.comment(id.toStdString()), nullptr);
    EXPECT_EQ(pending.comment(id.toStdString())->rev, 2);
}

TEST(AppOfflineTest, RefusesInvalidEditsWithoutWritingTheOutbox)
{
    QTemporaryDir dir;
    seedDevice(dir.path(), Role::Secretary);
    App app(dir.path());
    QSignalSpy errors(&app, &App::error);
    EXPECT_TRUE(app.createComment(QStringLiteral("p1"), {}, QStringLiteral("   "), {}, QStringLiteral("other"), {}, {}, false).isEmpty());
    EXPECT_TRUE(app.createComment(QStringLiteral("nobody"), {}, QStringLiteral("Ý kiến"), {}, QStringLiteral("other"), {}, {}, false).isEmpty());
    EXPECT_TRUE(app.createComment(QStringLiteral("p1"), {}, QStringLiteral("Ý kiến"), {QStringLiteral("IX.9")}, QStringLiteral("other"), {}, {}, false).isEmpty());
    EXPECT_TRUE(app.createComment(QStringLiteral("p1"), {}, QStringLiteral("Ý kiến"), {}, QStringLiteral("khác"), {}, {}, false).isEmpty());
    EXPECT_EQ(errors.count(), 4);
    EXPECT_FALSE(app.lastError().isEmpty());
    // Longer than the limit the server enforces: refused here, before anything is saved, so the
    // server never refuses (and the outbox never drops) what the secretary saw saved.
    EXPECT_TRUE(app.createComment(QStringLiteral("p1"), {}, QString(20'001, QChar(u'ệ')), {}, QStringLiteral("other"), {}, {}, false).isEmpty());
    EXPECT_EQ(app.lastError(), QStringLiteral("Nội dung ý kiến dài 20.001 ký tự, vượt giới hạn 20.000 ký tự; hãy tách thành nhiều ý kiến."));
    EXPECT_TRUE(app.createComment(QStringLiteral("p1"), {}, QStringLiteral("Sửa"), {}, QStringLiteral("amendment"), QString(5'001, QChar(u'w')), {}, false).isEmpty());
    EXPECT_TRUE(app.lastError().startsWith(QStringLiteral("Câu chữ đề xuất dài 5.001 ký tự")));
    EXPECT_FALSE(app.createComment(QStringLiteral("p1"), {}, QString(20'000, QChar(u'ệ')), {}, QStringLiteral("other"), {}, {}, false).isEmpty());
    EXPECT_EQ(app.unsentCount(), 1);
}

TEST(AppOfflineTest, ChairMayOnlyFlag)
{
    QTemporaryDir dir;
    seedDevice(dir.path(), Role::Chair);
    App app(dir.path());
    EXPECT_TRUE(app.createComment(QStringLiteral("p1"), {}, QStringLiteral("Ý kiến"), {}, QStringLiteral("other"), {}, {}, false).isEmpty());
    EXPECT_EQ(app.unsentCount(), 0);
    app.startSession();
    EXPECT_EQ(app.unsentCount(), 0);
    EXPECT_FALSE(app.lastError().isEmpty());
}

TEST(AppOfflineTest, QueueAndSpeakersOffline)
{
    QTemporaryDir dir;
    seedDevice(dir.path(), Role::Secretary);
    App app(dir.path());
    const QString added = app.addParticipant(QStringLiteral("Phạm Thị Dung"), QStringLiteral("nguyên Chủ tịch UBND phường"),
                                             QStringLiteral("Phường Kim Mã"), QStringLiteral("Lão thành cách mạng"));
    ASSERT_FALSE(added.isEmpty());
    EXPECT_EQ(app.participants()->totalCount(), 2);
    const QString first = app.enqueue(QStringLiteral("p1"));
    const QString second = app.enqueue(added);
    ASSERT_FALSE(first.isEmpty());
    ASSERT_FALSE(second.isEmpty());
    app.moveTurn(second, 0);
    EXPECT_EQ(app.queue()->indexOf(second), 0);
    app.nextSpeaker();
    EXPECT_EQ(app.currentTurnId(), second);
    EXPECT_EQ(app.currentSpeakerName(), QStringLiteral("Phạm Thị Dung"));
    app.nextSpeaker();
    EXPECT_EQ(app.currentTurnId(), first);
    EXPECT_EQ(app.queue()->doneCount(), 1);
    // participant.add, 2 × queue.add, queue.move, turn.start, turn.stop + turn.start
    EXPECT_EQ(app.unsentCount(), 7);
}
