// Issue 5 in the Engine: public import with dedupe, draft re-import keeping comments,
// grouping and acceptance by the drafting team, near-duplicate suggestions, the dashboard.
#include <gtest/gtest.h>

#include <map>

#include "fixture.h"

namespace gopy::server::testing {
namespace {

class ChannelsTest : public EngineTest {
protected:
    void SetUp() override {
        EngineTest::SetUp();
        Conference pub;
        pub.id = 6;
        pub.title = "Góp ý của Nhân dân";
        pub.channel = Channel::Public;
        pub.chairBody = "Ủy ban MTTQ quận";
        engine_->store().conferences().insert(pub);
    }

    static intake::PublicRow row(const std::string& key, const std::string& text,
                                 const std::string& section = "") {
        intake::PublicRow r;
        r.line = 2;
        r.submittedAt = 1'740'972'600'000;
        r.ward = "Phúc Xá";
        r.name = "Trần Thị Bích";
        r.section = section;
        r.text = text;
        r.dedupeKey = key + std::string(40, '0');
        return r;
    }

    Device drafting() { return Device{"d-drafting", "Tổ biên tập", Role::Drafting, 0}; }
};

TEST_F(ChannelsTest, PublicImportSkipsWhatIsAlreadyThere) {
    const std::vector<intake::PublicRow> rows = {
        row("a1", "Đề nghị bổ sung chỉ tiêu chuyển đổi số ở cấp phường", "I.1"),
        row("b2", "Cần nêu rõ giải pháp về nhà ở xã hội")};
    const auto first = engine_->importPublic(rows, 3, now_);
    EXPECT_EQ(first, (intake::ImportSummary{2, 0, 3}));
    const auto again = engine_->importPublic(rows, 0, now_);
    EXPECT_EQ(again, (intake::ImportSummary{0, 2, 0}));
    const auto stored = engine_->store().comments().byConference(6);
    ASSERT_EQ(stored.size(), 2u);
    ASSERT_TRUE(stored[0].origin);
    EXPECT_EQ(stored[0].origin->ward, "Phúc Xá");
    EXPECT_EQ(stored[0].origin->submittedAt, "2025-03-03T10:30:00+07:00");
    const auto waiting = engine_->unassigned();
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].text, "Cần nêu rõ giải pháp về nhà ở xã hội");

    // The drafting team assigns it; it leaves the waiting list.
    applyOk(drafting(), 1, 6, proto::CommentAssign{{waiting[0].id}, {"II.1"}});
    EXPECT_TRUE(engine_->unassigned().empty());
}

TEST_F(ChannelsTest, DraftReimportKeepsCommentsAndListsOrphans) {
    applyOk(organiser(), 1, 1, proto::CommentCreate{comment("c-keep", "Giữ", {"I.1"})});
    applyOk(organiser(), 2, 1, proto::CommentCreate{comment("c-gone", "Mất", {"I.2"})});
    applyOk(organiser(), 3, 1, proto::CommentCreate{comment("c-move", "Dời", {"II.1"})});
    const auto old = engine_->store().sections().all();
    std::vector<Section> revised;
    for (Section s : old) {
        if (s.code == "I.2") continue;
        if (s.code == "II.1") s.code = "II.2";
        revised.push_back(s);
    }
    const auto result = engine_->importDraft(
        revised, {intake::DraftParagraph{"I.1", 1, "Đoạn thứ nhất."}});
    ASSERT_EQ(result.orphaned.size(), 1u);
    EXPECT_EQ(result.orphaned[0].id, "c-gone");
    EXPECT_EQ(engine_->store().comments().get("c-keep")->sections,
              std::vector<std::string>{"I.1"});
    EXPECT_EQ(engine_->store().comments().get("c-move")->sections,
              std::vector<std::string>{"II.2"});
    EXPECT_EQ(engine_->store().draft().paragraphCount(), 1);
}

