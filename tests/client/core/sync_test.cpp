// Two Apps against the real gopy-server on loopback: admission, live typing, comments, and
// the offline path (server killed, edit kept in the outbox, App destroyed, server and a new
// App started on the same data folder: the comment arrives exactly once).
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

class SyncTest : public DemoServerTest {
protected:
    static int countComment(const App& app, const std::string& id)
    {
        int n = 0;
        for (const Comment& c : app.confirmed().comments)
            n += c.id == id ? 1 : 0;
        return n;
    }
};

}  // namespace

TEST_F(SyncTest, SecretaryCommentReachesChairWithLiveDraft)
{
    auto secretary = admitted("secretary", "secretary", "Thư ký 1");
    auto chair = admitted("chair", "chair", "Chủ trì");
    ASSERT_FALSE(HasFailure());

    // A speaker added on the spot, queued and started.
    const QString speaker = secretary->addParticipant(QStringLiteral("Đỗ Thị Hồng Nhung"),
                                                      QStringLiteral("nguyên Phó Chủ tịch UBND quận"),
                                                      QStringLiteral("UBND quận Ba Đình"), QStringLiteral("Nguyên lãnh đạo"));
    ASSERT_FALSE(speaker.isEmpty()) << secretary->lastError().toStdString();
    const QString turn = secretary->enqueue(speaker);
    secretary->startTurn(turn);
    ASSERT_TRUE(QTest::qWaitFor([&] { return chair->currentTurnId() == turn; }, kWaitMs));
    EXPECT_EQ(chair->currentSpeakerName(), QStringLiteral("Đỗ Thị Hồng Nhung"));

    // The chair sees the words as they are typed.
    secretary->sendTyping(QString(), speaker, QStringLiteral("Đồng chí đề nghị làm rõ"));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return chair->liveDrafts()->rowCount() == 1 &&
               chair->liveDrafts()->data(chair->liveDrafts()->index(0), LiveDraftModel::TextRole).toString() ==
                   QStringLiteral("Đồng chí đề nghị làm rõ");
    }, kWaitMs));
    EXPECT_EQ(chair->liveDrafts()->data(chair->liveDrafts()->index(0), LiveDraftModel::DeviceNameRole).toString(),
              QStringLiteral("Thư ký 1"));
    EXPECT_EQ(chair->liveDrafts()->data(chair->liveDrafts()->index(0), LiveDraftModel::SpeakerNameRole).toString(),
              QStringLiteral("Đỗ Thị Hồng Nhung"));

    const QString section = secretary->outline()->data(secretary->outline()->index(1), OutlineModel::CodeRole).toString();
    const QString id = secretary->createComment(speaker, turn, QStringLiteral("Đồng chí đề nghị làm rõ chỉ tiêu chuyển đổi số"),
                                                {section}, QStringLiteral("amendment"),
                                                QStringLiteral("“đến năm 2030 hoàn thành chuyển đổi số”"),
                                                QStringLiteral("Phần I, mục 1, đoạn 2"), false);
    ASSERT_FALSE(id.isEmpty()) << secretary->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return secretary->unsentCount() == 0; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return chair->comments()->indexOf(id) >= 0; }, kWaitMs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return chair->liveDrafts()->rowCount() == 0; }, kWaitMs))
        << "saving clears the live draft";
    const int row = chair->comments()->indexOf(id);
    EXPECT_EQ(chair->comments()->data(chair->comments()->index(row), CommentModel::ProposedWordingRole).toString(),
              QStringLiteral("“đến năm 2030 hoàn thành chuyển đổi số”"));
    EXPECT_EQ(chair->comments()->data(chair->comments()->index(row), CommentModel::KindLabelRole).toString().isEmpty(), false);
    EXPECT_FALSE(secretary->comments()->data(secretary->comments()->index(secretary->comments()->indexOf(id)),
                                             CommentModel::PendingRole).toBool());

    // The chair flags it; the secretary sees the flag.
    chair->flagComment(id, true);
    ASSERT_TRUE(QTest::qWaitFor([&] { return secretary->flagged()->indexOf(id) >= 0; }, kWaitMs));
    EXPECT_EQ(countComment(*chair, id.toStdString()), 1);
}

