// Conference state, view rows and list models: Vietnamese order and folding search, draft
// order grouping, counts, events and local predictions. Models are checked with Qt's
// QAbstractItemModelTester while they change in place.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include "client/core/comment_model.h"
#include "client/core/conference_data.h"
#include "client/core/live_draft_model.h"
#include "client/core/outline_model.h"
#include "client/core/participant_model.h"
#include "client/core/queue_model.h"
#include "client/core/section_summary_model.h"
#include "client/core/view_rows.h"

using namespace gopy;
using namespace gopy::client;

namespace {

Outline draftOutline()
{
    return Outline({
        Section{"I", "", 1, 1, "Phần I", "Đánh giá tình hình thực hiện Nghị quyết"},
        Section{"I.1", "I", 2, 2, "1.", "Phát triển kinh tế"},
        Section{"I.2", "I", 2, 3, "2.", "Văn hóa, xã hội"},
        Section{"II", "", 1, 4, "Phần II", "Phương hướng, nhiệm vụ 2025–2030"},
        Section{"II.3", "II", 2, 5, "3.", "Chuyển đổi số và cải cách hành chính"},
    });
}

Participant person(const std::string& id, const std::string& name, const std::string& group,
                   bool present = false)
{
    Participant p;
    p.id = id;
    p.conferenceId = 2;
    p.fullName = name;
    p.title = "Đại biểu";
    p.group = group;
    p.present = present;
    return p;
}

Comment comment(const std::string& id, const std::string& participant,
                std::vector<std::string> sections, CommentKind kind, Millis at)
{
    Comment c;
    c.id = id;
    c.conferenceId = 2;
    c.participantId = participant;
    c.sections = std::move(sections);
    c.kind = kind;
    c.text = "Ý kiến " + id;
    c.rev = 1;
    c.createdAt = at;
    c.updatedAt = at;
    return c;
}

ConferenceData sampleConference()
{
    proto::Snapshot snapshot;
    snapshot.head = 10;
    snapshot.conference.id = 2;
    snapshot.conference.title = "Hội nghị 2";
    snapshot.participants = {
        person("p1", "Nguyễn Thị Cúc", "Cựu chiến binh", true),
        person("p2", "Trần Văn Bình", "Lão thành cách mạng", true),
        person("p3", "Nguyễn Văn An", "Lão thành cách mạng"),
        person("p4", "Lê Minh Ánh", "Cựu chiến binh"),
    };
    snapshot.comments = {
        comment("c1", "p1", {"II.3"}, CommentKind::Amendment, 100),
        comment("c2", "p2", {"I.1", "II.3"}, CommentKind::Agreement, 200),
        comment("c3", "p2", {}, CommentKind::Other, 300),
        comment("c4", "p3", {"I.1"}, CommentKind::Addition, 400),
        comment("c5", "p1", {"II.3"}, CommentKind::Amendment, 500),
    };
    return ConferenceData::fromSnapshot(snapshot);
}

std::vector<std::string> names(const ParticipantModel& model)
{
    std::vector<std::string> result;
    for (int i = 0; i < model.rowCount(); ++i)
        result.push_back(model.data(model.index(i), ParticipantModel::FullNameRole).toString().toStdString());
    return result;
}

std::vector<std::string> commentIds(const CommentModel& model)
{
    std::vector<std::string> result;
    for (int i = 0; i < model.rowCount(); ++i)
        result.push_back(model.data(model.index(i), CommentModel::CommentIdRole).toString().toStdString());
    return result;
}

}  // namespace

TEST(ConferenceDataTest, ParticipantsInVietnameseOrderByGivenName)
{
    const ConferenceData data = sampleConference();
    std::vector<std::string> order;
    for (const Participant& p : data.participants)
        order.push_back(p.fullName);
    // Given name first: An, Ánh, Bình, Cúc.
    EXPECT_EQ(order, (std::vector<std::string>{"Nguyễn Văn An", "Lê Minh Ánh", "Trần Văn Bình",
                                               "Nguyễn Thị Cúc"}));
}

