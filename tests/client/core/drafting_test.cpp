// The drafting team's desk without a server: groups and answers in the conference state
// (local predictions and events from other conferences), the work list rows (sources,
// senders, groups together, per-section counts), the work list model (section, unassigned,
// folding search, ticks) and the desk's actions (one operation per conference, rules).
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "client/core/conference_data.h"
#include "client/core/drafting_desk.h"
#include "client/core/drafting_rows.h"
#include "client/core/work_item_model.h"

using namespace gopy;
using namespace gopy::client;

namespace {

Outline outline()
{
    return Outline({
        Section{"I", "", 1, 1, "Phần I", "Đánh giá tình hình"},
        Section{"I.1", "I", 2, 2, "1.", "Phát triển kinh tế"},
        Section{"II", "", 1, 3, "Phần II", "Phương hướng, nhiệm vụ"},
        Section{"II.3", "II", 2, 4, "3.", "Chuyển đổi số"},
        Section{"II.3.a", "II.3", 3, 5, "a)", "Dịch vụ công trực tuyến"},
    });
}

Comment comment(const std::string& id, std::int64_t conference, std::vector<std::string> sections,
                const std::string& text, Millis createdAt)
{
    Comment c;
    c.id = id;
    c.conferenceId = conference;
    c.sections = std::move(sections);
    c.text = text;
    c.kind = CommentKind::Addition;
    c.rev = 1;
    c.createdAt = createdAt;
    return c;
}

// Conference 1 (a hall), 6 (public) and 7 (grassroots), like the demo campaign.
CampaignState campaign()
{
    CampaignState state;
    ConferenceData hall;
    hall.conference.id = 1;
    hall.conference.channel = Channel::Conference;
    Participant p;
    p.id = "p1";
    p.conferenceId = 1;
    p.fullName = "Nguyễn Văn An";
    hall.participants.push_back(p);
    Comment spoken = comment("c1", 1, {"II.3"}, "Đề nghị bổ sung dịch vụ công trực tuyến cấp phường.", 10);
    spoken.participantId = "p1";
    hall.comments.push_back(spoken);
    hall.comments.push_back(comment("c2", 1, {"I.1"}, "Nhất trí với đánh giá kinh tế.", 11));

    ConferenceData people;
    people.conference.id = 6;
    people.conference.channel = Channel::Public;
    Comment a = comment("pub-1", 6, {}, "Nên rút gọn phần đánh giá.", 20);
    a.origin = CommentOrigin{"Phúc Xá", "Trần Thị Hoa", "", "2025-02-10", false, 0};
    Comment b = comment("pub-2", 6, {}, "Cần chăm lo người cao tuổi sống một mình.", 21);
    b.origin = CommentOrigin{"Kim Mã", "", "", "2025-07-02", true, 0};
    Comment d = comment("pub-3", 6, {"II.3.a"}, "Đề nghị bổ sung dịch vụ công trực tuyến ở phường.", 22);
    d.origin = CommentOrigin{"Ngọc Hà", "Lê Văn Bình", "", "2025-03-01", false, 0};
    people.comments = {a, b, d};

    ConferenceData grassroots;
    grassroots.conference.id = 7;
    grassroots.conference.channel = Channel::Grassroots;
    Comment g = comment("gr-1", 7, {"I.1"}, "Đại hội nhất trí đánh giá kinh tế.", 30);
    g.origin = CommentOrigin{};
    g.origin->organisationId = 3;
    grassroots.comments = {g};

    state.conferences.emplace(1, hall);
    state.conferences.emplace(6, people);
    state.conferences.emplace(7, grassroots);
    state.organisations.push_back({3, "Đảng bộ phường Vĩnh Phúc", "2025-05-15", 0});
    return state;
}

}  // namespace

