// Concurrent edits keep everything: a stale comment.update is merged field by field against
// the revision it started from; what clashes is kept in a conflict row with its fields; an edit
// of a comment deleted meanwhile is kept whole and resolving it restores the comment. A seeded
// randomised run of two to four secretaries editing the same comments checks that no value any
// of them set is dropped.
#include <map>
#include <random>

#include "fixture.h"

namespace gopy::server::testing {
namespace {

class MergeTest : public EngineTest {
protected:
    proto::CommentUpdate edit(std::int64_t base, const std::string& text, std::vector<std::string> sections,
                              CommentKind kind, std::optional<ProposedWording> proposed = std::nullopt,
                              bool written = false) const {
        proto::CommentUpdate u;
        u.commentId = "c1";
        u.baseRev = base;
        u.text = text;
        u.sections = std::move(sections);
        u.kind = kind;
        u.proposed = std::move(proposed);
        u.written = written;
        return u;
    }
    Comment stored() { return *engine_->store().comments().get("c1"); }
};

TEST_F(MergeTest, AStaleEditThatChangesOnlyTheKindIsAppliedNotDropped) {
    const auto a = secretary("d-a");
    const auto b = secretary("d-b");
    applyOk(a, 1, 1, proto::CommentCreate{comment("c1", "Bản gốc")});
    applyOk(a, 2, 1, edit(1, "Bản gốc đã sửa chữ", {"I.1"}, CommentKind::Addition));
    // B still shows revision 1 and only reclassifies it.
    const auto result = engine_->apply(b, request(b, 1, 1, edit(1, "Bản gốc", {"I.1"}, CommentKind::Amendment)), now_);
    ASSERT_TRUE(result.ack && result.event);
    EXPECT_FALSE(result.event->conflict) << "nothing clashed: A changed the text, B the kind";
    EXPECT_EQ(stored().text, "Bản gốc đã sửa chữ");
    EXPECT_EQ(stored().kind, CommentKind::Amendment);
    EXPECT_EQ(stored().rev, 3);
}

TEST_F(MergeTest, SectionsWordingAndWrittenMergeWhileTheTextRaceIsKept) {
    const auto a = secretary("d-a");
    const auto b = secretary("d-b");
    applyOk(a, 1, 1, proto::CommentCreate{comment("c1", "Bản gốc")});
    applyOk(a, 2, 1, edit(1, "Bản A", {"I.1"}, CommentKind::Addition, ProposedWording{"cụm từ A", "đoạn 2"}));
    const auto result = engine_->apply(
        b, request(b, 1, 1, edit(1, "Bản B", {"II.1"}, CommentKind::Addition, std::nullopt, true)), now_);
    ASSERT_TRUE(result.event && result.event->conflict);
    const Comment now = stored();
    EXPECT_EQ(now.text, "Bản A");
    EXPECT_EQ(now.sections, std::vector<std::string>{"II.1"}) << "only B moved it";
    EXPECT_TRUE(now.written) << "only B marked it written";
    ASSERT_TRUE(now.proposed) << "only A proposed wording; B's untouched absence must not erase it";
    EXPECT_EQ(now.proposed->wording, "cụm từ A");
    EXPECT_EQ(result.event->conflict->text, "Bản B");
}

TEST_F(MergeTest, BothChangingTheKindKeepsTheCommittedOneAndTheOtherInTheConflict) {
    const auto a = secretary("d-a");
    const auto b = secretary("d-b");
    applyOk(a, 1, 1, proto::CommentCreate{comment("c1", "Bản gốc")});
    applyOk(a, 2, 1, edit(1, "Bản gốc", {"I.2"}, CommentKind::Amendment));
    const auto result = engine_->apply(b, request(b, 1, 1, edit(1, "Bản gốc", {"I.1", "II.1"}, CommentKind::Recommendation)), now_);
    ASSERT_TRUE(result.event && result.event->conflict) << "a stale edit of only the classification must not vanish";
    const auto& fields = result.event->conflict->fields;
    ASSERT_TRUE(fields);
    EXPECT_EQ(fields->kind, CommentKind::Recommendation);
    EXPECT_EQ(fields->sections, (std::vector<std::string>{"I.1", "II.1"}));
    EXPECT_EQ(fields->conflicting, (std::vector<std::string>{"sections", "kind"}));
    EXPECT_EQ(stored().kind, CommentKind::Amendment);
    // Kept in the database for every device that subscribes later.
    const auto open = engine_->store().comments().unresolvedConflicts(1);
    ASSERT_EQ(open.size(), 1u);
    ASSERT_TRUE(open.front().fields);
    EXPECT_EQ(*open.front().fields, *fields);
}

TEST_F(MergeTest, AnEditOfADeletedCommentIsKeptAndResolvingItRestoresTheComment) {
    const auto a = secretary("d-a");
    const auto b = secretary("d-b");
    applyOk(a, 1, 1, proto::CommentCreate{comment("c1", "Bản gốc")});
    applyOk(a, 2, 1, proto::CommentDelete{"c1"});
    const auto kept = engine_->apply(b, request(b, 1, 1, edit(1, "Bản B viết lại", {"II.1"}, CommentKind::Amendment)), now_);
    ASSERT_TRUE(kept.ack) << "refusing it would leave B's text nowhere";
    ASSERT_TRUE(kept.event && kept.event->conflict);
    EXPECT_EQ(kept.event->conflict->reason, "deleted");
    EXPECT_FALSE(kept.event->comment) << "a deleted comment must not reappear on devices by itself";
    EXPECT_FALSE(engine_->store().comments().get("c1"));
    const auto open = engine_->store().comments().unresolvedConflicts(1);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open.front().text, "Bản B viết lại");
    ASSERT_TRUE(open.front().fields);
    EXPECT_EQ(open.front().fields->kind, CommentKind::Amendment);
    const auto snapshot = engine_->subscribe(organiser(), proto::Subscribe{1, 0});
    ASSERT_TRUE(snapshot.snapshot);
    EXPECT_EQ(snapshot.snapshot->conflicts.size(), 1u) << "a device that connects later sees it too";

