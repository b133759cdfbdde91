// Concurrent edits as two secretaries' devices live them against the real gopy-server: an edit
// of a comment deleted on the other device is kept (XUNG ĐỘT) and restoring it brings the
// comment back on both; a stale reclassification merges without a conflict.
#include <QTest>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

class ConflictSyncTest : public DemoServerTest {};

}  // namespace

TEST_F(ConflictSyncTest, AnEditOfACommentDeletedElsewhereIsKeptAndRestoresIt)
{
    auto first = admitted("secretary1", "secretary", "Thư ký 1");
    auto second = admitted("secretary2", "secretary", "Thư ký 2");
    ASSERT_FALSE(HasFailure());
    const QString speaker = first->participants()->idAt(0);
    const QString id = first->createComment(speaker, {}, QStringLiteral("Bản gốc"), {}, QStringLiteral("other"), {}, {}, false);
    ASSERT_FALSE(id.isEmpty()) << first->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->commentRev(id) == 1; }, kWaitMs));
    const int loaded = second->commentRev(id);  // the second secretary opens it in her editor

    first->deleteComment(id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->commentRev(id) == 0 && first->unsentCount() == 0; }, kWaitMs));
    // She saves what she typed after the deletion reached her device.
    ASSERT_TRUE(second->updateComment(id, QStringLiteral("Bản viết lại sau khi bị xóa"), {}, QStringLiteral("amendment"),
                                      {}, {}, false, -1, loaded))
        << second->lastError().toStdString();
    EXPECT_TRUE(second->lastError().contains(QStringLiteral("XUNG ĐỘT"))) << second->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->unsentCount() == 0 && second->conflicts()->rowCount() == 1 &&
                                             first->conflicts()->rowCount() == 1; }, kWaitMs))
        << "the edit of a deleted comment was not kept";
    const QModelIndex row = first->conflicts()->index(0);
    EXPECT_TRUE(first->conflicts()->data(row, ConflictModel::DeletedRole).toBool());
    EXPECT_EQ(first->conflicts()->data(row, ConflictModel::TheirTextRole).toString(),
              QStringLiteral("Bản viết lại sau khi bị xóa"));
    EXPECT_TRUE(first->conflicts()->data(row, ConflictModel::DetailRole).toString().contains(QStringLiteral("khôi phục")));

    // The first secretary restores it from XUNG ĐỘT: back on both devices, with its kind.
    first->resolveConflict(id, QStringLiteral("Bản viết lại sau khi bị xóa"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->commentRev(id) > 0 && first->conflicts()->rowCount() == 0; }, kWaitMs))
        << first->lastError().toStdString();
    const Comment* restored = second->confirmed().comment(id.toStdString());
    ASSERT_NE(restored, nullptr);
    EXPECT_EQ(restored->text, "Bản viết lại sau khi bị xóa");
    EXPECT_EQ(restored->kind, CommentKind::Amendment);
}

TEST_F(ConflictSyncTest, AStaleReclassificationMergesWithTheOtherTextWithoutAConflict)
{
    auto first = admitted("secretary1", "secretary", "Thư ký 1");
    auto second = admitted("secretary2", "secretary", "Thư ký 2");
    ASSERT_FALSE(HasFailure());
    const QString speaker = first->participants()->idAt(0);
    const QString id = first->createComment(speaker, {}, QStringLiteral("Bản gốc"), {}, QStringLiteral("other"), {}, {}, false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->commentRev(id) == 1; }, kWaitMs));
    ASSERT_TRUE(first->updateComment(id, QStringLiteral("Bản gốc, sửa chữ"), {}, QStringLiteral("other"), {}, {}, false, -1, 1));
    ASSERT_TRUE(QTest::qWaitFor([&] { return second->commentRev(id) == 2; }, kWaitMs));
    // The second one only changes the kind, from the revision her editor loaded.
    ASSERT_TRUE(second->updateComment(id, QStringLiteral("Bản gốc"), {}, QStringLiteral("recommendation"), {}, {}, false, -1, 1));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const Comment* c = first->confirmed().comment(id.toStdString());
        return c != nullptr && c->rev == 3;
    }, kWaitMs));
    const Comment* merged = first->confirmed().comment(id.toStdString());
    EXPECT_EQ(merged->text, "Bản gốc, sửa chữ");
    EXPECT_EQ(merged->kind, CommentKind::Recommendation) << "the reclassification was dropped";
    EXPECT_EQ(first->conflicts()->rowCount(), 0);
}