TEST_F(SyncTest, ConcurrentEditsKeepBothTexts)
{
    auto first = admitted("secretary1", "secretary", "Thư ký 1");
    auto second = admitted("secretary2", "secretary", "Thư ký 2");
    ASSERT_FALSE(HasFailure());
    const QString speaker = first->participants()->idAt(0);
    ASSERT_FALSE(speaker.isEmpty());
    const QString id = first->createComment(speaker, {}, QStringLiteral("Bản gốc"), {}, QStringLiteral("other"), {}, {}, false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->confirmed().comment(id.toStdString()) != nullptr; }, kWaitMs));
    // Both edit revision 1 before seeing the other's edit.
    first->updateComment(id, QStringLiteral("Bản của thư ký 1"), {}, QStringLiteral("other"), {}, {}, false);
    second->updateComment(id, QStringLiteral("Bản của thư ký 2"), {}, QStringLiteral("other"), {}, {}, false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return first->conflicts()->rowCount() == 1 && second->conflicts()->rowCount() == 1 &&
                                             first->unsentCount() == 0 && second->unsentCount() == 0; }, kWaitMs));
    const QString current = first->conflicts()->data(first->conflicts()->index(0), ConflictModel::CurrentTextRole).toString();
    const QString theirs = first->conflicts()->data(first->conflicts()->index(0), ConflictModel::TheirTextRole).toString();
    const QSet<QString> texts{current, theirs};
    EXPECT_EQ(texts, (QSet<QString>{QStringLiteral("Bản của thư ký 1"), QStringLiteral("Bản của thư ký 2")}))
        << "neither edit is dropped";
    second->resolveConflict(id, QStringLiteral("Bản hợp nhất của hai thư ký"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return first->conflicts()->rowCount() == 0 &&
                                             first->confirmed().comment(id.toStdString())->text == "Bản hợp nhất của hai thư ký"; },
                                kWaitMs));
}

TEST_F(SyncTest, OfflineCommentArrivesExactlyOnceAfterRestart)
{
    auto chair = admitted("chair", "chair", "Chủ trì");
    QString id;
    {
        auto secretary = admitted("secretary", "secretary", "Thư ký 1");
        ASSERT_FALSE(HasFailure());
        const QString speaker = secretary->participants()->idAt(0);
        ASSERT_FALSE(speaker.isEmpty());

        server->kill();
        ASSERT_TRUE(QTest::qWaitFor([&] { return secretary->connectionState() != App::Connected; }, kWaitMs));
        id = secretary->createComment(speaker, {}, QStringLiteral("Ý kiến ghi khi mất kết nối"), {},
                                      QStringLiteral("recommendation"), {}, {}, true);
        ASSERT_FALSE(id.isEmpty()) << secretary->lastError().toStdString();
        EXPECT_EQ(secretary->unsentCount(), 1);
        EXPECT_GE(secretary->comments()->indexOf(id), 0) << "shown while offline";
        EXPECT_NE(secretary->connectionState(), App::Connected);
        // The secretary's App goes away with its work unsent (like a killed client).
    }
    ASSERT_TRUE(server->start()) << server->lastOutput().toStdString();
    App secretary(root.filePath("secretary"));
    EXPECT_EQ(secretary.unsentCount(), 1);
    EXPECT_GE(secretary.comments()->indexOf(id), 0);
    // The port changed with the restart; the token is still valid.
    secretary.connectTo(server->address());
    chair->connectTo(server->address());
    ASSERT_TRUE(QTest::qWaitFor([&] { return secretary.unsentCount() == 0; }, kWaitMs)) << secretary.lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return countComment(*chair, id.toStdString()) == 1; }, kWaitMs));
    EXPECT_EQ(countComment(secretary, id.toStdString()), 1);

    // A device that has never seen this conference gets it once in its snapshot.
    auto late = admitted("late", "chair", "Màn hình hội trường");
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(countComment(*late, id.toStdString()), 1);
    EXPECT_TRUE(late->confirmed().comment(id.toStdString())->written);
}

