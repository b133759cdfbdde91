// The report models without PDF: counts, order, speakers, sources, dates.
#include "server/report/report_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <unordered_map>

#include "sample_data.h"
#include "server/report/date_words.h"
#include "server/report/report_composer.h"

namespace gopy::server::report {
namespace {

using gopy::testing::sampleSnapshot;
using gopy::testing::sampleWelcome;

// 10:00 on 25/11/2026 in Việt Nam
constexpr Millis kNow = 1795575600000LL;

TEST(DateWords, PartyStyleLeadingZeros) {
    EXPECT_EQ(dateInWords({2025, 2, 3}), "ngày 03 tháng 02 năm 2025");
    EXPECT_EQ(dateInWords({2026, 11, 25}), "ngày 25 tháng 11 năm 2026");
    EXPECT_EQ(dateInWords({2025, 6, 9}), "ngày 09 tháng 6 năm 2025");
    EXPECT_EQ(placeAndDate("Ba Đình", {2025, 2, 3}), "Ba Đình, ngày 03 tháng 02 năm 2025");
    EXPECT_EQ(numericDate(parseIsoDate("2025-03-14")), "14/03/2025");
    EXPECT_EQ(parseIsoDate("14/03/2025").year, 0);
}

TEST(DateWords, VietnamDateIsUtcPlusSeven) {
    // 2026-11-24 17:30 UTC is already the 25th in Hà Nội
    const CivilDate d = vietnamDate(1795541400000LL);
    EXPECT_EQ(d.day, 25);
    EXPECT_EQ(clockTime(1741914000000LL), "08 giờ 00");
    EXPECT_EQ(durationInWords(425000), "7 phút 05 giây");
}

TEST(ReportBuilder, OrganisationCountsFromTheSnapshot) {
    const auto welcome = sampleWelcome(1);
    const auto snap = sampleSnapshot(welcome, 1, 15, 40);
    const ConferenceReport r = ReportBuilder::conference(welcome, snap, kNow);
    EXPECT_EQ(r.invited, 20);
    const auto ticked = std::count_if(snap.participants.begin(), snap.participants.end(),
                                      [](const Participant& p) { return p.present; });
    EXPECT_EQ(r.present, ticked);
    EXPECT_EQ(r.speakers, 15);
    EXPECT_EQ(r.writtenSubmissions, 4);  // comments 10, 20, 30, 40
    EXPECT_EQ(r.counts.total(), 40);
    EXPECT_EQ(r.heading.placeAndDate, "Ba Đình, ngày 25 tháng 11 năm 2026");
    EXPECT_EQ(r.heading.number.substr(r.heading.number.size() - 6), "-BC/QU");
}

TEST(ReportBuilder, HeadCountOverridesWhenLarger) {
    const auto welcome = sampleWelcome(1);
    auto snap = sampleSnapshot(welcome, 1, 5, 10);
    snap.conference.presentCount = 120;
    EXPECT_EQ(ReportBuilder::conference(welcome, snap, kNow).present, 120);
}

TEST(ReportBuilder, CommentsAreNumberedInTheDraftsOrderWithRecommendationsLast) {
    const auto welcome = sampleWelcome(1);
    const auto snap = sampleSnapshot(welcome, 1, 15, 60);
    const ConferenceReport r = ReportBuilder::conference(welcome, snap, kNow);
    ASSERT_EQ(r.comments.size(), 60U);
    std::unordered_map<std::string, int> ord;
    for (const Section& s : welcome.sections) ord[s.code] = s.ord;
    int lastOrd = -1;
    bool inRecommendations = false;
    for (std::size_t i = 0; i < r.comments.size(); ++i) {
        const CommentEntry& e = r.comments[i];
        EXPECT_EQ(e.number, static_cast<int>(i + 1));
        if (e.kind == CommentKind::Recommendation) {
            inRecommendations = true;
            continue;
        }
        EXPECT_FALSE(inRecommendations) << "comment " << e.number << " after the recommendations";
        const int o = e.sectionCodes.empty() ? 0 : ord[e.sectionCodes.front()];
        EXPECT_GE(o, lastOrd) << "comment " << e.number;
        lastOrd = o;
    }
    // sections in the draft's order, counts add up
    int previous = 0;
    int tagged = 0;
    for (const SectionGroup& g : r.sections) {
        EXPECT_GT(g.section.ord, previous);
        previous = g.section.ord;
        EXPECT_EQ(g.counts.total(), static_cast<int>(g.comments.size()));
        tagged += g.counts.total();
    }
    const auto untagged = std::count_if(snap.comments.begin(), snap.comments.end(),
                                        [](const Comment& c) { return c.sections.empty(); });
    EXPECT_EQ(tagged + untagged, 60);
    EXPECT_EQ(r.recommendations.size(), 10U);
    EXPECT_EQ(r.counts.of(CommentKind::Agreement), 10);
}

TEST(ReportBuilder, SpeakersInOrderOfTheirTurnWithTimeSpoken) {
    const auto welcome = sampleWelcome(1);
    const auto snap = sampleSnapshot(welcome, 1, 15, 40);
    const ConferenceReport r = ReportBuilder::conference(welcome, snap, kNow);
    ASSERT_GE(r.speakerList.size(), 15U);
    for (int i = 0; i < 15; ++i) {
        const SpeakerEntry& s = r.speakerList[static_cast<std::size_t>(i)];
        EXPECT_EQ(s.name, snap.participants[static_cast<std::size_t>(i)].fullName);
        EXPECT_TRUE(s.spoke);
        EXPECT_EQ(s.spokenMs, 300000LL + i * 1000LL);
    }
    for (std::size_t i = 15; i < r.speakerList.size(); ++i) EXPECT_FALSE(r.speakerList[i].spoke);
    int comments = 0;
    for (const auto& s : r.speakerList) comments += s.comments;
    EXPECT_EQ(comments, 40);
}

TEST(ReportBuilder, AgreementIsCountedPerPerson) {
    const auto welcome = sampleWelcome(1);
    auto snap = sampleSnapshot(welcome, 1, 3, 3);
    for (auto& c : snap.comments) c.kind = CommentKind::Addition;
    snap.comments[0].kind = CommentKind::Agreement;
    const ConferenceReport r = ReportBuilder::conference(welcome, snap, kNow);
    EXPECT_EQ(r.contributors, 3);
    EXPECT_EQ(r.agreeing, 1);
}

TEST(ReportBuilder, CombinedGroupsBySectionWithCountsPerSource) {
    const auto welcome = sampleWelcome(3);
    std::vector<proto::Snapshot> snaps;
    for (int id = 1; id <= 3; ++id) snaps.push_back(sampleSnapshot(welcome, id, 10, 30 + id));
    proto::Snapshot pub = sampleSnapshot(welcome, 100, 10, 0);
    snaps.push_back(pub);
    CombinedReport r = ReportBuilder::combined(welcome, snaps, kNow);
    ASSERT_EQ(r.sources.size(), 3U) << "the public channel has no comments yet";
    EXPECT_EQ(r.sources[0].name, "Hội nghị 1");
    EXPECT_EQ(r.counts.total(), 31 + 32 + 33);
    for (const SectionGroup& g : r.sections) {
        KindCounts sum;
        for (const KindCounts& k : g.bySource) {
            for (std::size_t i = 0; i < kKindCount; ++i) sum.byKind[i] += k.byKind[i];
        }
        EXPECT_EQ(sum, g.counts) << g.section.code;
    }
    EXPECT_TRUE(r.acceptance.empty());

    snaps.back() = sampleSnapshot(welcome, 100, 10, 25);
    r = ReportBuilder::combined(welcome, snaps, kNow,
                                {AcceptanceRow{1, "Phần I", "Bổ sung số liệu", "Hội nghị 1", 3,
                                               Acceptance::Partly, "Đã bổ sung một phần"}});
    ASSERT_EQ(r.sources.size(), 4U);
    EXPECT_EQ(r.sources[3].name, "Nhân dân");
    EXPECT_EQ(r.sources[3].counts.total(), 25);
    EXPECT_EQ(r.acceptance.size(), 1U);
}

TEST(ReportComposer, LocationsFollowTheOutline) {
    const auto welcome = sampleWelcome(1);
    EXPECT_EQ(ReportComposer::location(welcome.sections, "II.2.a"), "Phần II, mục 2, điểm a");
    EXPECT_EQ(ReportComposer::location(welcome.sections, "I"), "Phần I");
    EXPECT_EQ(ReportComposer::location(welcome.sections, "IX"), "IX");
}

}  // namespace
}  // namespace gopy::server::report