TEST(ConferenceDataTest, EventsUpsertAndIgnoreOldSequences)
{
    ConferenceData data = sampleConference();
    proto::Event event;
    event.seq = 11;
    event.conferenceId = 2;
    Comment edited = *data.comment("c1");
    edited.text = "Sửa “cơ bản hoàn thành” thành “hoàn thành”";
    edited.rev = 2;
    event.op = proto::CommentUpdate{"c1", 1, edited.text, edited.sections, edited.kind, {}, false, {}};
    event.comment = edited;
    EXPECT_TRUE(data.applyEvent(event));
    EXPECT_EQ(data.head, 11);
    EXPECT_EQ(data.comment("c1")->text, edited.text);
    EXPECT_EQ(data.comment("c1")->rev, 2);

    proto::Event stale = event;
    stale.seq = 9;
    stale.comment->text = "cũ";
    EXPECT_FALSE(data.applyEvent(stale));
    EXPECT_EQ(data.comment("c1")->text, edited.text);

    proto::Event other = event;
    other.seq = 12;
    other.conferenceId = 3;
    EXPECT_FALSE(data.applyEvent(other)) << "events of another conference are not ours";

    proto::Event removal;
    removal.seq = 13;
    removal.conferenceId = 2;
    removal.op = proto::CommentDelete{"c2"};
    removal.removedCommentId = "c2";
    EXPECT_TRUE(data.applyEvent(removal));
    EXPECT_EQ(data.comment("c2"), nullptr);
}

TEST(ConferenceDataTest, ConflictEventKeepsBothTexts)
{
    ConferenceData data = sampleConference();
    proto::Event event;
    event.seq = 11;
    event.conferenceId = 2;
    event.comment = *data.comment("c4");
    event.conflict = CommentConflict{7, "c4", 1, "Văn bản của thư ký 2", "Thư ký 2", 1000};
    EXPECT_TRUE(data.applyEvent(event));
    ASSERT_EQ(data.conflicts.size(), 1u);
    const auto rows = conflictRows(data);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].currentText, "Ý kiến c4");
    EXPECT_EQ(rows[0].conflict.text, "Văn bản của thư ký 2");

    proto::Event resolved;
    resolved.seq = 12;
    resolved.conferenceId = 2;
    resolved.resolvedConflicts = {7};
    EXPECT_TRUE(data.applyEvent(resolved));
    EXPECT_TRUE(data.conflicts.empty());
}

TEST(ConferenceDataTest, LocalPredictionOfQueueAndTurns)
{
    ConferenceData data = sampleConference();
    data.applyLocal(proto::QueueAdd{"t1", "p1", 1.0}, 0);
    data.applyLocal(proto::QueueAdd{"t2", "p2", 2.0}, 0);
    data.applyLocal(proto::QueueAdd{"t3", "p3", 3.0}, 0);
    data.applyLocal(proto::QueueMove{"t3", positionForMove(data.turns, "t3", 0)}, 0);
    ASSERT_EQ(data.turns.size(), 3u);
    EXPECT_EQ(data.turns[0].id, "t3");
    EXPECT_EQ(data.turns[1].id, "t1");
    data.applyLocal(proto::TurnStart{"t3", 1000}, 1000);
    data.applyLocal(proto::TurnStart{"t1", 61000}, 61000);
    EXPECT_EQ(data.turn("t3")->state, TurnState::Done);
    EXPECT_EQ(data.turn("t3")->endedAt, 61000);
    EXPECT_EQ(data.speakingTurn()->id, "t1");
    const auto rows = turnRows(data, {}, 91000);
    EXPECT_EQ(rows[0].secondsUsed, 60);
    EXPECT_EQ(rows[1].secondsUsed, 30) << "the speaking turn counts up to now";
    EXPECT_EQ(rows[0].fullName, "Nguyễn Văn An");
    data.applyLocal(proto::QueueRemove{"t2"}, 0);
    EXPECT_EQ(data.turn("t2"), nullptr);
}

