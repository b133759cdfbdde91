// Engine::applyBatch: exactly-once, refusals, the operations' semantics, conflicts, roles,
// text normalisation and disk-full handling.
#include <sqlite3.h>

#include <map>
#include <set>

#include "fixture.h"
#include "gopy/limits.h"
#include "server/sync/permissions.h"

namespace gopy::server::testing {
namespace {

using Batch = std::vector<std::pair<Device, proto::OpRequest>>;

class ApplyTest : public EngineTest {};

TEST_F(ApplyTest, DuplicateIsAcknowledgedWithTheOriginalSeq) {
    const auto s = secretary();
    const auto first = engine_->apply(s, request(s, 1, 1, proto::CommentCreate{comment("c1", "Một")}), now_);
    ASSERT_TRUE(first.ack);
    ASSERT_TRUE(first.event);
    EXPECT_EQ(first.event->seq, first.ack->serverSeq);
    applyOk(s, 2, 1, proto::CommentCreate{comment("c2", "Hai")});

    const auto replay = engine_->apply(s, request(s, 1, 1, proto::CommentCreate{comment("c1", "Một")}), now_);
    ASSERT_TRUE(replay.ack);
    EXPECT_TRUE(replay.ack->duplicate);
    EXPECT_EQ(replay.ack->serverSeq, first.ack->serverSeq);
    EXPECT_FALSE(replay.event);
    EXPECT_EQ(rows("comments"), 2);
    EXPECT_EQ(rows("oplog"), 2);
}

// The same (client id, seq) with other content is another op: never acknowledged as the
// duplicate of the first (its comment would silently never exist), nothing applied.
TEST_F(ApplyTest, ReusedSeqWithOtherContentIsRefusedNotTakenForADuplicate) {
    const auto s = secretary();
    applyOk(s, 1, 1, proto::CommentCreate{comment("c1", "Một")});
    const auto reused = engine_->apply(s, request(s, 1, 1, proto::CommentCreate{comment("c9", "Chín")}), now_);
    ASSERT_TRUE(reused.nack);
    EXPECT_EQ(reused.nack->code, proto::ErrorCode::SeqReused);
    EXPECT_EQ(reused.nack->expectedSeq, 2);
    EXPECT_NE(reused.nack->message.find("bộ đếm của thiết bị bị lùi"), std::string::npos) << reused.nack->message;
    EXPECT_FALSE(reused.event);
    EXPECT_EQ(rows("comments"), 1);
    EXPECT_EQ(rows("oplog"), 1);
    // The true replay is still a duplicate, and the client renumbered gets its comment in.
    const auto replay = engine_->apply(s, request(s, 1, 1, proto::CommentCreate{comment("c1", "Một")}), now_);
    ASSERT_TRUE(replay.ack);
    EXPECT_TRUE(replay.ack->duplicate);
    applyOk(s, 2, 1, proto::CommentCreate{comment("c9", "Chín")});
    EXPECT_EQ(rows("comments"), 2);

    // A refused op's seq, reused with other content, is refused the same way.
    const auto refused = engine_->apply(s, request(s, 3, 1, proto::CommentCreate{comment("c3", "")}), now_);
    ASSERT_TRUE(refused.nack);
    EXPECT_EQ(refused.nack->code, proto::ErrorCode::Invalid);
    const auto again = engine_->apply(s, request(s, 3, 1, proto::CommentCreate{comment("c3", "Ba")}), now_);
    ASSERT_TRUE(again.nack);
    EXPECT_EQ(again.nack->code, proto::ErrorCode::SeqReused);
    const auto same = engine_->apply(s, request(s, 3, 1, proto::CommentCreate{comment("c3", "")}), now_);
    ASSERT_TRUE(same.nack);
    EXPECT_EQ(same.nack->code, proto::ErrorCode::Invalid);
    EXPECT_EQ(engine_->store().db().scalarInt("SELECT count(*) FROM oplog WHERE op_digest IS NOT NULL"), 2);
    EXPECT_EQ(engine_->store().db().scalarInt("SELECT count(*) FROM op_outcomes WHERE op_digest IS NOT NULL"), 1);
}

TEST_F(ApplyTest, GapIsRefusedWithTheExpectedSeq) {
    const auto s = secretary();
    applyOk(s, 1, 1, proto::CommentCreate{comment("c1", "Một")});
    const auto gap = engine_->apply(s, request(s, 3, 1, proto::CommentCreate{comment("c3", "Ba")}), now_);
    ASSERT_TRUE(gap.nack);
    EXPECT_EQ(gap.nack->code, proto::ErrorCode::Gap);
    EXPECT_EQ(gap.nack->expectedSeq, 2);
    EXPECT_FALSE(engine_->store().comments().get("c3"));
    // The gap did not consume anything: 2 then 3 apply.
    applyOk(s, 2, 1, proto::CommentCreate{comment("c2", "Hai")});
    applyOk(s, 3, 1, proto::CommentCreate{comment("c3", "Ba")});
}

TEST_F(ApplyTest, RefusedOpAdvancesTheClientAndReplaysTheSameNack) {
    const auto s = secretary();
    const auto bad = engine_->apply(s, request(s, 1, 1, proto::CommentCreate{comment("c1", "   ")}), now_);
    ASSERT_TRUE(bad.nack);
    EXPECT_EQ(bad.nack->code, proto::ErrorCode::Invalid);
    EXPECT_FALSE(bad.event);
    // The next op is not blocked behind the refused one.
    applyOk(s, 2, 1, proto::CommentCreate{comment("c2", "Hai")});
    const auto replay = engine_->apply(s, request(s, 1, 1, proto::CommentCreate{comment("c1", "   ")}), now_);
    ASSERT_TRUE(replay.nack);
    EXPECT_EQ(replay.nack->code, bad.nack->code);
    EXPECT_EQ(replay.nack->message, bad.nack->message);
    EXPECT_EQ(rows("comments"), 1);
}

TEST_F(ApplyTest, OpOfAnotherDeviceIsForbidden) {
    const auto s = secretary("d-a");
    const auto other = secretary("d-b");
    const auto result = engine_->apply(s, request(other, 1, 1, proto::CommentCreate{comment("c1", "x")}), now_);
    ASSERT_TRUE(result.nack);
    EXPECT_EQ(result.nack->code, proto::ErrorCode::Forbidden);
    EXPECT_EQ(engine_->store().clientSeqs().get("d-b").lastSeq, 0);
}

TEST_F(ApplyTest, ScopedDeviceStaysInItsConference) {
    const auto s = secretary("d-s1", 1);
    const auto result = engine_->apply(
        s, request(s, 1, 2, proto::CommentCreate{comment("c1", "x", {"I.1"}, "p3")}), now_);
    ASSERT_TRUE(result.nack);
    EXPECT_EQ(result.nack->code, proto::ErrorCode::Forbidden);
}

TEST_F(ApplyTest, BatchIsOneTransactionWithOneResultPerOp) {
    const auto a = secretary("d-a");
    const auto b = secretary("d-b");
    Batch batch;
    batch.emplace_back(a, request(a, 1, 1, proto::CommentCreate{comment("c1", "Một")}));
    batch.emplace_back(b, request(b, 1, 1, proto::CommentCreate{comment("c2", "Hai")}));
    batch.emplace_back(a, request(a, 2, 1, proto::CommentCreate{comment("c3", "", {})}));
    batch.emplace_back(a, request(a, 3, 1, proto::CommentCreate{comment("c4", "Bốn")}));
    batch.emplace_back(a, request(a, 3, 1, proto::CommentCreate{comment("c4", "Bốn")}));
    batch.emplace_back(b, request(b, 5, 1, proto::CommentCreate{comment("c5", "Năm")}));
    const auto results = engine_->applyBatch(batch, now_);
    ASSERT_EQ(results.size(), batch.size());
    EXPECT_TRUE(results[0].ack && !results[0].ack->duplicate);
    EXPECT_TRUE(results[1].ack && !results[1].ack->duplicate);
    EXPECT_TRUE(results[2].nack && results[2].nack->code == proto::ErrorCode::Invalid);
    EXPECT_TRUE(results[3].ack && !results[3].ack->duplicate);
    EXPECT_TRUE(results[4].ack && results[4].ack->duplicate);
    EXPECT_EQ(results[4].ack->serverSeq, results[3].ack->serverSeq);
    EXPECT_TRUE(results[5].nack && results[5].nack->code == proto::ErrorCode::Gap);
    EXPECT_LT(results[0].ack->serverSeq, results[1].ack->serverSeq);
    EXPECT_LT(results[1].ack->serverSeq, results[3].ack->serverSeq);
    EXPECT_EQ(rows("comments"), 3);
}

TEST_F(ApplyTest, StateSurvivesReopening) {
    const auto s = secretary();
    const auto seq = applyOk(s, 1, 1, proto::CommentCreate{comment("c1", "Một")});
    reopen();
    EXPECT_TRUE(engine_->store().comments().get("c1"));
    const auto replay = engine_->apply(s, request(s, 1, 1, proto::CommentCreate{comment("c1", "Một")}), now_);
    ASSERT_TRUE(replay.ack);
    EXPECT_TRUE(replay.ack->duplicate);
    EXPECT_EQ(replay.ack->serverSeq, seq);
}

TEST_F(ApplyTest, SessionQueueAndTurns) {
    const auto s = secretary();
    int n = 0;
    const auto start = engine_->apply(s, request(s, ++n, 1, proto::SessionStart{1000}), now_);
    ASSERT_TRUE(start.event && start.event->conference);
    EXPECT_EQ(start.event->conference->state, ConferenceState::InSession);
    EXPECT_EQ(start.event->conference->startedAt, 1000);
    const auto again = engine_->apply(s, request(s, ++n, 1, proto::SessionStart{}), now_);
    ASSERT_TRUE(again.nack);
    EXPECT_EQ(again.nack->code, proto::ErrorCode::Invalid);

    const auto present = engine_->apply(s, request(s, ++n, 1, proto::AttendanceSet{"p1", true}), now_);
    ASSERT_TRUE(present.event && present.event->participant);
    EXPECT_TRUE(present.event->participant->present);
    const auto wrongConference =
        engine_->apply(s, request(s, ++n, 1, proto::AttendanceSet{"p3", true}), now_);
    ASSERT_TRUE(wrongConference.nack);
    EXPECT_EQ(wrongConference.nack->code, proto::ErrorCode::NotFound);
    const auto count = engine_->apply(s, request(s, ++n, 1, proto::HeadCount{37}), now_);
    ASSERT_TRUE(count.event && count.event->conference);
    EXPECT_EQ(count.event->conference->presentCount, 37);

    Participant added{"p9", 0, "Hoàng Thị Giang", "Đại biểu", "Phường Kim Mã", "D"};
    const auto add = engine_->apply(s, request(s, ++n, 1, proto::ParticipantAdd{added}), now_);
    ASSERT_TRUE(add.event && add.event->participant);
    EXPECT_EQ(add.event->participant->conferenceId, 1);
    const auto duplicateId = engine_->apply(s, request(s, ++n, 1, proto::ParticipantAdd{added}), now_);
    ASSERT_TRUE(duplicateId.nack);

    applyOk(s, ++n, 1, proto::QueueAdd{"t1", "p1", 1.0});
    applyOk(s, ++n, 1, proto::QueueAdd{"t2", "p2", 2.0});
    applyOk(s, ++n, 1, proto::QueueAdd{"t3", "p9", 3.0});
    applyOk(s, ++n, 1, proto::QueueMove{"t3", 0.5});
    EXPECT_EQ(engine_->store().turns().byConference(1).front().id, "t3");
    const auto speak1 = engine_->apply(s, request(s, ++n, 1, proto::TurnStart{"t1", 2000}), now_);
    ASSERT_TRUE(speak1.event && speak1.event->turn);
    EXPECT_EQ(speak1.event->turn->state, TurnState::Speaking);
    // Starting the next speaker stops the current one.
    applyOk(s, ++n, 1, proto::TurnStart{"t2", 3000});
    const auto t1 = engine_->store().turns().get("t1");
    EXPECT_EQ(t1->state, TurnState::Done);
    EXPECT_EQ(t1->endedAt, 3000);
    const auto removeSpoken = engine_->apply(s, request(s, ++n, 1, proto::QueueRemove{"t1"}), now_);
    ASSERT_TRUE(removeSpoken.nack);
    const auto remove = engine_->apply(s, request(s, ++n, 1, proto::QueueRemove{"t3"}), now_);
    ASSERT_TRUE(remove.event);
    EXPECT_EQ(remove.event->removedTurnId, "t3");
    const auto stopWaiting = engine_->apply(s, request(s, ++n, 1, proto::TurnStop{"t1", 4000}), now_);
    ASSERT_TRUE(stopWaiting.nack);
    EXPECT_EQ(stopWaiting.endedSession, 0);
    EXPECT_EQ(remove.endedSession, 0);
    EXPECT_TRUE(engine_->endedWithoutReport().empty());
    const auto end = engine_->apply(s, request(s, ++n, 1, proto::SessionEnd{5000}), now_);
    ASSERT_TRUE(end.event && end.event->conference && end.event->turn);
    EXPECT_EQ(end.event->conference->state, ConferenceState::Concluded);
    EXPECT_EQ(end.event->conference->endedAt, 5000);
    EXPECT_EQ(end.event->turn->id, "t2");
    EXPECT_EQ(end.event->turn->state, TurnState::Done);
    EXPECT_EQ(end.endedSession, 1);
    EXPECT_EQ(engine_->endedWithoutReport(), std::vector<std::int64_t>{1});
    EXPECT_FALSE(engine_->store().turns().speaking(1));
}

TEST_F(ApplyTest, CommentValidation) {
    const auto s = secretary();
    int n = 0;
    const auto expectNack = [&](Comment c, proto::ErrorCode code) {
        const auto result = engine_->apply(s, request(s, ++n, 1, proto::CommentCreate{std::move(c)}), now_);
        ASSERT_TRUE(result.nack);
        EXPECT_EQ(result.nack->code, code) << result.nack->message;
    };
    expectNack(comment("c1", " \n\t "), proto::ErrorCode::Invalid);
    expectNack(comment("", "x"), proto::ErrorCode::Invalid);
    expectNack(comment("c1", "x", {"IX.9"}), proto::ErrorCode::NotFound);
    expectNack(comment("c1", "x", {"I.1"}, "p3"), proto::ErrorCode::NotFound);
    expectNack(comment("c1", "x", {"I.1"}, "nobody"), proto::ErrorCode::NotFound);
    Comment badKind = comment("c1", "x");
    badKind.kind = static_cast<CommentKind>(42);
    expectNack(badKind, proto::ErrorCode::Invalid);
    Comment emptyWording = comment("c1", "x");
    emptyWording.proposed = ProposedWording{"  ", "dòng 3"};
    expectNack(emptyWording, proto::ErrorCode::Invalid);
    Comment unknownTurn = comment("c1", "x");
    unknownTurn.turnId = "t-none";
    expectNack(unknownTurn, proto::ErrorCode::NotFound);

    Comment good = comment("c1", "  Đề nghị bổ sung  ", {"I.1", "I.2", "I.1"});
    good.proposed = ProposedWording{"Phát triển kinh tế số", "Phần II, mục 4"};
    good.flagged = true;
    const auto created = engine_->apply(s, request(s, ++n, 1, proto::CommentCreate{good}), now_);
    ASSERT_TRUE(created.event && created.event->comment);
    const Comment& stored = *created.event->comment;
    EXPECT_EQ(stored.text, "Đề nghị bổ sung");
    EXPECT_EQ(stored.sections, (std::vector<std::string>{"I.1", "I.2"}));
    EXPECT_EQ(stored.rev, 1);
    EXPECT_FALSE(stored.flagged);  // only the chair flags
    EXPECT_EQ(stored.createdAt, now_);
    EXPECT_EQ(engine_->store().comments().get("c1"), stored);
    expectNack(comment("c1", "again"), proto::ErrorCode::Invalid);
}

TEST_F(ApplyTest, UpdateDeleteAndFlag) {
    const auto s = secretary();
    const auto c = chair();
    applyOk(s, 1, 1, proto::CommentCreate{comment("c1", "Bản đầu")});
    proto::CommentUpdate update{"c1", 1, "Bản sửa", {"II.1"}, CommentKind::Amendment,
                                ProposedWording{"câu mới", "trang 3"}, true, {}};
    const auto updated = engine_->apply(s, request(s, 2, 1, update), now_ + 5);
    ASSERT_TRUE(updated.event && updated.event->comment);
    EXPECT_EQ(updated.event->comment->rev, 2);
    EXPECT_EQ(updated.event->comment->text, "Bản sửa");
    EXPECT_EQ(updated.event->comment->kind, CommentKind::Amendment);
    EXPECT_TRUE(updated.event->comment->written);
    EXPECT_EQ(updated.event->comment->updatedAt, now_ + 5);
    EXPECT_FALSE(updated.event->conflict);

    const auto flagged = engine_->apply(c, request(c, 1, 1, proto::CommentFlag{"c1", true}), now_);
    ASSERT_TRUE(flagged.event && flagged.event->comment);
    EXPECT_TRUE(flagged.event->comment->flagged);
    EXPECT_TRUE(engine_->store().comments().get("c1")->flagged);

    const auto deleted = engine_->apply(s, request(s, 3, 1, proto::CommentDelete{"c1"}), now_);
    ASSERT_TRUE(deleted.event);
    EXPECT_EQ(deleted.event->removedCommentId, "c1");
    EXPECT_FALSE(engine_->store().comments().get("c1"));
    const auto again = engine_->apply(s, request(s, 4, 1, proto::CommentDelete{"c1"}), now_);
    ASSERT_TRUE(again.nack);
    EXPECT_EQ(again.nack->code, proto::ErrorCode::NotFound);
}

TEST_F(ApplyTest, ConflictingEditKeepsBothTexts) {
    const auto a = secretary("d-a");
    const auto b = secretary("d-b");
    applyOk(a, 1, 1, proto::CommentCreate{comment("c1", "Bản gốc")});
    // Both edit revision 1; a's edit arrives first and wins.
    proto::CommentUpdate fromA{"c1", 1, "Bản của thư ký A", {"I.1"}, CommentKind::Addition,
                               std::nullopt, false, {}};
    proto::CommentUpdate fromB{"c1", 1, "Bản của thư ký B", {"I.2"}, CommentKind::Amendment,
                               std::nullopt, false, {}};
    applyOk(a, 2, 1, fromA);
    const auto lost = engine_->apply(b, request(b, 1, 1, fromB), now_);
    ASSERT_TRUE(lost.ack);
    ASSERT_TRUE(lost.event && lost.event->conflict && lost.event->comment);
    EXPECT_EQ(lost.event->comment->text, "Bản của thư ký A");
    // A changed only the text; B's section and kind (which A left as they were) are merged in.
    EXPECT_EQ(lost.event->comment->rev, 3);
    EXPECT_EQ(lost.event->comment->sections, std::vector<std::string>{"I.2"});
    EXPECT_EQ(lost.event->comment->kind, CommentKind::Amendment);
    EXPECT_EQ(lost.event->conflict->text, "Bản của thư ký B");
    ASSERT_TRUE(lost.event->conflict->fields);
    EXPECT_TRUE(lost.event->conflict->fields->conflicting.empty()) << "only the texts clashed";
    EXPECT_EQ(lost.event->conflict->baseRev, 1);
    EXPECT_EQ(lost.event->conflict->deviceName, b.name);
    EXPECT_EQ(engine_->store().comments().get("c1")->text, "Bản của thư ký A");
    const auto open = engine_->store().comments().unresolvedConflicts(1);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open.front().text, "Bản của thư ký B");

