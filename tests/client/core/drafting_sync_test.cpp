// Issue 5 clients against the real gopy-server on loopback: the drafting team assigns
// sections to many public comments at once, confirms a suggested group and answers it in part,
// answers a conference comment that the chair then sees, and a second drafting device finds
// it all; a grassroots reporter enters its organisation's comments and sends the report,
// which the dashboard shows; drafting operations made offline survive a restart.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "client/core/app.h"
#include "demo_server_test.h"

using namespace gopy;
using namespace gopy::client;

namespace {

const char* const kTreesA = "Đề nghị bổ sung chỉ tiêu về cây xanh đô thị và công viên cho mỗi phường của quận.";
const char* const kTreesB = "Đề nghị bổ sung chỉ tiêu về cây xanh đô thị và công viên cho từng phường của quận.";
const char* const kShops = "Đề nghị có chính sách hỗ trợ hộ kinh doanh nhỏ chuyển đổi số, thanh toán không tiền mặt.";

class DraftingSyncTest : public DemoServerTest {
protected:
    // Three public comments without a section; two of them say the same thing.
    void beforeStart() override
    {
        QFile csv(root.filePath("public.csv"));
        ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
        const QString rows = QStringLiteral("submitted_at,ward,name,contact,section,text\r\n"
                                            "2025-03-03,Phúc Xá,Nguyễn Thị Thu,,,\"%1\"\r\n"
                                            "2025-03-04,Trúc Bạch,Phạm Văn Hùng,,,\"%2\"\r\n"
                                            "2025-03-05,Kim Mã,,,,\"%3\"\r\n")
                                 .arg(QString::fromUtf8(kTreesA), QString::fromUtf8(kTreesB), QString::fromUtf8(kShops));
        csv.write(rows.toUtf8());
        csv.close();
        ASSERT_TRUE(server->importPublic(csv.fileName())) << server->lastOutput().toStdString();
    }

    // The id of the comment with this text among every conference the drafting desk shows.
    static std::string idOf(const App& app, const char* text)
    {
        for (const auto& [id, data] : app.campaign().displayed().conferences) {
            for (const Comment& c : data.comments) {
                if (c.text == text)
                    return c.id;
            }
        }
        return {};
    }

    static const Comment* confirmedComment(const App& app, const std::string& id)
    {
        for (const auto& [conference, replica] : app.campaign().replicas()) {
            if (const Comment* c = replica.confirmed().comment(id))
                return c;
        }
        return nullptr;
    }

    static const CommentGroup* confirmedGroup(const App& app, const std::string& id)
    {
        for (const auto& [conference, replica] : app.campaign().replicas()) {
            if (const CommentGroup* g = replica.confirmed().group(id))
                return g;
        }
        return nullptr;
    }

    // Waits until every conference of the campaign is on the desk with the imported comments.
    static bool waitForCampaign(const App& app)
    {
        return QTest::qWaitFor([&] {
            return !idOf(app, kTreesA).empty() && !idOf(app, kTreesB).empty() && !idOf(app, kShops).empty() &&
                   app.campaign().replicas().size() >= 7 && app.drafting()->totalCount() > 40;
        }, kWaitMs);
    }

    static QVariantMap organisationRow(const App& app, int id)
    {
        for (const QVariantMap& row : app.organisations()->rows()) {
            if (row.value("organisationId").toInt() == id)
                return row;
        }
        return {};
    }

};

}  // namespace

