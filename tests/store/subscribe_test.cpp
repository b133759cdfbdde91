// Engine::subscribe: snapshot versus catch-up events, scopes, ordering and reports.
#include "fixture.h"

namespace gopy::server::testing {
namespace {

class SubscribeTest : public EngineTest {};

TEST_F(SubscribeTest, SinceZeroGivesASnapshotInTheRightOrders) {
    const auto s = secretary();
    int n = 0;
    applyOk(s, ++n, 1, proto::ParticipantAdd{Participant{"p0", 1, "Đặng Văn Ánh", "", "", ""}});
    applyOk(s, ++n, 1, proto::QueueAdd{"t-b", "p2", 2.0});
    applyOk(s, ++n, 1, proto::QueueAdd{"t-a", "p1", 1.0});
    applyOk(s, ++n, 1, proto::CommentCreate{comment("z-first", "Ý kiến thứ nhất")});
    applyOk(s, ++n, 1, proto::CommentCreate{comment("a-second", "Ý kiến thứ hai")});
    applyOk(s, ++n, 2, proto::CommentCreate{comment("other", "Hội nghị khác", {"I.1"}, "p3")});
    const auto head = applyOk(s, ++n, 1, proto::CommentDelete{"a-second"});

    const auto result = engine_->subscribe(s, proto::Subscribe{1, 0});
    ASSERT_TRUE(result.snapshot);
    EXPECT_FALSE(result.events);
    const auto& snap = *result.snapshot;
    EXPECT_EQ(snap.head, head);
    EXPECT_EQ(snap.conference.id, 1);
    // Vietnamese order: An, Ánh, Bình.
    ASSERT_EQ(snap.participants.size(), 3u);
    EXPECT_EQ(snap.participants[0].fullName, "Nguyễn Văn An");
    EXPECT_EQ(snap.participants[1].fullName, "Đặng Văn Ánh");
    EXPECT_EQ(snap.participants[2].fullName, "Trần Thị Bình");
    ASSERT_EQ(snap.turns.size(), 2u);
    EXPECT_EQ(snap.turns[0].id, "t-a");
    ASSERT_EQ(snap.comments.size(), 1u);
    EXPECT_EQ(snap.comments[0].id, "z-first");
}

TEST_F(SubscribeTest, RecentSinceGivesTheMissedEventsOfThatConference) {
    const auto s = secretary();
    const auto first = applyOk(s, 1, 1, proto::CommentCreate{comment("c1", "Một")});
    applyOk(s, 2, 2, proto::CommentCreate{comment("c2", "Hai", {"I.1"}, "p3")});
    const auto third = applyOk(s, 3, 1, proto::CommentCreate{comment("c3", "Ba")});
    const auto flag = engine_->apply(s, request(s, 4, 1, proto::CommentFlag{"c3", true}), now_);
    ASSERT_TRUE(flag.nack);

    const auto result = engine_->subscribe(s, proto::Subscribe{1, first});
    ASSERT_TRUE(result.events);
    EXPECT_FALSE(result.snapshot);
    const auto& events = *result.events;
    EXPECT_EQ(events.conferenceId, 1);
    // Flag by a secretary is refused, so c3's create is the only new event of conference 1.
    ASSERT_EQ(events.events.size(), 1u);
    EXPECT_EQ(events.events[0].seq, third);
    ASSERT_TRUE(events.events[0].comment);
    EXPECT_EQ(events.events[0].comment->id, "c3");
    EXPECT_EQ(events.head, engine_->store().oplog().head());

    const auto upToDate = engine_->subscribe(s, proto::Subscribe{1, events.head});
    ASSERT_TRUE(upToDate.events);
    EXPECT_TRUE(upToDate.events->events.empty());
}

TEST_F(SubscribeTest, TooManyMissedEventsGiveASnapshot) {
    const auto s = secretary();
    const auto first = applyOk(s, 1, 1, proto::CommentCreate{comment("c0", "Đầu")});
    for (int i = 1; i <= 10; ++i) {
        applyOk(s, i + 1, 1, proto::CommentCreate{comment("c" + std::to_string(i), "Ý kiến")});
    }
    EXPECT_TRUE(engine_->subscribe(s, proto::Subscribe{1, first}, 10).events);
    EXPECT_TRUE(engine_->subscribe(s, proto::Subscribe{1, first}, 9).snapshot);
    // A seq from the future (another database) also gets a snapshot.
    EXPECT_TRUE(engine_->subscribe(s, proto::Subscribe{1, 1'000'000}).snapshot);
}

TEST_F(SubscribeTest, ScopesAndReports) {
    const auto scoped = delegate("d-del", 1);
    const auto outside = engine_->subscribe(scoped, proto::Subscribe{2, 0});
    ASSERT_TRUE(outside.error);
    EXPECT_EQ(outside.error->code, proto::ErrorCode::Forbidden);
    const auto missing = engine_->subscribe(organiser(), proto::Subscribe{99, 0});
    ASSERT_TRUE(missing.error);
    EXPECT_EQ(missing.error->code, proto::ErrorCode::NotFound);

    const auto draft = engine_->storeReport(1, "pdf", "%PDF draft", now_);
    const auto final = engine_->storeReport(1, "pdf", "%PDF final", now_ + 1);
    applyOk(organiser(), 1, 1, proto::ReportRelease{final.id});
    const auto forDelegate = engine_->subscribe(scoped, proto::Subscribe{1, 0});
    ASSERT_TRUE(forDelegate.snapshot);
    ASSERT_EQ(forDelegate.snapshot->reports.size(), 1u);
    EXPECT_EQ(forDelegate.snapshot->reports[0].id, final.id);
    const auto forSecretary = engine_->subscribe(secretary("d-s", 1), proto::Subscribe{1, 0});
    ASSERT_TRUE(forSecretary.snapshot);
    ASSERT_EQ(forSecretary.snapshot->reports.size(), 2u);
    EXPECT_EQ(forSecretary.snapshot->reports[1].id, draft.id);

    // A DOCX version (for the office) is stored but never listed to devices, nor released.
    const auto docx = engine_->storeReport(1, "docx", "PK\x03\x04 docx", now_ + 2);
    EXPECT_EQ(engine_->listReports(1, false).size(), 3u);
    const auto again = engine_->subscribe(secretary("d-s", 1), proto::Subscribe{1, 0});
    ASSERT_TRUE(again.snapshot);
    ASSERT_EQ(again.snapshot->reports.size(), 2u);
    for (const auto& r : again.snapshot->reports) EXPECT_NE(r.id, docx.id);
    const auto refused = engine_->apply(organiser(), request(organiser(), 2, 1, proto::ReportRelease{docx.id}), now_);
    ASSERT_TRUE(refused.nack);
    EXPECT_EQ(refused.nack->code, proto::ErrorCode::Invalid);
}

TEST_F(SubscribeTest, SnapshotPlusEventsEqualsALaterSnapshot) {
    const auto s = secretary();
    const auto c = chair();
    int n = 0;
    applyOk(s, ++n, 1, proto::SessionStart{100});
    applyOk(s, ++n, 1, proto::CommentCreate{comment("c1", "Một")});
    const auto before = engine_->subscribe(s, proto::Subscribe{1, 0});
    ASSERT_TRUE(before.snapshot);
    applyOk(s, ++n, 1, proto::CommentCreate{comment("c2", "Hai")});
    applyOk(s, ++n, 1,
            proto::CommentUpdate{"c1", 1, "Một (sửa)", {"I.2"}, CommentKind::Amendment,
                                 std::nullopt, false, {}});
    applyOk(c, 1, 1, proto::CommentFlag{"c2", true});
    applyOk(s, ++n, 1, proto::AttendanceSet{"p2", true});

    const auto catchUp = engine_->subscribe(s, proto::Subscribe{1, before.snapshot->head});
    ASSERT_TRUE(catchUp.events);
    // Upsert the events' entity states onto the old snapshot, as a client does.
    auto comments = before.snapshot->comments;
    auto participants = before.snapshot->participants;
    for (const auto& event : catchUp.events->events) {
        if (event.comment) {
            auto found = std::find_if(comments.begin(), comments.end(),
                                      [&](const Comment& x) { return x.id == event.comment->id; });
            if (found != comments.end()) {
                *found = *event.comment;
            } else {
                comments.push_back(*event.comment);
            }
        }
        if (event.participant) {
            for (auto& p : participants) {
                if (p.id == event.participant->id) p = *event.participant;
            }
        }
    }
    const auto after = engine_->subscribe(s, proto::Subscribe{1, 0});
    ASSERT_TRUE(after.snapshot);
    EXPECT_EQ(comments, after.snapshot->comments);
    EXPECT_EQ(participants, after.snapshot->participants);
    EXPECT_EQ(catchUp.events->head, after.snapshot->head);
}

}  // namespace
}  // namespace gopy::server::testing