TEST(DraftingState, GroupSetMovesMembersAndKeepsTheAnswer)
{
    ConferenceData data = campaign().conferences.at(1);
    data.applyLocal(proto::GroupSet{"g1", "II.3", {"c1", "c2"}}, 100);
    data.applyLocal(proto::AcceptanceSet{"g1", "", Acceptance::Partly, "Tiếp thu ý cấp phường."}, 101);
    ASSERT_NE(data.group("g1"), nullptr);
    EXPECT_EQ(data.group("g1")->acceptance, Acceptance::Partly);

    // Replacing the members keeps the answer; c2 moves to g2 and leaves g1.
    data.applyLocal(proto::GroupSet{"g1", "II.3", {"c1", "c2"}}, 102);
    EXPECT_EQ(data.group("g1")->explanation, "Tiếp thu ý cấp phường.");
    data.applyLocal(proto::GroupSet{"g2", "I.1", {"c2"}}, 103);
    EXPECT_EQ(data.group("g1")->commentIds, std::vector<std::string>{"c1"});
    EXPECT_EQ(data.group("g2")->commentIds, std::vector<std::string>{"c2"});

    // An empty member list dissolves the group.
    data.applyLocal(proto::GroupSet{"g2", "I.1", {}}, 104);
    EXPECT_EQ(data.group("g2"), nullptr);

    data.applyLocal(proto::CommentAssign{{"c2"}, {"II.3", "I.1"}}, 105);
    EXPECT_EQ(data.comment("c2")->sections, (std::vector<std::string>{"II.3", "I.1"}));
    data.applyLocal(proto::AcceptanceSet{"", "c2", Acceptance::Accepted, ""}, 106);
    EXPECT_EQ(data.comment("c2")->acceptance, Acceptance::Accepted);
}

TEST(DraftingState, EventFromAnotherConferenceUpdatesItsCommentsWithoutMovingHead)
{
    ConferenceData data = campaign().conferences.at(6);
    data.head = 50;
    proto::Event event;
    event.seq = 60;
    event.conferenceId = 1;
    event.op = proto::CommentAssign{{"pub-1"}, {"I"}};
    Comment assigned = data.comments.front();
    assigned.sections = {"I"};
    event.comments = {assigned};
    event.group = CommentGroup{"g9", "II.3", {"c1", "pub-3"}, Acceptance::Pending, ""};
    data.groups.push_back(CommentGroup{"g0", "II.3", {"pub-3", "pub-2"}, Acceptance::Pending, ""});

    EXPECT_TRUE(data.applyEvent(event));
    EXPECT_EQ(data.head, 50);
    EXPECT_EQ(data.comment("pub-1")->sections, std::vector<std::string>{"I"});
    // pub-3 joined g9 (kept in conference 1): it left g0 here.
    ASSERT_NE(data.group("g0"), nullptr);
    EXPECT_EQ(data.group("g0")->commentIds, std::vector<std::string>{"pub-2"});
    EXPECT_EQ(data.group("g9"), nullptr);

    // An older event than the state held is ignored.
    event.seq = 40;
    assigned.sections = {"II"};
    event.comments = {assigned};
    EXPECT_FALSE(data.applyEvent(event));
    EXPECT_EQ(data.comment("pub-1")->sections, std::vector<std::string>{"I"});
}