TEST_F(DraftingSyncTest, AssignGroupAnswerAndOthersSeeIt)
{
    auto drafting = admitted("drafting", "drafting", "Tổ biên tập 1", 0);
    auto chair = admitted("chair", "chair", "Chủ trì", 1);
    ASSERT_FALSE(HasFailure());
    ASSERT_TRUE(waitForCampaign(*drafting));
    ASSERT_TRUE(QTest::qWaitFor([&] { return chair->hasServerState() && !chair->confirmed().comments.empty(); },
                                kWaitMs));
    DraftingDesk* desk = drafting->drafting();
    const std::string treesA = idOf(*drafting, kTreesA);
    const std::string treesB = idOf(*drafting, kTreesB);
    const std::string shops = idOf(*drafting, kShops);

    // The unassigned list, narrowed by a folding search, ticked all at once twice.
    const int unassignedBefore = desk->unassignedCount();
    EXPECT_GE(unassignedBefore, 3);
    desk->setSection(QStringLiteral("__unassigned"));
    desk->setFilter(QStringLiteral("cay xanh do thi"));
    ASSERT_EQ(desk->items()->rowCount(), 2);
    desk->selectAll(true);
    desk->setFilter(QStringLiteral("ho kinh doanh"));
    ASSERT_EQ(desk->items()->rowCount(), 1);
    desk->selectAll(true);
    ASSERT_EQ(desk->selectedCount(), 3);
    desk->assignSelected({QStringLiteral("II.3")});
    EXPECT_EQ(desk->selectedCount(), 0);
    // Shown at once (from the outbox), then confirmed by the server.
    EXPECT_EQ(desk->unassignedCount(), unassignedBefore - 3);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const Comment* a = confirmedComment(*drafting, treesA);
        const Comment* b = confirmedComment(*drafting, treesB);
        const Comment* c = confirmedComment(*drafting, shops);
        const std::vector<std::string> expected{"II.3"};
        return drafting->unsentCount() == 0 && a && b && c && a->sections == expected && b->sections == expected &&
               c->sections == expected;
    }, kWaitMs)) << drafting->lastError().toStdString();

    // The server suggests the two tree comments as near-duplicates; a person confirms.
    desk->setFilter({});
    drafting->refreshDashboard();
    int suggestion = -1;
    ASSERT_TRUE(QTest::qWaitFor([&] {
        for (int row = 0; row < desk->suggestions()->rowCount(); ++row) {
            const QStringList ids = desk->suggestions()->get(row).value("memberIds").toStringList();
            if (ids.contains(QString::fromStdString(treesA)) && ids.contains(QString::fromStdString(treesB)))
                suggestion = row;
        }
        return suggestion >= 0;
    }, kWaitMs));
    const QString group = desk->confirmSuggestion(suggestion);
    ASSERT_FALSE(group.isEmpty()) << drafting->lastError().toStdString();
    desk->setAcceptance(group, {}, QStringLiteral("partly"),
                        QStringLiteral("Tiếp thu, bổ sung chỉ tiêu cây xanh vào mục II.3; không nêu số cụ thể."));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const CommentGroup* g = confirmedGroup(*drafting, group.toStdString());
        return drafting->unsentCount() == 0 && g && g->acceptance == Acceptance::Partly;
    }, kWaitMs)) << drafting->lastError().toStdString();
    const WorkItemRow* member = desk->items()->find(treesB);
    ASSERT_NE(member, nullptr);
    EXPECT_EQ(member->groupId, group.toStdString());
    EXPECT_EQ(member->acceptance, Acceptance::Partly);

    // A conference 1 comment answered on its own: the chair of conference 1 sees the answer.
    std::string spoken;
    for (const Comment& c : chair->confirmed().comments) {
        const WorkItemRow* row = desk->items()->find(c.id);
        if (row != nullptr && row->groupId.empty() && c.acceptance == Acceptance::Pending) {
            spoken = c.id;
            break;
        }
    }
    ASSERT_FALSE(spoken.empty());
    desk->setAcceptance({}, QString::fromStdString(spoken), QStringLiteral("not_accepted"),
                        QStringLiteral("Nội dung này đã có trong Phần I của dự thảo."));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const Comment* c = chair->confirmed().comment(spoken);
        return c && c->acceptance == Acceptance::NotAccepted &&
               c->acceptanceNote == "Nội dung này đã có trong Phần I của dự thảo.";
    }, kWaitMs));

    // A second drafting device starts from the server's snapshots and finds all of it.
    auto second = admitted("drafting2", "drafting", "Tổ biên tập 2", 0);
    ASSERT_TRUE(waitForCampaign(*second));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const CommentGroup* g = confirmedGroup(*second, group.toStdString());
        const Comment* c = confirmedComment(*second, shops);
        return g && g->acceptance == Acceptance::Partly && c && c->sections == std::vector<std::string>{"II.3"};
    }, kWaitMs));
    const CommentGroup* seen = confirmedGroup(*second, group.toStdString());
    EXPECT_EQ(seen->section, "II.3");
    EXPECT_EQ(seen->explanation, "Tiếp thu, bổ sung chỉ tiêu cây xanh vào mục II.3; không nêu số cụ thể.");
    const WorkItemRow* answered = second->drafting()->items()->find(spoken);
    ASSERT_NE(answered, nullptr);
    EXPECT_EQ(answered->acceptance, Acceptance::NotAccepted);
    EXPECT_EQ(answered->source, "Hội nghị 1");
}

