// A real session loses nothing (issue 11): Apps against the real gopy-server on loopback.
// Two secretaries editing one comment keep both texts (the editor saves against the revision it
// loaded).
#include <QTest>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

class SessionSyncTest : public DemoServerTest {};

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
