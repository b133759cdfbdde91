// A real session loses nothing (issue 11): Apps against the real gopy-server on loopback.
// Two secretaries editing one comment keep both texts (the editor saves against the revision it
// loaded); the synthesis written at session.end is released from the secretary's or the chair's
// client, or by `gopy-server report release` while the server serves, and the delegate's device
// lists it at once and downloads it.
#include <QFile>
#include <QVariantMap>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "client/core/app.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

class SessionSyncTest : public DemoServerTest {
protected:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// `gopy-server ARGS` (the real binary) on the served folder.
    Run cli(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(GOPY_SERVER_BINARY), arguments);
        Run run;
        if (!process.waitForFinished(kWaitMs))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    /// One comment recorded, the session ended: waits until the secretary lists the new synthesis.
    int endedSessionReport(App& secretary)
    {
        secretary.startSession();
        EXPECT_FALSE(secretary.confirmed().participants.empty());
        if (secretary.confirmed().participants.empty())
            return 0;
        const QString speaker = QString::fromStdString(secretary.confirmed().participants.front().id);
        const QString id = secretary.createComment(speaker, QString(), QStringLiteral("Tán thành với Dự thảo."),
                                                   {QStringLiteral("I")}, QStringLiteral("agreement"),
                                                   QString(), QString(), false);
        EXPECT_FALSE(id.isEmpty()) << secretary.lastError().toStdString();
        secretary.endSession();
        EXPECT_TRUE(QTest::qWaitFor([&] { return secretary.releasableReportId() > 0; }, kWaitMs))
            << "the synthesis of the ended session did not reach the secretary";
        return secretary.releasableReportId();
    }

    static bool listsReleased(const App& app, int reportId)
    {
        const ReportRow* row = app.reports()->find(reportId);
        return row != nullptr && row->report.released;
    }

    /// The delegate downloads the report over HTTP with its token: true when a PDF arrived.
    static bool downloads(App& delegate, int reportId)
    {
        QSignalSpy ready(&delegate, &App::reportReady);
        delegate.downloadReport(reportId);
        if (!QTest::qWaitFor([&] { return ready.count() > 0; }, kWaitMs))
            return false;
        QFile file(ready.first().at(1).toString());
        return file.open(QIODevice::ReadOnly) && file.read(5) == "%PDF-";
    }
};

}  // namespace

// Both secretaries press SỬA on the same card (both editors load revision 1); the first saves,
// the second saves later, after it has already received the first's edit. Its save must go
// against revision 1, the one its editor loaded: the server keeps the losing text as a conflict
// and both devices show it (XUNG ĐỘT). Sent against the revision shown at the time (2), the
// second edit silently replaced the first.
TEST_F(SessionSyncTest, TwoEditorsOfOneCommentKeepBothTexts)
{
    auto first = admitted("secretary1", "secretary", "Thư ký 1");
    auto second = admitted("secretary2", "secretary", "Thư ký 2");
    ASSERT_FALSE(HasFailure());
    const QString speaker = first->participants()->idAt(0);
    ASSERT_FALSE(speaker.isEmpty());
    const QString id = first->createComment(speaker, {}, QStringLiteral("Bản gốc"), {}, QStringLiteral("other"), {}, {}, false);
    ASSERT_FALSE(id.isEmpty()) << first->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->commentRev(id) == 1 && first->unsentCount() == 0; }, kWaitMs));

    const int loadedByFirst = first->commentRev(id);
    const int loadedBySecond = second->commentRev(id);
    EXPECT_EQ(loadedByFirst, 1);
    EXPECT_EQ(loadedBySecond, 1);

    ASSERT_TRUE(first->updateComment(id, QStringLiteral("Bản của thư ký 1"), {}, QStringLiteral("other"), {}, {},
                                     false, -1, loadedByFirst))
        << first->lastError().toStdString();
    // The second device has received the first edit before its secretary presses save.
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->commentRev(id) == 2; }, kWaitMs));
    ASSERT_TRUE(second->updateComment(id, QStringLiteral("Bản của thư ký 2"), {}, QStringLiteral("other"), {}, {},
                                      false, -1, loadedBySecond))
        << second->lastError().toStdString();

    ASSERT_TRUE(QTest::qWaitFor([&] { return first->conflicts()->rowCount() == 1 && second->conflicts()->rowCount() == 1 &&
                                             second->unsentCount() == 0; }, kWaitMs))
        << "the second edit was not kept as a conflict";
    EXPECT_EQ(first->confirmed().comment(id.toStdString())->text, "Bản của thư ký 1")
        << "the edit saved first stays the comment's text";
    const QString theirs = second->conflicts()->data(second->conflicts()->index(0), ConflictModel::TheirTextRole).toString();
    const QString current = second->conflicts()->data(second->conflicts()->index(0), ConflictModel::CurrentTextRole).toString();
    EXPECT_EQ((QSet<QString>{current, theirs}), (QSet<QString>{QStringLiteral("Bản của thư ký 1"), QStringLiteral("Bản của thư ký 2")}))
        << "neither edit is lost";

    // A revision the device has never shown is refused with a clear message.
    EXPECT_FALSE(first->updateComment(id, QStringLiteral("Bản khác"), {}, QStringLiteral("other"), {}, {}, false, -1, 99));
    EXPECT_FALSE(first->lastError().isEmpty());
}