TEST_F(DraftingSyncTest, GrassrootsReporterSendsItsReportAndTheDashboardShowsIt)
{
    // Organisation 5 (Đảng bộ phường Liễu Giai) has not reported in the demo.
    auto reporter = admitted("grassroots", "grassroots", "Máy Đảng bộ phường Liễu Giai", 0, 5);
    auto chair = admitted("chair", "chair", "Chủ trì", 1);
    ASSERT_FALSE(HasFailure());
    EXPECT_EQ(reporter->organisationId(), 5);
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return reporter->hasServerState() && !reporter->organisationName().isEmpty();
    }, kWaitMs));
    EXPECT_EQ(reporter->organisationName(), QStringLiteral("Đảng bộ phường Liễu Giai"));
    EXPECT_FALSE(reporter->organisationReported());
    // The dashboard is asked for after welcome: ten organisations in the demo.
    ASSERT_TRUE(QTest::qWaitFor([&] { return chair->organisationCount() == 10; }, kWaitMs));
    const int reportedBefore = chair->reportedCount();
    EXPECT_FALSE(organisationRow(*chair, 5).value("reported").toBool());

    const QString first = reporter->createGrassrootsComment({QStringLiteral("II.3")}, QStringLiteral("addition"),
                                                            QStringLiteral("Đại hội đề nghị bổ sung nhiệm vụ số hóa hồ sơ đảng viên."),
                                                            {}, {});
    ASSERT_FALSE(first.isEmpty()) << reporter->lastError().toStdString();
    const QString second = reporter->createGrassrootsComment({QStringLiteral("I.1")}, QStringLiteral("agreement"),
                                                             QStringLiteral("Đại hội nhất trí với đánh giá kết quả nhiệm kỳ."),
                                                             {}, {});
    ASSERT_FALSE(second.isEmpty()) << reporter->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const Comment* a = reporter->confirmed().comment(first.toStdString());
        const Comment* b = reporter->confirmed().comment(second.toStdString());
        return reporter->unsentCount() == 0 && a && b;
    }, kWaitMs)) << reporter->lastError().toStdString();
    const Comment* stored = reporter->confirmed().comment(first.toStdString());
    ASSERT_TRUE(stored->origin.has_value());
    EXPECT_EQ(stored->origin->organisationId, 5);
    // Only this organisation's comments are in its list.
    EXPECT_EQ(reporter->comments()->rowCount(), 2);

    reporter->sendGrassrootsReport();
    EXPECT_TRUE(reporter->organisationReported());
    ASSERT_TRUE(QTest::qWaitFor([&] { return reporter->unsentCount() == 0; }, kWaitMs))
        << reporter->lastError().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return organisationRow(*reporter, 5).value("reported").toBool(); }, kWaitMs));

    chair->refreshDashboard();
    ASSERT_TRUE(QTest::qWaitFor([&] { return organisationRow(*chair, 5).value("reported").toBool(); }, kWaitMs));
    EXPECT_EQ(chair->reportedCount(), reportedBefore + 1);
    EXPECT_EQ(organisationRow(*chair, 5).value("statusLabel").toString(), QStringLiteral("Đã gửi"));
    EXPECT_FALSE(organisationRow(*chair, 5).value("reportedAt").toString().isEmpty());
    EXPECT_GT(chair->deadlines()->rowCount(), 0);
}