TEST(DraftingRows, SourcesSendersGroupsAndSubtreeCounts)
{
    CampaignState state = campaign();
    state.conferences.at(6).groups.push_back(
        CommentGroup{"g1", "II.3", {"pub-3", "c1"}, Acceptance::Partly, "Tiếp thu ở cấp phường."});
    const Outline o = outline();
    const std::vector<WorkItemRow> rows = workItems(state, o, {"pub-2"});
    ASSERT_EQ(rows.size(), 6u);
    // Unassigned first, then draft order; the group sits together at its first member.
    EXPECT_EQ(rows[0].comment.id, "pub-1");
    EXPECT_EQ(rows[1].comment.id, "pub-2");
    EXPECT_EQ(rows[2].comment.id, "c2");
    EXPECT_EQ(rows[3].comment.id, "gr-1");
    EXPECT_EQ(rows[4].comment.id, "c1");
    EXPECT_EQ(rows[5].comment.id, "pub-3");

    EXPECT_EQ(rows[0].source, "Nhân dân");
    EXPECT_EQ(rows[0].who, "Trần Thị Hoa (phường Phúc Xá)");
    EXPECT_EQ(rows[1].who, "Nhân dân phường Kim Mã");
    EXPECT_TRUE(rows[1].pending);
    EXPECT_EQ(rows[0].sectionLabel, kUnassignedLabel);
    EXPECT_EQ(rows[2].source, "Hội nghị 1");
    EXPECT_EQ(rows[3].source, "Tổ chức cơ sở đảng");
    EXPECT_EQ(rows[3].who, "Đảng bộ phường Vĩnh Phúc");
    EXPECT_EQ(rows[4].who, "Nguyễn Văn An");
    // Grouped comments carry the group's answer.
    EXPECT_EQ(rows[4].groupId, "g1");
    EXPECT_EQ(rows[5].acceptance, Acceptance::Partly);
    EXPECT_EQ(rows[5].acceptanceNote, "Tiếp thu ở cấp phường.");

    const std::vector<GroupRow> groups = groupRows(state, o);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].conferenceId, 6);
    EXPECT_EQ(groups[0].gist, "Đề nghị bổ sung dịch vụ công trực tuyến ở phường.");

    const std::vector<SectionCountRow> counts = sectionCounts(o, rows, groups);
    ASSERT_EQ(counts.size(), 5u);
    // Part II counts II.3 and II.3.a once each; both are answered (the group's answer).
    EXPECT_EQ(counts[2].section.code, "II");
    EXPECT_EQ(counts[2].total, 2);
    EXPECT_EQ(counts[2].pending, 0);
    EXPECT_EQ(counts[2].groups, 1);
    EXPECT_EQ(counts[4].section.code, "II.3.a");
    EXPECT_EQ(counts[4].total, 1);
    EXPECT_EQ(counts[0].total, 2);  // I: c2 and gr-1
    EXPECT_EQ(counts[0].pending, 2);
    EXPECT_TRUE(inSubtree(o, "II.3.a", "II"));
    EXPECT_FALSE(inSubtree(o, "II.3", "I"));
}

