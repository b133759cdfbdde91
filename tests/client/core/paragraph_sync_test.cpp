// Comments that point at a paragraph of the draft, between Apps and the real gopy-server on
// loopback: the paragraph heads arrive with the Welcome and stay in client.db, a comment is
// created with a paragraph, its paragraph is changed and cleared by updates, and a second
// client sees each state.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

class ParagraphSyncTest : public DemoServerTest {
protected:
    // The paragraph the app shows for a comment; -1 while the comment is not listed.
    static int shownParagraph(const App& app, const QString& id)
    {
        const int row = app.comments()->indexOf(id);
        if (row < 0)
            return -1;
        return app.comments()->data(app.comments()->index(row), CommentModel::ParagraphRole).toInt();
    }

    static int confirmedParagraph(const App& app, const QString& id)
    {
        for (const Comment& c : app.confirmed().comments) {
            if (c.id == id.toStdString())
                return c.paragraph;
        }
        return -1;
    }
};

}  // namespace

TEST_F(ParagraphSyncTest, ParagraphIsCreatedChangedAndClearedAcrossClients)
{
    auto secretary = admitted("secretary", "secretary", "Thư ký 1");
    auto chair = admitted("chair", "chair", "Chủ trì");
    ASSERT_FALSE(HasFailure());

    // The demo draft numbers the paragraphs of II.3 (four) and not those of II.1.
    const QVariantList heads = secretary->paragraphsOf(QStringLiteral("II.3"));
    ASSERT_EQ(heads.size(), 4);
    for (int i = 0; i < heads.size(); ++i) {
        const QVariantMap head = heads[i].toMap();
        EXPECT_EQ(head.value(QStringLiteral("number")).toInt(), i + 1);
        const QString opening = head.value(QStringLiteral("opening")).toString();
        EXPECT_FALSE(opening.isEmpty());
        EXPECT_LE(opening.size(), 80);
        EXPECT_EQ(opening, opening.normalized(QString::NormalizationForm_C));
    }
    EXPECT_TRUE(secretary->paragraphsOf(QStringLiteral("II.1")).isEmpty());
    EXPECT_GT(secretary->paragraphCount(), 4);

    const QString speaker = secretary->addParticipant(QStringLiteral("Phan Thị Thu Hà"), QStringLiteral("Bí thư Chi bộ"),
                                                      QStringLiteral("Chi bộ Khu dân cư số 2"), QStringLiteral("Cơ sở"));
    ASSERT_FALSE(speaker.isEmpty()) << secretary->lastError().toStdString();

    // A paragraph the section does not have is refused before it reaches the outbox.
    const int unsent = secretary->unsentCount();
    EXPECT_TRUE(secretary->createComment(speaker, QString(), QStringLiteral("Đoạn không có"), {QStringLiteral("II.3")},
                                         QStringLiteral("addition"), QString(), QString(), false, 9).isEmpty());
    EXPECT_EQ(secretary->lastError(), QStringLiteral("Mục II.3 của dự thảo không có đoạn 9."));
    EXPECT_TRUE(secretary->createComment(speaker, QString(), QStringLiteral("Mục không có đoạn"), {QStringLiteral("II.1")},
                                         QStringLiteral("addition"), QString(), QString(), false, 1).isEmpty());
    EXPECT_EQ(secretary->unsentCount(), unsent);

    // Created pointing at paragraph 2 of II.3: both clients show it.
    const QString id = secretary->createComment(speaker, QString(),
                                                QStringLiteral("Đề nghị nêu cụ thể việc khó, việc mới của chi bộ."),
                                                {QStringLiteral("II.3")}, QStringLiteral("addition"), QString(),
                                                QString(), false, 2);
    ASSERT_FALSE(id.isEmpty()) << secretary->lastError().toStdString();
    EXPECT_EQ(shownParagraph(*secretary, id), 2) << "shown at once, before the server answers";
    ASSERT_TRUE(QTest::qWaitFor([&] { return secretary->unsentCount() == 0; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return confirmedParagraph(*chair, id) == 2; }, kWaitMs));
    EXPECT_EQ(shownParagraph(*chair, id), 2);

    // Changed to paragraph 4 by an update.
    secretary->updateComment(id, QStringLiteral("Đề nghị nêu cụ thể cách kiểm tra, giám sát."), {QStringLiteral("II.3")},
                             QStringLiteral("addition"), QString(), QString(), false, 4);
    EXPECT_TRUE(secretary->lastError().isEmpty()) << secretary->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return confirmedParagraph(*chair, id) == 4; }, kWaitMs));
    EXPECT_EQ(shownParagraph(*chair, id), 4);
    EXPECT_TRUE(QTest::qWaitFor([&] { return confirmedParagraph(*secretary, id) == 4; }, kWaitMs));

    // An update that leaves the paragraph to the server's rule keeps it in the same section.
    secretary->updateComment(id, QStringLiteral("Đề nghị nêu cụ thể cách kiểm tra, giám sát chi bộ."),
                             {QStringLiteral("II.3"), QStringLiteral("II.4")}, QStringLiteral("addition"), QString(),
                             QString(), false);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const Comment* c = chair->confirmed().comment(id.toStdString());
        return c != nullptr && c->sections.size() == 2;
    }, kWaitMs));
    EXPECT_EQ(confirmedParagraph(*chair, id), 4);

    // Cleared: the comment points at the whole section again.
    secretary->updateComment(id, QStringLiteral("Đề nghị nêu cụ thể cách kiểm tra, giám sát chi bộ."),
                             {QStringLiteral("II.3")}, QStringLiteral("addition"), QString(), QString(), false, 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return confirmedParagraph(*chair, id) == 0; }, kWaitMs));
    EXPECT_EQ(shownParagraph(*chair, id), 0);

    // A refused update changes nothing.
    secretary->updateComment(id, QStringLiteral("Sửa nữa"), {QStringLiteral("II.3")}, QStringLiteral("addition"),
                             QString(), QString(), false, 5);
    EXPECT_EQ(secretary->lastError(), QStringLiteral("Mục II.3 của dự thảo không có đoạn 5."));
    EXPECT_EQ(secretary->unsentCount(), 0);
}

TEST_F(ParagraphSyncTest, ParagraphHeadsStayAvailableOffline)
{
    {
        auto secretary = admitted("secretary", "secretary", "Thư ký 1");
        ASSERT_FALSE(HasFailure());
        ASSERT_EQ(secretary->paragraphsOf(QStringLiteral("II.4")).size(), 4);
    }
    server->kill();
    // Restarted with no server: the heads come from client.db.
    App offline(root.filePath("secretary"));
    const QVariantList heads = offline.paragraphsOf(QStringLiteral("II.4"));
    ASSERT_EQ(heads.size(), 4);
    EXPECT_EQ(heads[2].toMap().value(QStringLiteral("number")).toInt(), 3);
    EXPECT_TRUE(heads[2].toMap().value(QStringLiteral("opening")).toString().startsWith(QStringLiteral("Đẩy mạnh cải tạo")));
}