TEST(ConferenceDataTest, LocalPredictionOfCommentsAndAttendance)
{
    ConferenceData data = sampleConference();
    EXPECT_EQ(data.presentCount(), 2);
    data.applyLocal(proto::AttendanceSet{"p3", true}, 0);
    EXPECT_EQ(data.presentCount(), 3);
    data.applyLocal(proto::HeadCount{57}, 0);
    EXPECT_EQ(data.presentCount(), 57) << "a head count replaces ticking";

    Comment created = comment("c9", "p4", {"I.2"}, CommentKind::Recommendation, 0);
    created.rev = 0;
    data.applyLocal(proto::CommentCreate{created}, 700);
    ASSERT_NE(data.comment("c9"), nullptr);
    EXPECT_EQ(data.comment("c9")->rev, 1);
    EXPECT_EQ(data.comment("c9")->createdAt, 700);
    data.applyLocal(proto::CommentUpdate{"c9", 1, "Kiến nghị mới", {"I.2"}, CommentKind::Recommendation,
                                         ProposedWording{"hoàn thành", "Phần I, mục 2"}, true, {}},
                    800);
    EXPECT_EQ(data.comment("c9")->text, "Kiến nghị mới");
    EXPECT_EQ(data.comment("c9")->rev, 2) << "a chain of offline edits predicts the next revision";
    EXPECT_TRUE(data.comment("c9")->written);
    data.applyLocal(proto::CommentFlag{"c9", true}, 0);
    EXPECT_TRUE(data.comment("c9")->flagged);
    data.applyLocal(proto::CommentDelete{"c9"}, 0);
    EXPECT_EQ(data.comment("c9"), nullptr);
}

TEST(ViewRowsTest, CommentsGroupedInDraftOrderThenCreation)
{
    const ConferenceData data = sampleConference();
    const auto rows = commentRows(data, draftOutline(), {"c5"});
    std::vector<std::string> order;
    for (const auto& row : rows)
        order.push_back(row.comment.id);
    // Untagged first ("Chung"), then I.1 (c2 before c4 by creation), then II.3 (c1, c5).
    EXPECT_EQ(order, (std::vector<std::string>{"c3", "c2", "c4", "c1", "c5"}));
    EXPECT_EQ(rows[0].sectionLabel, kGeneralSectionLabel);
    EXPECT_EQ(rows[1].sectionLabel, "I.1 — Phát triển kinh tế");
    EXPECT_EQ(rows[3].sectionLabel, "II.3 — Chuyển đổi số và cải cách hành chính");
    EXPECT_EQ(rows[1].speakerName, "Trần Văn Bình");
    EXPECT_TRUE(rows[4].pending);
    EXPECT_FALSE(rows[3].pending);
}

TEST(ViewRowsTest, SectionSummaryCountsPerKindInDraftOrder)
{
    const ConferenceData data = sampleConference();
    const auto rows = sectionSummary(data, draftOutline());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].code, "I.1");
    EXPECT_EQ(rows[0].total, 2);
    EXPECT_EQ(rows[0].byKind[static_cast<int>(CommentKind::Agreement)], 1);
    EXPECT_EQ(rows[0].byKind[static_cast<int>(CommentKind::Addition)], 1);
    EXPECT_EQ(rows[1].code, "II.3");
    EXPECT_EQ(rows[1].total, 3) << "a comment tagged with two sections counts in both";
    EXPECT_EQ(rows[1].byKind[static_cast<int>(CommentKind::Amendment)], 2);
    EXPECT_EQ(rows[1].byKind[static_cast<int>(CommentKind::Agreement)], 1);
}

TEST(ViewRowsTest, CountsPerDelegateGroup)
{
    const auto groups = groupCounts(sampleConference());
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].group, "Lão thành cách mạng");
    EXPECT_EQ(groups[0].comments, 3);
    EXPECT_EQ(groups[0].speakers, 2);
    EXPECT_EQ(groups[1].group, "Cựu chiến binh");
    EXPECT_EQ(groups[1].comments, 2);
    EXPECT_EQ(groups[1].speakers, 1);
}