// Ending the session writes the meeting's synthesis; the secretary's and the delegate's
// clients learn of it without reconnecting: the secretary sees it to release, the delegate
// once it is released.
TEST_F(SyncTest, SessionEndReportReachesTheDevicesAndItsReleaseTheDelegate)
{
    auto secretary = admitted("secretary", "secretary", "Thư ký 1");
    auto delegate = admitted("delegate", "delegate", "Đại biểu");
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(secretary->reports()->rowCount(), 0);
    secretary->startSession();
    ASSERT_FALSE(secretary->confirmed().participants.empty());
    const QString speaker = QString::fromStdString(secretary->confirmed().participants.front().id);
    const QString id = secretary->createComment(speaker, QString(), QStringLiteral("Tán thành với Dự thảo."),
                                                {QStringLiteral("I")}, QStringLiteral("agreement"),
                                                QString(), QString(), false);
    ASSERT_FALSE(id.isEmpty()) << secretary->lastError().toStdString();
    secretary->endSession();
    ASSERT_TRUE(QTest::qWaitFor([&] { return secretary->reports()->rowCount() == 1; }, kWaitMs))
        << "the new report did not reach the secretary";
    EXPECT_EQ(secretary->connectionState(), App::Connected);
    EXPECT_EQ(delegate->reports()->rowCount(), 0) << "not released yet";
    const ReportRow row = secretary->reports()->rows().front();
    EXPECT_FALSE(row.report.released);
    secretary->releaseReport(static_cast<int>(row.report.id));
    ASSERT_TRUE(QTest::qWaitFor([&] { return delegate->reports()->rowCount() == 1; }, kWaitMs))
        << "the released report did not reach the delegate";
    EXPECT_EQ(countComment(*delegate, id.toStdString()), 1);
}

// A tablet whose data folder was restored from an older copy sends its next comment with a
// client seq the server already holds for another op. Before, the server took it for a
// duplicate and the comment never existed ("saved" on screen, gone). Now the server refuses
// it `seq_reused` and the client renumbers its unsent ops and sends them again: both comments
// exist, and the secretary is told why.
TEST_F(SyncTest, ARestoredFolderWhoseCounterWentBackLosesNothing)
{
    auto chair = admitted("chair", "chair", "Chủ trì");
    QString speaker;
    {
        auto secretary = admitted("secretary", "secretary", "Thư ký 1");
        ASSERT_FALSE(HasFailure());
        speaker = secretary->participants()->idAt(0);
    }
    // The backup, taken before anything was typed.
    const QString folder = root.filePath("secretary");
    const QString backup = root.filePath("secretary-backup");
    QDir().mkpath(backup);
    for (const QString& name : QDir(folder).entryList(QDir::Files))
        ASSERT_TRUE(QFile::copy(folder + "/" + name, backup + "/" + name)) << name.toStdString();
    QString first;
    {
        App secretary(folder);
        secretary.connectTo(server->address());
        ASSERT_TRUE(QTest::qWaitFor([&] { return secretary.connectionState() == App::Connected; }, kWaitMs));
        first = secretary.createComment(speaker, {}, QStringLiteral("Ý kiến trước khi khôi phục"), {},
                                        QStringLiteral("addition"), {}, {}, false);
        ASSERT_FALSE(first.isEmpty()) << secretary.lastError().toStdString();
        ASSERT_TRUE(QTest::qWaitFor([&] { return secretary.unsentCount() == 0; }, kWaitMs));
    }
    // The folder is restored from the backup: the device's counter is back where it was.
    for (const QString& name : QDir(folder).entryList(QDir::Files)) QFile::remove(folder + "/" + name);
    for (const QString& name : QDir(backup).entryList(QDir::Files))
        ASSERT_TRUE(QFile::copy(backup + "/" + name, folder + "/" + name));
    App restored(folder);
    restored.connectTo(server->address());
    ASSERT_TRUE(QTest::qWaitFor([&] { return restored.connectionState() == App::Connected; }, kWaitMs));
    const QString second = restored.createComment(speaker, {}, QStringLiteral("Ý kiến sau khi khôi phục"), {},
                                                  QStringLiteral("recommendation"), {}, {}, false);
    ASSERT_FALSE(second.isEmpty()) << restored.lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return restored.unsentCount() == 0; }, kWaitMs))
        << restored.lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return countComment(*chair, second.toStdString()) == 1; }, kWaitMs))
        << "the comment typed after the restore reached the server";
    EXPECT_EQ(countComment(*chair, first.toStdString()), 1);
    EXPECT_TRUE(restored.lastError().contains(QStringLiteral("Bộ đếm của thiết bị này bị lùi")))
        << restored.lastError().toStdString();
}