    // A person merges both and settles the conflict.
    proto::CommentUpdate merged{"c1", 3, "Bản của thư ký A; bổ sung ý của thư ký B",
                                {"I.1", "I.2"}, CommentKind::Addition, std::nullopt, false,
                                {open.front().id}};
    const auto settled = engine_->apply(b, request(b, 2, 1, merged), now_);
    ASSERT_TRUE(settled.event);
    EXPECT_EQ(settled.event->resolvedConflicts, std::vector<std::int64_t>{open.front().id});
    EXPECT_EQ(settled.event->comment->rev, 4);
    EXPECT_TRUE(engine_->store().comments().unresolvedConflicts(1).empty());
}

TEST_F(ApplyTest, DecomposedTextIsStoredComposed) {
    const auto s = secretary();
    // "Nguyễn" and "góp ý" typed as base letters plus combining marks (NFD).
    const std::string nfd = "Nguye\xCC\x82\xCC\x83n go\xCC\x81p y\xCC\x81";
    const std::string nfc = "Nguyễn góp ý";
    ASSERT_NE(nfd, nfc);
    applyOk(s, 1, 1, proto::CommentCreate{comment("c1", nfd)});
    EXPECT_EQ(engine_->store().comments().get("c1")->text, nfc);
    Participant p{"p-nfd", 1, nfd, nfd, "", ""};
    applyOk(s, 2, 1, proto::ParticipantAdd{p});
    EXPECT_EQ(engine_->store().participants().get("p-nfd")->fullName, nfc);
    proto::CommentUpdate update{"c1", 1, nfd + " (sửa)", {"I.1"}, CommentKind::Other,
                                ProposedWording{nfd, nfd}, false, {}};
    applyOk(s, 3, 1, update);
    const auto stored = engine_->store().comments().get("c1");
    EXPECT_EQ(stored->text, nfc + " (sửa)");
    EXPECT_EQ(stored->proposed->wording, nfc);
}

// Every operation kind × every role: only the matrix decides Forbidden.
TEST_F(ApplyTest, RoleMatrix) {
    const auto seedDevice = organiser();
    int seedSeq = 0;
    applyOk(seedDevice, ++seedSeq, 1, proto::CommentCreate{comment("c-base", "Ý kiến có sẵn")});
    const auto report = engine_->storeReport(1, "pdf", "%PDF-1.4 test", now_);

    const std::vector<proto::Operation> kinds = {
        proto::SessionStart{},
        proto::SessionEnd{},
        proto::AttendanceSet{"p1", true},
        proto::HeadCount{10},
        proto::ParticipantAdd{Participant{"p-new", 1, "Vũ Văn Hải", "", "", ""}},
        proto::QueueAdd{"t-new", "p1", 1.0},
        proto::QueueMove{"t-new", 2.0},
        proto::QueueRemove{"t-new"},
        proto::TurnStart{"t-new", 0},
        proto::TurnStop{"t-new", 0},
        proto::CommentCreate{comment("c-new", "Ý kiến mới")},
        proto::CommentUpdate{"c-base", 1, "Sửa", {"I.1"}, CommentKind::Other, std::nullopt, false, {}},
        proto::CommentDelete{"c-none"},
        proto::CommentFlag{"c-base", true},
        proto::ReportRelease{report.id},
        proto::CommentAssign{{"c-base"}, {"I.1"}},
        proto::GroupSet{"g-1", "I.1", {"c-base"}},
        proto::AcceptanceSet{"g-none", "", Acceptance::Accepted, "Tiếp thu"},
        proto::GrassrootsReport{99, 0},
    };
    ASSERT_EQ(kinds.size(), std::variant_size_v<proto::Operation>);
    for (const Role role : {Role::Organiser, Role::Secretary, Role::Chair, Role::Delegate,
                            Role::Grassroots, Role::Drafting}) {
        // The grassroots reporter is bound to organisation 99 (the report below names it).
        const Device device{"d-" + std::string(toString(role)), "Máy", role, 0,
                            role == Role::Grassroots ? 99 : 0};
        std::int64_t seq = 0;
        for (const auto& op : kinds) {
            const bool drafting = std::holds_alternative<proto::CommentAssign>(op) ||
                                  std::holds_alternative<proto::GroupSet>(op) ||
                                  std::holds_alternative<proto::AcceptanceSet>(op);
            const bool grassrootsReport = std::holds_alternative<proto::GrassrootsReport>(op);
            // A grassroots reporter may create comments only in the grassroots channel and
            // edit only its own organisation's: in conference 1 only its report remains, and
            // the delete of a missing comment, which is not found before any ownership check.
            const bool allowed = role == Role::Organiser ||
                                 (role == Role::Secretary &&
                                  !std::holds_alternative<proto::CommentFlag>(op) && !drafting &&
                                  !grassrootsReport) ||
                                 (role == Role::Chair &&
                                  (std::holds_alternative<proto::CommentFlag>(op) ||
                                   std::holds_alternative<proto::ReportRelease>(op))) ||
                                 (role == Role::Grassroots &&
                                  (grassrootsReport ||
                                   std::holds_alternative<proto::CommentDelete>(op))) ||
                                 (role == Role::Drafting && drafting);
            const auto result = engine_->apply(device, request(device, ++seq, 1, op), now_);
            const bool forbidden = result.nack && result.nack->code == proto::ErrorCode::Forbidden;
            EXPECT_EQ(forbidden, !allowed)
                << toString(role) << " " << proto::kindName(op) << ": "
                << (result.nack ? result.nack->message : "ack");
            if (allowed && role != Role::Organiser) {
                EXPECT_TRUE(result.ack || result.nack->code != proto::ErrorCode::Forbidden);
            }
        }
        EXPECT_EQ(engine_->store().clientSeqs().get(device.id).lastSeq, seq);
    }
}

// The role table itself (permissions::mayApply), every operation kind × every role.
TEST(Permissions, RoleTable) {
    const std::vector<proto::Operation> kinds = {
        proto::SessionStart{},   proto::SessionEnd{},    proto::AttendanceSet{},
        proto::HeadCount{},      proto::ParticipantAdd{}, proto::QueueAdd{},
        proto::QueueMove{},      proto::QueueRemove{},   proto::TurnStart{},
        proto::TurnStop{},       proto::CommentCreate{}, proto::CommentUpdate{},
        proto::CommentDelete{},  proto::CommentFlag{},   proto::ReportRelease{},
        proto::CommentAssign{},  proto::GroupSet{},      proto::AcceptanceSet{},
        proto::GrassrootsReport{},
    };
    ASSERT_EQ(kinds.size(), std::variant_size_v<proto::Operation>);
    const std::map<Role, std::set<std::string>> only = {
        {Role::Chair, {"comment.flag", "report.release"}},
        {Role::Delegate, {}},
        {Role::Grassroots,
         {"comment.create", "comment.update", "comment.delete", "grassroots.report"}},
        {Role::Drafting, {"comment.assign", "group.set", "acceptance.set"}},
    };
    const std::set<std::string> notSecretary = {"comment.flag", "comment.assign", "group.set",
                                                "acceptance.set", "grassroots.report"};
    for (const auto& op : kinds) {
        const std::string kind(proto::kindName(op));
        EXPECT_TRUE(permissions::mayApply(Role::Organiser, op)) << kind;
        EXPECT_EQ(permissions::mayApply(Role::Secretary, op), !notSecretary.contains(kind)) << kind;
        for (const auto& [role, allowed] : only) {
            EXPECT_EQ(permissions::mayApply(role, op), allowed.contains(kind))
                << toString(role) << " " << kind;
        }
    }
}

TEST_F(ApplyTest, ReportReleaseAndReads) {
    const auto first = engine_->storeReport(1, "pdf", "%PDF-1.4 first", now_);
    const auto second = engine_->storeReport(1, "pdf", "%PDF-1.4 second", now_ + 1);
    const auto docx = engine_->storeReport(1, "docx", "PK docx", now_ + 2);
    const auto combined = engine_->storeReport(0, "pdf", "%PDF-1.4 combined", now_ + 3);
    EXPECT_EQ(first.version, 1);
    EXPECT_EQ(second.version, 2);
    EXPECT_EQ(docx.version, 1);
    const auto abc = engine_->storeReport(2, "pdf", "abc", now_);
    EXPECT_EQ(abc.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(engine_->reportContent(second.id), "%PDF-1.4 second");
    EXPECT_EQ(engine_->listReports(1, false).size(), 3u);
    EXPECT_TRUE(engine_->listReports(1, true).empty());

    const auto delegate1 = delegate("d-del", 1);
    EXPECT_FALSE(engine_->mayRead(delegate1, *engine_->reportInfo(second.id)));
    const auto s = secretary("d-sec", 1);
    EXPECT_TRUE(engine_->mayRead(s, *engine_->reportInfo(second.id)));
    EXPECT_FALSE(engine_->mayRead(s, *engine_->reportInfo(combined.id)));
    const auto released = engine_->apply(s, request(s, 1, 1, proto::ReportRelease{second.id}), now_);
    ASSERT_TRUE(released.event && released.event->report);
    EXPECT_TRUE(released.event->report->released);
    EXPECT_EQ(released.event->conferenceId, 1);
    EXPECT_TRUE(engine_->mayRead(delegate1, *engine_->reportInfo(second.id)));
    EXPECT_FALSE(engine_->mayRead(delegate("d-del2", 2), *engine_->reportInfo(second.id)));
    EXPECT_EQ(engine_->listReports(1, true).size(), 1u);
    // A secretary of conference 1 may not release the combined synthesis.
    const auto outOfScope =
        engine_->apply(s, request(s, 2, 1, proto::ReportRelease{combined.id}), now_);
    ASSERT_TRUE(outOfScope.nack);
    EXPECT_EQ(outOfScope.nack->code, proto::ErrorCode::Forbidden);
    const auto missing = engine_->apply(s, request(s, 3, 1, proto::ReportRelease{999}), now_);
    ASSERT_TRUE(missing.nack);
    EXPECT_EQ(missing.nack->code, proto::ErrorCode::NotFound);
}

TEST_F(ApplyTest, AnEndedSessionIsNamedInItsResultAndWaitsForItsSynthesis) {
    const auto s = secretary();
    applyOk(s, 1, 1, proto::SessionStart{});
    const auto results = engine_->applyBatch(
        {{s, request(s, 2, 1, proto::CommentCreate{comment("c1", "Một")})},
         {s, request(s, 3, 1, proto::SessionEnd{})}},
        now_);
    ASSERT_EQ(results.size(), 2U);
    EXPECT_EQ(results[0].endedSession, 0);
    EXPECT_EQ(results[1].endedSession, 1);
    // Committed when the results come back: a reader sees the concluded session.
    const auto snapshot = engine_->subscribe(organiser(), proto::Subscribe{1, 0});
    ASSERT_TRUE(snapshot.snapshot);
    EXPECT_EQ(snapshot.snapshot->conference.state, ConferenceState::Concluded);
    EXPECT_EQ(engine_->endedWithoutReport(), std::vector<std::int64_t>{1});
    // A DOCX is no synthesis for the devices; the PDF is.
    engine_->storeReport(1, "docx", "PK docx", now_);
    EXPECT_EQ(engine_->endedWithoutReport(), std::vector<std::int64_t>{1});
    const auto stored = engine_->storeReport(1, "pdf", "%PDF-1.4 synthesis", now_);
    EXPECT_TRUE(engine_->endedWithoutReport().empty());
    EXPECT_EQ(engine_->reportContent(stored.id), "%PDF-1.4 synthesis");
}

TEST_F(ApplyTest, ReportStorageNestsInACallersTransaction) {
    auto& db = engine_->store().db();
    ReportInfo kept;
    {
        store::Transaction transaction(db);
        kept = engine_->storeReport(1, "pdf", "kept", now_);
        transaction.commit();
    }
    ReportInfo dropped;
    {
        store::Transaction transaction(db);
        dropped = engine_->storeReport(1, "pdf", "dropped", now_);
    }
    EXPECT_EQ(engine_->reportContent(kept.id), "kept");
    EXPECT_FALSE(engine_->reportInfo(dropped.id));
}

TEST_F(ApplyTest, DiskFullRefusesTheWholeBatchAndRecovers) {
    const auto s = secretary();
    applyOk(s, 1, 1, proto::CommentCreate{comment("c0", "Trước khi đầy")});
    auto& db = engine_->store().db();
    const auto pages = db.scalarInt("PRAGMA page_count");
    db.exec("PRAGMA max_page_count = " + std::to_string(pages));

    // Within the comment length limit (gopy/limits.h), each still needs new pages.
    const std::string big(limits::kCommentText, 'x');
    Batch batch;
    batch.emplace_back(s, request(s, 2, 1, proto::CommentCreate{comment("c1", "Ý kiến ngắn")}));
    batch.emplace_back(s, request(s, 3, 1, proto::CommentCreate{comment("c2", big)}));
    batch.emplace_back(s, request(s, 4, 1, proto::CommentCreate{comment("c3", big)}));
    const auto full = engine_->applyBatch(batch, now_);
    ASSERT_EQ(full.size(), 3u);
    for (const auto& result : full) {
        ASSERT_TRUE(result.nack);
        EXPECT_EQ(result.nack->code, proto::ErrorCode::StorageFull);
        EXPECT_EQ(result.nack->message, "Ổ đĩa đầy hoặc lỗi ghi; chưa lưu, hãy thử lại");
        EXPECT_FALSE(result.event);
    }
    EXPECT_FALSE(engine_->store().comments().get("c1"));
    EXPECT_EQ(engine_->store().clientSeqs().get(s.id).lastSeq, 1);
    EXPECT_EQ(db.scalarText("PRAGMA integrity_check"), "ok");

    db.exec("PRAGMA max_page_count = 1073741823");
    const auto retried = engine_->applyBatch(batch, now_);
    for (const auto& result : retried) {
        ASSERT_TRUE(result.ack) << result.nack->message;
        EXPECT_FALSE(result.ack->duplicate);
    }
    EXPECT_EQ(engine_->store().comments().get("c2")->text, big);
    reopen();
    EXPECT_EQ(engine_->store().comments().byConference(1).size(), 4u);
}

}  // namespace
}  // namespace gopy::server::testing