TEST_F(ChannelsTest, GroupsAcceptanceAndSuggestions) {
    applyOk(organiser(), 1, 1,
            proto::CommentCreate{comment("c1", "Đề nghị bổ sung chỉ tiêu về chuyển đổi số ở cấp phường")});
    applyOk(organiser(), 2, 1,
            proto::CommentCreate{comment("c2", "đề nghị bổ sung chỉ tiêu về chuyen doi so ở cấp phường.")});
    applyOk(organiser(), 3, 1, proto::CommentCreate{comment("c3", "Nhất trí với bố cục dự thảo")});
    const auto suggestions = engine_->nearDuplicates();
    ASSERT_EQ(suggestions.size(), 1u);
    EXPECT_EQ(suggestions[0].commentIds, (std::vector<std::string>{"c1", "c2"}));

    const Device team = drafting();
    applyOk(team, 1, 1, proto::GroupSet{"g1", "I.1", {"c1", "c2"}});
    applyOk(team, 2, 1, proto::AcceptanceSet{"g1", "", Acceptance::Partly, "Tiếp thu một phần"});
    applyOk(team, 3, 1, proto::AcceptanceSet{"", "c3", Acceptance::Accepted, "Giữ bố cục"});
    EXPECT_TRUE(engine_->nearDuplicates().empty());
    const auto group = engine_->store().groups().get("g1");
    ASSERT_TRUE(group);
    EXPECT_EQ(group->acceptance, Acceptance::Partly);
    EXPECT_EQ(engine_->store().comments().get("c3")->acceptance, Acceptance::Accepted);
    const auto snapshot = engine_->subscribe(team, proto::Subscribe{1, 0}).snapshot;
    ASSERT_TRUE(snapshot);
    ASSERT_EQ(snapshot->groups.size(), 1u);
    EXPECT_EQ(snapshot->groups[0].explanation, "Tiếp thu một phần");

    const auto missing = engine_->apply(
        team, request(team, 4, 1, proto::AcceptanceSet{"g-x", "", Acceptance::Accepted, ""}), now_);
    ASSERT_TRUE(missing.nack);
    EXPECT_EQ(missing.nack->code, proto::ErrorCode::NotFound);
}

TEST_F(ChannelsTest, DashboardShowsDoneDueAndLate) {
    auto campaign = *engine_->store().campaign().get();
    campaign.conferencesFrom = "2025-01-01";
    campaign.conferencesTo = "2025-06-30";
    campaign.publicFrom = "2025-02-03";
    campaign.publicTo = "2025-06-15";
    campaign.grassrootsDue = "2025-05-31";
    campaign.synthesisDue = "2025-07-01";
    engine_->store().campaign().put(campaign);
    auto& orgs = engine_->store().grassroots();
    const auto sent = orgs.insert({0, "Chi bộ Khu dân cư số 1", "2025-05-31", 0});
    orgs.insert({0, "Chi bộ Khu dân cư số 2", "2025-05-31", 0});
    const Device reporter{"d-cs", "Chi bộ 1", Role::Grassroots, 6, sent};
    applyOk(reporter, 1, 6, proto::GrassrootsReport{sent, 0});
    const auto d = engine_->dashboard(organiser(), "2025-06-20");
    EXPECT_EQ(d.organisations.size(), 2u);
    std::map<std::string, Deadline> byKey;
    for (const auto& x : d.deadlines) byKey[x.key] = x;
    ASSERT_EQ(byKey.size(), 4u);
    EXPECT_EQ(byKey["public_window"].status, DeadlineStatus::Done);
    EXPECT_EQ(byKey["conferences"].status, DeadlineStatus::Due);
    EXPECT_EQ(byKey["synthesis"].due, "2025-06-30");
    EXPECT_EQ(byKey["synthesis"].status, DeadlineStatus::Due);
    EXPECT_EQ(byKey["grassroots"].status, DeadlineStatus::Late);
    EXPECT_EQ(byKey["grassroots"].done, 1);
    EXPECT_EQ(engine_->dashboard(organiser(), "2025-07-01").deadlines.back().status,
              DeadlineStatus::Late);
}

}  // namespace
}  // namespace gopy::server::testing