TEST(ViewRowsTest, PositionsForMovesTouchOneTurn)
{
    std::vector<Turn> turns(3);
    turns[0].id = "a";
    turns[0].position = 1;
    turns[1].id = "b";
    turns[1].position = 2;
    turns[2].id = "c";
    turns[2].position = 3;
    EXPECT_DOUBLE_EQ(positionForMove(turns, "c", 0), 0.0);
    EXPECT_DOUBLE_EQ(positionForMove(turns, "c", 1), 1.5);
    EXPECT_DOUBLE_EQ(positionForMove(turns, "a", 2), 4.0);
    EXPECT_DOUBLE_EQ(positionForMove(turns, "a", 1), 2.5);
    EXPECT_DOUBLE_EQ(positionAtEnd(turns), 4.0);
    EXPECT_DOUBLE_EQ(positionAtEnd({}), 1.0);
}

TEST(ModelsTest, ParticipantFoldingFilter)
{
    ParticipantModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setParticipants(participantRows(sampleConference()));
    EXPECT_EQ(model.rowCount(), 4);
    model.setFilter(QStringLiteral("nguyen van a"));
    EXPECT_EQ(names(model), (std::vector<std::string>{"Nguyễn Văn An"}));
    model.setFilter(QStringLiteral("anh"));
    EXPECT_EQ(names(model), (std::vector<std::string>{"Lê Minh Ánh"}));
    model.setFilter(QStringLiteral("NGUYỄN"));
    EXPECT_EQ(names(model), (std::vector<std::string>{"Nguyễn Văn An", "Nguyễn Thị Cúc"}));
    model.setFilter(QStringLiteral("cuu chien"));
    EXPECT_EQ(names(model), (std::vector<std::string>{"Lê Minh Ánh", "Nguyễn Thị Cúc"}))
        << "the group is searched too";
    model.setFilter(QString());
    EXPECT_EQ(names(model), (std::vector<std::string>{"Nguyễn Văn An", "Lê Minh Ánh", "Trần Văn Bình",
                                                      "Nguyễn Thị Cúc"}));
    EXPECT_EQ(model.totalCount(), 4);
}

TEST(ModelsTest, CommentModelUpdatesInPlace)
{
    CommentModel model;
    CommentModel flagged(true);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester flaggedTester(&flagged, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ConferenceData data = sampleConference();
    const Outline outline = draftOutline();
    model.setComments(commentRows(data, outline, {}));
    flagged.setComments(commentRows(data, outline, {}));
    EXPECT_EQ(commentIds(model), (std::vector<std::string>{"c3", "c2", "c4", "c1", "c5"}));
    EXPECT_EQ(flagged.rowCount(), 0);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    data.applyLocal(proto::CommentCreate{comment("c6", "p4", {"I.2"}, CommentKind::Deletion, 600)}, 600);
    data.applyLocal(proto::CommentFlag{"c1", true}, 0);
    model.setComments(commentRows(data, outline, {}));
    flagged.setComments(commentRows(data, outline, {}));
    EXPECT_EQ(commentIds(model), (std::vector<std::string>{"c3", "c2", "c4", "c6", "c1", "c5"}));
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(removed.count(), 0);
    EXPECT_EQ(changed.count(), 1) << "only the flagged comment changed";
    EXPECT_EQ(reset.count(), 0) << "views keep their state";
    EXPECT_EQ(commentIds(flagged), (std::vector<std::string>{"c1"}));

    // Re-tagging moves a comment to another group.
    data.applyLocal(proto::CommentUpdate{"c3", 1, "Ý kiến c3", {"II.3"}, CommentKind::Other, {}, false, {}}, 0);
    model.setComments(commentRows(data, outline, {}));
    EXPECT_EQ(commentIds(model), (std::vector<std::string>{"c2", "c4", "c6", "c1", "c3", "c5"}))
        << "re-tagged: now in II.3, by creation";
    const int row = model.indexOf(QStringLiteral("c6"));
    EXPECT_EQ(model.data(model.index(row), CommentModel::KindRole).toString(), QStringLiteral("deletion"));
    EXPECT_EQ(model.data(model.index(row), CommentModel::SectionLabelRole).toString(),
              QStringLiteral("I.2 — Văn hóa, xã hội"));
    EXPECT_EQ(model.get(row).value(QStringLiteral("speakerName")).toString(), QStringLiteral("Lê Minh Ánh"));

    model.setParticipantFilter(QStringLiteral("p1"));
    EXPECT_EQ(commentIds(model), (std::vector<std::string>{"c1", "c5"}));
}

TEST(ModelsTest, OutlineFoldingFilter)
{
    OutlineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setOutline(draftOutline());
    EXPECT_EQ(model.rowCount(), 5);
    model.setFilter(QStringLiteral("chuyen doi so"));
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.data(model.index(0), OutlineModel::CodeRole).toString(), QStringLiteral("II.3"));
    EXPECT_EQ(model.data(model.index(0), OutlineModel::FullTitleRole).toString(),
              QStringLiteral("Phần II Phương hướng, nhiệm vụ 2025–2030 › 3. Chuyển đổi số và cải cách hành chính"));
}