// The secretary ends the session, presses "Phát hành cho đại biểu": the delegate's device lists
// the synthesis as released without reconnecting and downloads the PDF.
TEST_F(SessionSyncTest, SecretaryReleasesTheSynthesisAndTheDelegateDownloadsIt)
{
    auto secretary = admitted("secretary", "secretary", "Thư ký 1");
    auto delegate = admitted("delegate", "delegate", "Đại biểu");
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(secretary->releasableReportId(), 0) << "nothing to release before the session";
    const int report = endedSessionReport(*secretary);
    ASSERT_GT(report, 0);
    EXPECT_EQ(secretary->releasableReportVersion(), 1);
    EXPECT_EQ(delegate->reports()->find(report), nullptr) << "not released yet";

    secretary->releaseReport(report);
    EXPECT_TRUE(secretary->lastError().isEmpty()) << secretary->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return listsReleased(*delegate, report); }, kWaitMs))
        << "the released synthesis did not reach the delegate";
    EXPECT_EQ(secretary->releasableReportId(), 0) << "released: the action goes away";
    EXPECT_TRUE(downloads(*delegate, report));

    secretary->releaseReport(report);
    EXPECT_TRUE(secretary->lastError().contains(QStringLiteral("đã được phát hành"))) << secretary->lastError().toStdString();
}

// The chair presides: the chair's client may release the synthesis too.
TEST_F(SessionSyncTest, TheChairReleasesTheSynthesis)
{
    auto secretary = admitted("secretary", "secretary", "Thư ký 1");
    auto chair = admitted("chair", "chair", "Chủ trì");
    auto delegate = admitted("delegate", "delegate", "Đại biểu");
    ASSERT_FALSE(HasFailure());
    const int report = endedSessionReport(*secretary);
    ASSERT_GT(report, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return chair->releasableReportId() == report; }, kWaitMs));
    chair->releaseReport(report);
    EXPECT_TRUE(chair->lastError().isEmpty()) << chair->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return listsReleased(*delegate, report) && chair->unsentCount() == 0; }, kWaitMs))
        << chair->lastError().toStdString();
    EXPECT_TRUE(QTest::qWaitFor([&] { return secretary->releasableReportId() == 0; }, kWaitMs));

    // A delegate may not release anything.
    delegate->releaseReport(report);
    EXPECT_TRUE(delegate->lastError().contains(QStringLiteral("không được thực hiện"))) << delegate->lastError().toStdString();
}

// The office releases from the command line while `serve` runs on the same folder: the running
// server pushes the release to the conference's devices at once.
TEST_F(SessionSyncTest, CommandLineReleaseWhileServingReachesTheDelegate)
{
    auto secretary = admitted("secretary", "secretary", "Thư ký 1");
    auto delegate = admitted("delegate", "delegate", "Đại biểu");
    ASSERT_FALSE(HasFailure());
    const QString data = root.filePath("server");
    const QString conference = QString::number(kConference);

    const Run none = cli({"report", "release", "--data", data, "--conference", conference});
    EXPECT_EQ(none.exitCode, 1) << none.out.toStdString();
    EXPECT_TRUE(none.err.contains(QStringLiteral("chưa có báo cáo tổng hợp"))) << none.err.toStdString();

    const int report = endedSessionReport(*secretary);
    ASSERT_GT(report, 0);
    const Run wrongVersion = cli({"report", "release", "--data", data, "--conference", conference, "--version", "7"});
    EXPECT_EQ(wrongVersion.exitCode, 1);
    EXPECT_TRUE(wrongVersion.err.contains(QStringLiteral("không có phiên bản 7"))) << wrongVersion.err.toStdString();
    EXPECT_EQ(delegate->reports()->find(report), nullptr);

    const Run released = cli({"report", "release", "--data", data, "--conference", conference});
    ASSERT_EQ(released.exitCode, 0) << released.err.toStdString();
    EXPECT_TRUE(released.out.contains(QStringLiteral("Đã phát hành cho đại biểu"))) << released.out.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return listsReleased(*delegate, report); }, kWaitMs))
        << "the running server did not push the release";
    EXPECT_TRUE(QTest::qWaitFor([&] { return secretary->releasableReportId() == 0; }, kWaitMs));
    EXPECT_TRUE(downloads(*delegate, report));

    const Run again = cli({"report", "release", "--data", data, "--conference", conference, "--version", "1"});
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral("đã được phát hành trước đó"))) << again.out.toStdString();

    const Run unknown = cli({"report", "release", "--data", data, "--conference", "99"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("không có hội nghị số 99"))) << unknown.err.toStdString();
    const Run bad = cli({"report", "release", "--data", data});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("thiếu --conference"))) << bad.err.toStdString();
}