TEST(WorkItemModelTest, SectionUnassignedSearchAndTicks)
{
    WorkItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const Outline o = outline();
    model.setItems(workItems(campaign(), o, {}), o);
    EXPECT_EQ(model.rowCount(), 6);

    model.setSection(QString::fromUtf8(kUnassignedFilter));
    ASSERT_EQ(model.rowCount(), 2);
    model.selectAll(true);
    EXPECT_EQ(model.selectedCount(), 2);

    model.setSection(QStringLiteral("II"));
    EXPECT_EQ(model.rowCount(), 2);  // c1 (II.3) and pub-3 (II.3.a)
    model.setSection(QStringLiteral("II.3.a"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.get(0).value("commentId").toString(), QStringLiteral("pub-3"));
    EXPECT_FALSE(model.get(0).value("selected").toBool());

    // Folding search over text, sender and source.
    model.setSection({});
    model.setFilter(QStringLiteral("phuc xa"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.get(0).value("who").toString(), QStringLiteral("Trần Thị Hoa (phường Phúc Xá)"));
    EXPECT_TRUE(model.get(0).value("selected").toBool());
    model.setFilter(QStringLiteral("NHÂN DÂN cao tuoi"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_TRUE(model.get(0).value("outsideWindow").toBool());

    // Ticks survive new data; a comment gone loses its tick.
    CampaignState next = campaign();
    std::erase_if(next.conferences.at(6).comments, [](const Comment& c) { return c.id == "pub-2"; });
    model.setFilter({});
    model.setItems(workItems(next, o, {}), o);
    EXPECT_EQ(model.selectedCount(), 1);
    ASSERT_EQ(model.selectedRows().size(), 1u);
    EXPECT_EQ(model.selectedRows()[0]->comment.id, "pub-1");
}

TEST(DraftingDeskTest, AssignSplitsByConferenceAndAnswersFollowTheRules)
{
    std::vector<std::pair<std::int64_t, proto::Operation>> sent;
    QString lastMessage;
    DraftingDesk desk([&](std::int64_t conference, const proto::Operation& op) {
                          sent.emplace_back(conference, op);
                          return true;
                      },
                      [&](const QString& message) { lastMessage = message; });
    CampaignState state = campaign();
    const Outline o = outline();
    desk.setState(state, o, {});
    EXPECT_EQ(desk.unassignedCount(), 2);
    EXPECT_EQ(desk.totalCount(), 6);

    desk.assignSelected({QStringLiteral("II.3")});
    EXPECT_TRUE(sent.empty());
    EXPECT_FALSE(lastMessage.isEmpty());

    desk.setSelected(QStringLiteral("pub-1"), true);
    desk.setSelected(QStringLiteral("pub-2"), true);
    desk.setSelected(QStringLiteral("c2"), true);
    EXPECT_EQ(desk.selectedCount(), 3);
    desk.assignSelected({QStringLiteral("II.9")});
    EXPECT_TRUE(sent.empty());
    desk.assignSelected({QStringLiteral("II.3"), QStringLiteral("II.3")});
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].first, 1);
    EXPECT_EQ(std::get<proto::CommentAssign>(sent[0].second).commentIds, std::vector<std::string>{"c2"});
    EXPECT_EQ(sent[1].first, 6);
    const auto& assign = std::get<proto::CommentAssign>(sent[1].second);
    EXPECT_EQ(assign.commentIds, (std::vector<std::string>{"pub-1", "pub-2"}));
    EXPECT_EQ(assign.sections, std::vector<std::string>{"II.3"});
    EXPECT_EQ(desk.selectedCount(), 0);

    // A group of two, answered in part: an explanation is required.
    sent.clear();
    desk.setSelected(QStringLiteral("pub-3"), true);
    desk.setSelected(QStringLiteral("c1"), true);
    const QString groupId = desk.groupSelected({});
    ASSERT_FALSE(groupId.isEmpty());
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].first, 1);  // where its first member (in list order) lives
    const auto& group = std::get<proto::GroupSet>(sent[0].second);
    EXPECT_EQ(group.section, "II.3");
    EXPECT_EQ(group.commentIds, (std::vector<std::string>{"c1", "pub-3"}));

    state.conferences.at(1).groups.push_back(CommentGroup{group.groupId, group.section, group.commentIds,
                                                          Acceptance::Pending, ""});
    desk.setState(state, o, {});
    sent.clear();
    desk.setAcceptance(groupId, {}, QStringLiteral("partly"), QStringLiteral("  "));
    EXPECT_TRUE(sent.empty());
    desk.setAcceptance({}, QStringLiteral("c1"), QStringLiteral("accepted"), {});
    EXPECT_TRUE(sent.empty());  // c1 is answered with its group
    desk.setAcceptance(groupId, {}, QStringLiteral("partly"), QStringLiteral("Tiếp thu ý cấp phường."));
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].first, 1);
    EXPECT_EQ(std::get<proto::AcceptanceSet>(sent[0].second).acceptance, Acceptance::Partly);
    desk.setAcceptance({}, QStringLiteral("gr-1"), QStringLiteral("accepted"), {});
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[1].first, 7);

    // Suggestions drop members already grouped.
    desk.setSuggestions({CommentGroup{"", "II.3", {"pub-3", "c1", "pub-2"}, Acceptance::Pending, ""},
                         CommentGroup{"", "I.1", {"c2", "gr-1"}, Acceptance::Pending, ""}});
    ASSERT_EQ(desk.suggestions()->rowCount(), 1);
    EXPECT_EQ(desk.suggestions()->get(0).value("memberCount").toInt(), 2);
    sent.clear();
    EXPECT_FALSE(desk.confirmSuggestion(0).isEmpty());
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(std::get<proto::GroupSet>(sent[0].second).commentIds, (std::vector<std::string>{"c2", "gr-1"}));
}