TEST(ModelsTest, SectionSummaryAndGroups)
{
    SectionSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const ConferenceData data = sampleConference();
    model.setSummary(sectionSummary(data, draftOutline()), groupCounts(data), 5, 3, 0);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.data(model.index(1), SectionSummaryModel::AmendmentRole).toInt(), 2);
    EXPECT_EQ(model.data(model.index(1), SectionSummaryModel::TotalRole).toInt(), 3);
    const QVariantList groups = model.groupCounts();
    ASSERT_EQ(groups.size(), 2);
    EXPECT_EQ(groups[0].toMap().value(QStringLiteral("group")).toString(), QStringLiteral("Lão thành cách mạng"));
    EXPECT_EQ(groups[0].toMap().value(QStringLiteral("count")).toInt(), 3);
    EXPECT_EQ(model.totalComments(), 5);
}

TEST(ModelsTest, LiveDraftsFollowTypingAndClear)
{
    LiveDraftModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proto::Typing typing{2, "", 0, "p1", "Đồng chí", "Thư ký 1", false};
    model.apply(typing, "Nguyễn Thị Cúc", 1000);
    typing.text = "Đồng chí đề nghị";
    model.apply(typing, "Nguyễn Thị Cúc", 1100);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.data(model.index(0), LiveDraftModel::TextRole).toString(), QStringLiteral("Đồng chí đề nghị"));
    proto::Typing other{2, "c4", 1, "p3", "Sửa", "Thư ký 2", false};
    model.apply(other, "Nguyễn Văn An", 1200);
    EXPECT_EQ(model.rowCount(), 2);
    typing.done = true;
    model.apply(typing, "Nguyễn Thị Cúc", 1300);
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.data(model.index(0), LiveDraftModel::DeviceNameRole).toString(), QStringLiteral("Thư ký 2"));
    model.expire(1201);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(ModelsTest, QueueCounts)
{
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ConferenceData data = sampleConference();
    data.applyLocal(proto::QueueAdd{"t1", "p1", 1}, 0);
    data.applyLocal(proto::QueueAdd{"t2", "p2", 2}, 0);
    data.applyLocal(proto::TurnStart{"t1", 10}, 10);
    model.setTurns(turnRows(data, {"t2"}, 20));
    EXPECT_EQ(model.waitingCount(), 1);
    EXPECT_EQ(model.doneCount(), 0);
    EXPECT_EQ(model.data(model.index(0), QueueModel::StateRole).toString(), QStringLiteral("speaking"));
    EXPECT_TRUE(model.data(model.index(1), QueueModel::PendingRole).toBool());
    data.applyLocal(proto::QueueMove{"t2", 0.5}, 0);
    model.setTurns(turnRows(data, {}, 20));
    EXPECT_EQ(model.indexOf(QStringLiteral("t2")), 0);
}