// Crash-safe typing: what the editor holds is on disk within the throttle, before the App goes
// away (a kill -9 gives it no chance to write), and a new App on the same folder brings it back
// — text, fields, speaker, and the comment and revision an edit started from.
TEST_F(SessionSyncTest, WhatIsTypedIsOnDiskAndComesBackAfterACrash)
{
    const QString folder = root.filePath("secretary");
    QString speaker;
    {
        auto secretary = admitted("secretary", "secretary", "Thư ký 1");
        ASSERT_FALSE(HasFailure());
        speaker = secretary->participants()->idAt(0);
        secretary->keepUnsaved({}, 0, speaker, {}, QStringLiteral("Đỗ Thị Hồng Nhung"),
                               QStringLiteral("Đồng chí đề nghị làm rõ"), {QStringLiteral("I"), QStringLiteral("II")},
                               QStringLiteral("amendment"), QStringLiteral("“chuyển đổi số”"),
                               QStringLiteral("Phần I, đoạn 2"), true, 0);
        secretary->keepUnsaved({}, 0, speaker, {}, QStringLiteral("Đỗ Thị Hồng Nhung"),
                               QStringLiteral("Đồng chí đề nghị làm rõ chỉ tiêu"), {QStringLiteral("I"), QStringLiteral("II")},
                               QStringLiteral("amendment"), QStringLiteral("“chuyển đổi số”"),
                               QStringLiteral("Phần I, đoạn 2"), true, 0);
        // Read with a second connection, as another process would after a crash.
        const auto onDisk = [&] {
            sqlite3* db = nullptr;
            std::string text;
            if (sqlite3_open_v2((folder + "/client.db").toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
                sqlite3_stmt* select = nullptr;
                if (sqlite3_prepare_v2(db, "SELECT text FROM unsaved_drafts WHERE conference_id = 2", -1, &select, nullptr) == SQLITE_OK &&
                    sqlite3_step(select) == SQLITE_ROW)
                    text = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
                sqlite3_finalize(select);
            }
            sqlite3_close(db);
            return text;
        };
        EXPECT_EQ(onDisk(), "") << "throttled: not written on every keystroke";
        ASSERT_TRUE(QTest::qWaitFor([&] { return onDisk() == "Đồng chí đề nghị làm rõ chỉ tiêu"; }, 2000))
            << "the newest text reached client.db within the throttle";
    }
    {
        App restarted(folder);
        ASSERT_EQ(restarted.conferenceId(), kConference);
        const QVariantMap draft = restarted.unsavedDraft();
        EXPECT_EQ(draft.value("text").toString(), QStringLiteral("Đồng chí đề nghị làm rõ chỉ tiêu"));
        EXPECT_EQ(draft.value("participantId").toString(), speaker);
        EXPECT_EQ(draft.value("speakerName").toString(), QStringLiteral("Đỗ Thị Hồng Nhung"));
        EXPECT_EQ(draft.value("sections").toStringList(), (QStringList{QStringLiteral("I"), QStringLiteral("II")}));
        EXPECT_EQ(draft.value("kind").toString(), QStringLiteral("amendment"));
        EXPECT_EQ(draft.value("proposedWording").toString(), QStringLiteral("“chuyển đổi số”"));
        EXPECT_EQ(draft.value("proposedLocation").toString(), QStringLiteral("Phần I, đoạn 2"));
        EXPECT_TRUE(draft.value("written").toBool());
        EXPECT_TRUE(draft.value("commentId").toString().isEmpty());

        // An edit keeps the comment and the revision it started from.
        restarted.keepUnsaved(QStringLiteral("c-1"), 3, speaker, {}, {}, QStringLiteral("Sửa dở"), {},
                              QStringLiteral("other"), {}, {}, false, 0);
        restarted.flushUnsaved();
    }
    {
        App again(folder);
        EXPECT_EQ(again.unsavedDraft().value("commentId").toString(), QStringLiteral("c-1"));
        EXPECT_EQ(again.unsavedDraft().value("baseRev").toInt(), 3);
        again.discardUnsaved();
    }
    App discarded(folder);
    EXPECT_TRUE(discarded.unsavedDraft().isEmpty()) << "discarded (or saved): nothing comes back";
}