namespace gopy::server::testing {
namespace {

// Every free text has a length limit (gopy/limits.h), refused with a clear message; at the limit
// the op is applied, and even then the largest event fits a frame many times over.
TEST_F(ApplyTest, TextsLongerThanTheirLimitAreRefusedByName) {
    const auto s = secretary();
    const std::string atLimit(limits::kCommentText, 'a');
    applyOk(s, 1, 1, proto::CommentCreate{comment("c1", atLimit)});
    const auto tooLong = engine_->apply(
        s, request(s, 2, 1, proto::CommentCreate{comment("c2", std::string(25'000, 'b'))}), now_);
    ASSERT_TRUE(tooLong.nack);
    EXPECT_EQ(tooLong.nack->code, proto::ErrorCode::Invalid);
    EXPECT_EQ(tooLong.nack->message, "Nội dung ý kiến dài 25.000 ký tự, vượt giới hạn 20.000 ký tự");
    // Characters, not bytes: 20,000 Vietnamese letters of 3 bytes each are within the limit.
    std::string vietnamese;
    for (std::size_t i = 0; i < limits::kCommentText; ++i) vietnamese += "ệ";
    applyOk(s, 3, 1, proto::CommentCreate{comment("c3", vietnamese)});

    Comment amendment = comment("c4", "Sửa câu chữ");
    amendment.kind = CommentKind::Amendment;
    amendment.proposed = ProposedWording{std::string(5'001, 'w'), "đoạn 2"};
    const auto wording = engine_->apply(s, request(s, 4, 1, proto::CommentCreate{amendment}), now_);
    ASSERT_TRUE(wording.nack);
    EXPECT_EQ(wording.nack->message, "Câu chữ đề xuất dài 5.001 ký tự, vượt giới hạn 5.000 ký tự");

    Participant p{"p-long", 1, std::string(201, 'n'), "", "", "", false};
    const auto name = engine_->apply(s, request(s, 5, 1, proto::ParticipantAdd{p}), now_);
    ASSERT_TRUE(name.nack);
    EXPECT_EQ(name.nack->message, "Họ và tên đại biểu dài 201 ký tự, vượt giới hạn 200 ký tự");

    const auto update = engine_->apply(
        s, request(s, 6, 1, proto::CommentUpdate{"c1", 1, std::string(20'001, 'u'), {"I.1"}, CommentKind::Other}),
        now_);
    ASSERT_TRUE(update.nack);
    EXPECT_NE(update.nack->message.find("vượt giới hạn 20.000 ký tự"), std::string::npos);
    EXPECT_EQ(rows("comments"), 2);
}

// The worst case the limits allow: every text at its limit, made of the character JSON escapes
// longest (a control character: 6 bytes), in the event that carries the comment twice.
TEST(Limits, TheLargestEventFitsAFrame) {
    const std::string control(1, '\x01');
    auto filled = [&](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += control;
        return s;
    };
    Comment c;
    c.id = std::string(limits::kName, 'i');
    c.conferenceId = 1;
    c.kind = CommentKind::Amendment;
    c.text = filled(limits::kCommentText);
    c.proposed = ProposedWording{filled(limits::kProposedWording), filled(limits::kLocation)};
    c.sections = {"I.1"};
    proto::Event event;
    event.seq = 1;
    event.conferenceId = 1;
    event.deviceId = std::string(64, 'd');
    event.op = proto::CommentCreate{c};
    event.comment = c;
    proto::Events events;
    events.conferenceId = 1;
    events.head = 1;
    events.events = {event};
    const std::size_t bytes = proto::encode(proto::Message{events}).size();
    EXPECT_LT(bytes, proto::kMaxFrameBytes / 3) << bytes;
}

}  // namespace
}  // namespace gopy::server::testing