TEST_F(DraftingSyncTest, OfflineDraftingWorkSurvivesARestart)
{
    const QString folder = QStringLiteral("drafting");
    auto drafting = admitted(folder, "drafting", "Tổ biên tập 1", 0);
    ASSERT_FALSE(HasFailure());
    ASSERT_TRUE(waitForCampaign(*drafting));
    const std::string treesA = idOf(*drafting, kTreesA);
    const std::string treesB = idOf(*drafting, kTreesB);
    const std::string shops = idOf(*drafting, kShops);

    server->kill();
    ASSERT_TRUE(QTest::qWaitFor([&] { return drafting->connectionState() != App::Connected; }, kWaitMs));
    DraftingDesk* desk = drafting->drafting();
    desk->setSelected(QString::fromStdString(treesA), true);
    desk->setSelected(QString::fromStdString(treesB), true);
    desk->assignSelected({QStringLiteral("II.3")});
    desk->setAcceptance({}, QString::fromStdString(shops), QStringLiteral("accepted"),
                        QStringLiteral("Đã bổ sung vào mục II.3."));
    EXPECT_EQ(drafting->unsentCount(), 2);
    EXPECT_EQ(desk->items()->find(treesA)->comment.sections, std::vector<std::string>{"II.3"});

    // The device is switched off and on again, still without the server.
    drafting.reset();
    drafting = std::make_unique<App>(root.filePath(folder));
    desk = drafting->drafting();
    EXPECT_EQ(drafting->unsentCount(), 2);
    ASSERT_NE(desk->items()->find(treesB), nullptr);
    EXPECT_EQ(desk->items()->find(treesB)->comment.sections, std::vector<std::string>{"II.3"});
    EXPECT_EQ(desk->items()->find(shops)->acceptance, Acceptance::Accepted);
    EXPECT_TRUE(desk->items()->find(shops)->pending);

    ASSERT_TRUE(server->start()) << server->lastOutput().toStdString();
    drafting->connectTo(server->address());
    ASSERT_TRUE(QTest::qWaitFor([&] {
        const Comment* a = confirmedComment(*drafting, treesA);
        const Comment* c = confirmedComment(*drafting, shops);
        return drafting->unsentCount() == 0 && a && a->sections == std::vector<std::string>{"II.3"} && c &&
               c->acceptance == Acceptance::Accepted && c->acceptanceNote == "Đã bổ sung vào mục II.3.";
    }, kWaitMs)) << drafting->lastError().toStdString();
    EXPECT_FALSE(desk->items()->find(shops)->pending);
}

// The office imports public comments while the hall server runs: the drafting desk shows them
// without reconnecting, first a few (pushed as events), then a large file (pushed as events
// chunk by chunk, or, when the server finds more than it pushes one by one, by re-subscribing
// the desk, which then takes a snapshot).
TEST_F(DraftingSyncTest, ImportsWhileTheServerRunsReachTheDeskLive)
{
    auto drafting = admitted("drafting", "drafting", "Tổ biên tập 1", 0);
    ASSERT_FALSE(HasFailure());
    ASSERT_TRUE(waitForCampaign(*drafting));
    const int before = drafting->drafting()->totalCount();

    const char* const kLate = "Đề nghị bổ sung giải pháp giảm ùn tắc giao thông quanh các trường học vào giờ cao điểm.";
    QFile small(root.filePath("late.csv"));
    ASSERT_TRUE(small.open(QIODevice::WriteOnly));
    small.write(QStringLiteral("submitted_at,ward,name,contact,section,text\n2025-04-01,Ngọc Hà,Lê Thị Mai,,,\"%1\"\n")
                    .arg(QString::fromUtf8(kLate))
                    .toUtf8());
    small.close();
    ASSERT_TRUE(server->importPublic(small.fileName())) << server->lastOutput().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !idOf(*drafting, kLate).empty(); }, kWaitMs))
        << "the imported comment did not reach the desk";
    EXPECT_EQ(drafting->connectionState(), App::Connected);

    QFile large(root.filePath("large.csv"));
    ASSERT_TRUE(large.open(QIODevice::WriteOnly));
    QByteArray rows = "submitted_at,ward,name,contact,section,text\n";
    constexpr int kLarge = 2500;  // more than the server pushes one by one
    for (int i = 0; i < kLarge; ++i)
        rows += QStringLiteral("2025-04-02,Kim Mã,Người góp ý %1,,,\"Góp ý số %1 về chỉnh trang đô thị\"\n").arg(i).toUtf8();
    large.write(rows);
    large.close();
    ASSERT_TRUE(server->importPublic(large.fileName())) << server->lastOutput().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return drafting->drafting()->totalCount() >= before + 1 + kLarge; }, kWaitMs))
        << "the desk shows " << drafting->drafting()->totalCount() << " comments, expected " << before + 1 + kLarge;
    EXPECT_FALSE(idOf(*drafting, kLate).empty());
}