    auto restore = edit(1, "Bản B viết lại", {"II.1"}, CommentKind::Amendment);
    restore.resolves = {open.front().id};
    const auto restored = engine_->apply(b, request(b, 2, 1, restore), now_);
    ASSERT_TRUE(restored.event && restored.event->comment);
    EXPECT_EQ(restored.event->resolvedConflicts, std::vector<std::int64_t>{open.front().id});
    ASSERT_TRUE(engine_->store().comments().get("c1"));
    EXPECT_EQ(stored().text, "Bản B viết lại");
    EXPECT_TRUE(engine_->store().comments().unresolvedConflicts(1).empty());
}

// Two to four secretaries edit three comments, each from whatever revision it last saw (often
// stale), changing random fields. After every update, each field the update changed (against
// the revision it started from) is either the stored value or kept in the conflict row that
// update made. Also some deletes: an edit after one is kept whole.
class MergeRandomTest : public EngineTest, public ::testing::WithParamInterface<unsigned> {};

TEST_P(MergeRandomTest, NoValueAnySecretarySetIsDropped) {
    std::mt19937 random(GetParam());
    const int typists = 2 + static_cast<int>(GetParam() % 3);
    std::vector<Device> devices;
    std::vector<std::int64_t> seqs;
    for (int i = 0; i < typists; ++i) {
        devices.push_back(secretary("d-r" + std::to_string(i)));
        seqs.push_back(1);
    }
    const std::vector<std::string> ids{"r1", "r2", "r3"};
    std::map<std::pair<std::string, std::int64_t>, Comment> history;  // (id, rev) → state
    std::map<std::pair<int, std::string>, std::int64_t> seen;           // (typist, id) → rev seen
    for (const auto& id : ids) {
        const auto result = engine_->apply(devices[0], request(devices[0], seqs[0]++, 1,
                                                               proto::CommentCreate{comment(id, "Gốc " + id)}), now_);
        ASSERT_TRUE(result.event && result.event->comment);
        history[{id, 1}] = *result.event->comment;
        for (int t = 0; t < typists; ++t) seen[{t, id}] = 1;
    }
    const std::vector<std::vector<std::string>> sectionChoices{{"I.1"}, {"I.2"}, {"II.1"}, {"I.1", "II.1"}, {}};
    const std::vector<CommentKind> kinds{CommentKind::Addition, CommentKind::Amendment, CommentKind::Recommendation,
                                         CommentKind::Agreement, CommentKind::Other};
    std::set<std::string> deleted;
    int updates = 0, conflicts = 0, merges = 0;
    for (int step = 0; step < 300; ++step) {
        const int t = static_cast<int>(random() % typists);
        const std::string& id = ids[random() % ids.size()];
        if (!deleted.contains(id) && random() % 60 == 0) {
            ASSERT_TRUE(engine_->apply(devices[t], request(devices[t], seqs[t]++, 1, proto::CommentDelete{id}), now_).ack);
            deleted.insert(id);
            continue;
        }
        const std::int64_t base = seen[{t, id}];
        const Comment& from = history.at({id, base});
        proto::CommentUpdate u{id, base, from.text, from.sections, from.kind, from.proposed, from.written, {}};
        const unsigned what = 1 + random() % 15;  // which fields to change (bit mask)
        if (what & 1) u.text = "Bản " + std::to_string(step) + " của thư ký " + std::to_string(t);
        if (what & 2) u.sections = sectionChoices[random() % sectionChoices.size()];
        if (what & 4) u.kind = kinds[random() % kinds.size()];
        if (what & 8) {
            u.written = !u.written;
            u.proposed = ProposedWording{"cụm từ " + std::to_string(step), ""};
        }
        const auto result = engine_->apply(devices[t], request(devices[t], seqs[t]++, 1, u), now_);
        ASSERT_TRUE(result.ack) << "step " << step << ": " << (result.nack ? result.nack->message : "");
        ASSERT_TRUE(result.event);
        ++updates;
        if (deleted.contains(id)) {
            ASSERT_TRUE(result.event->conflict) << "an edit of a deleted comment vanished at step " << step;
            EXPECT_EQ(result.event->conflict->reason, "deleted");
            EXPECT_EQ(result.event->conflict->text, u.text);
            continue;
        }
        ASSERT_TRUE(result.event->comment);
        const Comment& now = *result.event->comment;
        history[{id, now.rev}] = now;
        seen[{t, id}] = now.rev;
        // A typist sometimes catches up with the latest state (a delivered event).
        for (int other = 0; other < typists; ++other) {
            if (random() % 3 == 0) seen[{other, id}] = now.rev;
        }
        const auto& conflict = result.event->conflict;
        if (conflict) ++conflicts;
        if (base != now.rev - 1 && !conflict) ++merges;
        const auto keptIn = [&](const char* field) {
            if (!conflict || !conflict->fields) return false;
            const auto& c = conflict->fields->conflicting;
            return std::find(c.begin(), c.end(), field) != c.end();
        };
        if (u.text != from.text) {
            EXPECT_TRUE(now.text == u.text || (conflict && conflict->text == u.text)) << "text dropped at step " << step;
        }
        if (u.sections != from.sections) {
            EXPECT_TRUE(now.sections == u.sections || (keptIn("sections") && conflict->fields->sections == u.sections))
                << "sections dropped at step " << step;
        }
        if (u.kind != from.kind) {
            EXPECT_TRUE(now.kind == u.kind || (keptIn("kind") && conflict->fields->kind == u.kind))
                << "kind dropped at step " << step;
        }
        if (u.proposed != from.proposed) {
            EXPECT_TRUE(now.proposed == u.proposed || (keptIn("proposed") && conflict->fields->proposed == u.proposed))
                << "wording dropped at step " << step;
        }
        if (u.written != from.written) {
            EXPECT_TRUE(now.written == u.written || (keptIn("written") && conflict->fields->written == u.written))
                << "written dropped at step " << step;
        }
        if (HasFailure()) return;
    }
    // The run exercised what it claims to.
    EXPECT_GT(updates, 200);
    EXPECT_GT(conflicts, 5);
    EXPECT_GT(merges, 1) << "stale edits that merged without a conflict";
}

INSTANTIATE_TEST_SUITE_P(Seeds, MergeRandomTest, ::testing::Values(1u, 2u, 3u, 17u, 4242u));

}  // namespace
}  // namespace gopy::server::testing
