// The report models without PDF: counts, order, speakers, sources, dates.
#include "server/report/report_builder.h"

#include <set>

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
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
    // Present: ticked, or took the floor (a speaker is in the hall whether ticked or not).
    std::set<std::string> spoke;
    for (const Turn& t : snap.turns) {
        if (t.startedAt > 0) spoke.insert(t.participantId);
    }
    const auto present = std::count_if(snap.participants.begin(), snap.participants.end(),
                                       [&](const Participant& p) { return p.present || spoke.contains(p.id); });
    const auto ticked = std::count_if(snap.participants.begin(), snap.participants.end(),
                                      [](const Participant& p) { return p.present; });
    EXPECT_GT(present, ticked) << "the sample has speakers nobody ticked";
    EXPECT_EQ(r.present, present);
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
    ASSERT_EQ(r.sources.size(), 4U) << "the public channel is listed without comments too";
    EXPECT_EQ(r.sources[3].counts.total(), 0);
    EXPECT_EQ(r.sources[0].name, "Hội nghị 1");
    EXPECT_EQ(r.counts.total(), 31 + 32 + 33);
    for (const SectionGroup& g : r.sections) {
        KindCounts sum;
        for (const KindCounts& k : g.bySource) {
            for (std::size_t i = 0; i < kKindCount; ++i) sum.byKind[i] += k.byKind[i];
        }
        EXPECT_EQ(sum, g.counts) << g.section.code;
    }
    EXPECT_TRUE(r.acceptance.empty() == r.sections.empty());

    snaps.back() = sampleSnapshot(welcome, 100, 10, 25);
    r = ReportBuilder::combined(welcome, snaps, kNow);
    ASSERT_EQ(r.sources.size(), 4U);
    EXPECT_EQ(r.sources[3].name, "Nhân dân");
    EXPECT_EQ(r.sources[3].counts.total(), 25);
}

/// Two conferences, the public channel (id 100) and a grassroots channel (id 200) whose
/// comments carry their origin as the engine stores them.
struct ChannelFixture {
    proto::Welcome welcome = sampleWelcome(2);
    std::vector<proto::Snapshot> snaps;
    ReportBuilder::ChannelData channels;

    ChannelFixture() {
        welcome.campaign.publicFrom = "2025-02-03";
        welcome.campaign.publicTo = "2025-06-15";
        Conference grassroots;
        grassroots.id = 200;
        grassroots.title = "Ý kiến của Đại hội các tổ chức cơ sở đảng";
        grassroots.channel = Channel::Grassroots;
        welcome.conferences.push_back(grassroots);
        snaps.push_back(sampleSnapshot(welcome, 1, 5, 6));
        snaps.push_back(sampleSnapshot(welcome, 2, 5, 0));  // not held yet
        snaps.back().conference.state = ConferenceState::Planned;

        proto::Snapshot pub;
        pub.conference = welcome.conferences[2];
        auto citizen = [&](std::string id, std::string ward, std::string name, std::string section,
                           bool outside) {
            Comment c;
            c.id = std::move(id);
            c.conferenceId = 100;
            if (!section.empty()) c.sections = {std::move(section)};
            c.text = "Ý kiến của Nhân dân " + c.id + " về chỉnh trang đô thị.";
            CommentOrigin o;
            o.ward = std::move(ward);
            o.authorName = std::move(name);
            o.submittedAt = outside ? "2025-06-20T09:00" : "2025-03-01T09:00";
            o.outsideWindow = outside;
            c.origin = o;
            pub.comments.push_back(c);
        };
        citizen("p1", "Phúc Xá", "", "I.2", false);
        citizen("p2", "Phúc Xá", "Lê Văn Tám", "I.2", false);
        citizen("p3", "Trúc Bạch", "", "II.1", true);
        citizen("p4", "Phúc Xá", "Lê Văn Tám", "", false);  // same person, no section
        snaps.push_back(pub);

        proto::Snapshot grass;
        grass.conference = grassroots;
        for (int i = 1; i <= 3; ++i) {
            Comment c;
            c.id = "g" + std::to_string(i);
            c.conferenceId = 200;
            c.sections = {i == 3 ? "II.3" : "I.2"};
            c.text = "Đại hội cơ sở đề nghị bổ sung nội dung số " + std::to_string(i) + ".";
            c.kind = CommentKind::Addition;
            CommentOrigin o;
            o.organisationId = i == 3 ? 2 : 1;
            c.origin = o;
            grass.comments.push_back(c);
        }
        snaps.push_back(grass);

        channels.organisations = {{1, "Đảng bộ phường Phúc Xá", "2025-04-30", 1745971200000LL},
                                  {2, "Đảng bộ phường Trúc Bạch", "2025-05-15", 0},
                                  {3, "Chi bộ Trường THCS Thăng Long", "2025-05-31", 0}};
    }
};

TEST(ReportBuilder, CombinedListsEveryChannelWithWhoSaidIt) {
    ChannelFixture f;
    const CombinedReport r = ReportBuilder::combined(f.welcome, f.snaps, kNow, f.channels);
    ASSERT_EQ(r.sources.size(), 4U);
    EXPECT_EQ(r.sources[0].name, "Hội nghị 1");
    EXPECT_EQ(r.sources[1].name, "Hội nghị 2");
    EXPECT_EQ(r.sources[1].state, ConferenceState::Planned);
    EXPECT_EQ(r.sources[1].counts.total(), 0);
    EXPECT_EQ(r.sources[2].name, "Nhân dân");
    EXPECT_EQ(r.sources[2].channel, Channel::Public);
    EXPECT_EQ(r.sources[2].counts.total(), 4);
    EXPECT_EQ(r.sources[2].contributors, 3) << "Lê Văn Tám counts once";
    EXPECT_EQ(r.sources[2].outsideWindow, 1);
    ASSERT_EQ(r.sources[2].byWard.size(), 2U);
    EXPECT_EQ(r.sources[2].byWard[0], (std::pair<std::string, int>{"Phúc Xá", 3}));
    EXPECT_EQ(r.sources[2].byWard[1], (std::pair<std::string, int>{"Trúc Bạch", 1}));
    EXPECT_EQ(r.sources[3].name, "Tổ chức cơ sở đảng");
    EXPECT_EQ(r.sources[3].contributors, 2) << "two organisations";
    ASSERT_EQ(r.sources[3].organisations.size(), 3U);
    EXPECT_EQ(r.sources[3].organisations[0].comments, 2);
    EXPECT_GT(r.sources[3].organisations[0].reportedAt, 0);
    EXPECT_EQ(r.sources[3].organisations[1].comments, 1);
    EXPECT_EQ(r.sources[3].organisations[2].reportedAt, 0);
    EXPECT_EQ(r.publicFrom, "2025-02-03");

    auto entry = [&](const std::string& id) -> const CommentEntry& {
        for (const CommentEntry& e : r.comments) {
            if (e.commentId == id) return e;
        }
        throw std::runtime_error("no comment " + id);
    };
    EXPECT_EQ(entry("p1").speaker, "Nhân dân phường Phúc Xá");
    EXPECT_EQ(entry("p2").speaker, "Lê Văn Tám");
    EXPECT_EQ(entry("p2").organisation, "phường Phúc Xá");
    EXPECT_TRUE(entry("p3").outsideWindow);
    EXPECT_FALSE(entry("p2").outsideWindow);
    EXPECT_EQ(entry("g1").speaker, "Đảng bộ phường Phúc Xá");
    EXPECT_EQ(entry("g3").speaker, "Đảng bộ phường Trúc Bạch");
    EXPECT_EQ(entry("g1").channel, Channel::Grassroots);

    // section I.2: counts per source add up, and the section knows its three channels
    for (const SectionGroup& g : r.sections) {
        if (g.section.code != "I.2") continue;
        EXPECT_EQ(g.bySource[2].total(), 2);
        EXPECT_EQ(g.bySource[3].total(), 2);
    }
}

TEST(ReportBuilder, AcceptanceRowsFromGroupsAndUngroupedComments) {
    ChannelFixture f;
    CommentGroup same;
    same.id = "grp-1";
    same.section = "I.2";
    same.commentIds = {"g1", "p1", "g2", "p2"};
    same.acceptance = Acceptance::Accepted;
    same.explanation = "Đã bổ sung vào Phần I, mục 2.";
    CommentGroup partly;
    partly.id = "grp-2";
    partly.section = "II.3";
    partly.commentIds = {"g3", "missing-comment"};
    partly.acceptance = Acceptance::NotAccepted;
    partly.explanation = "Đã có trong Phần II, mục 3.";
    f.channels.groups = {partly, same};
    // p3 answered on its own, in part
    f.snaps[2].comments[2].acceptance = Acceptance::Partly;
    f.snaps[2].comments[2].acceptanceNote = "Tiếp thu ý về lộ trình.";

    const CombinedReport r = ReportBuilder::combined(f.welcome, f.snaps, kNow, f.channels);
    int sectioned = 0;
    for (const CommentEntry& e : r.comments) sectioned += e.sectionCodes.empty() ? 0 : 1;
    // every comment with a section is answered exactly once: 5 in groups, the rest alone
    ASSERT_EQ(r.acceptance.size(), static_cast<std::size_t>(2 + sectioned - 5));

    std::unordered_map<std::string, int> ord;
    for (const Section& s : f.welcome.sections) ord[s.code] = s.ord;
    const AcceptanceRow* group = nullptr;
    const AcceptanceRow* notAccepted = nullptr;
    const AcceptanceRow* alone = nullptr;
    int pending = 0;
    for (std::size_t i = 0; i < r.acceptance.size(); ++i) {
        const AcceptanceRow& a = r.acceptance[i];
        EXPECT_EQ(a.number, static_cast<int>(i + 1));
        if (a.groupId == "grp-1") group = &a;
        if (a.groupId == "grp-2") notAccepted = &a;
        if (a.reason == "Tiếp thu ý về lộ trình.") alone = &a;
        pending += a.decision == Acceptance::Pending ? 1 : 0;
    }
    ASSERT_TRUE(group);
    EXPECT_EQ(group->howMany, 4);
    EXPECT_EQ(group->decision, Acceptance::Accepted);
    EXPECT_EQ(group->location, "Phần I, mục 2 (Về quản lý đô thị, môi trường)");
    EXPECT_EQ(group->comment, f.snaps[3].comments[0].text) << "the first member's text";
    EXPECT_EQ(group->who,
              "Nhân dân: Nhân dân phường Phúc Xá, Lê Văn Tám; "
              "Tổ chức cơ sở đảng: Đảng bộ phường Phúc Xá");
    ASSERT_TRUE(notAccepted);
    EXPECT_EQ(notAccepted->howMany, 1) << "unknown members are left out";
    EXPECT_EQ(notAccepted->decision, Acceptance::NotAccepted);
    ASSERT_TRUE(alone);
    EXPECT_EQ(alone->decision, Acceptance::Partly);
    EXPECT_EQ(alone->who, "Nhân dân: Nhân dân phường Trúc Bạch");
    EXPECT_EQ(alone->location, "Phần II, mục 1 (Mục tiêu tổng quát)");
    EXPECT_EQ(pending, static_cast<int>(r.acceptance.size()) - 3);
    EXPECT_LT(group->number, alone->number) << "draft order: I.2 before II.1";
    EXPECT_LT(alone->number, notAccepted->number) << "draft order: II.1 before II.3";

    const AcceptanceReport table = ReportBuilder::acceptance(f.welcome, f.snaps, kNow, f.channels);
    EXPECT_EQ(table.rows, r.acceptance);
    EXPECT_EQ(table.byDecision[static_cast<std::size_t>(Acceptance::Accepted)], 1);
    EXPECT_EQ(table.byDecision[static_cast<std::size_t>(Acceptance::Partly)], 1);
    EXPECT_EQ(table.byDecision[static_cast<std::size_t>(Acceptance::NotAccepted)], 1);
    EXPECT_EQ(table.byDecision[static_cast<std::size_t>(Acceptance::Pending)], pending);
}

TEST(ReportBuilder, AcceptanceLocationNamesTheParagraphAllMembersShare) {
    ChannelFixture f;
    for (Comment& c : f.snaps[2].comments) c.paragraph = 2;
    CommentGroup g;
    g.id = "grp-p";
    g.section = "I.2";
    g.commentIds = {"p1", "p2"};
    f.channels.groups = {g};
    CombinedReport r = ReportBuilder::combined(f.welcome, f.snaps, kNow, f.channels);
    const auto row = std::find_if(r.acceptance.begin(), r.acceptance.end(),
                                  [](const AcceptanceRow& a) { return a.groupId == "grp-p"; });
    ASSERT_NE(row, r.acceptance.end());
    EXPECT_EQ(row->location, "Phần I, mục 2 (Về quản lý đô thị, môi trường), đoạn 2");
    f.snaps[2].comments[1].paragraph = 3;
    r = ReportBuilder::combined(f.welcome, f.snaps, kNow, f.channels);
    for (const AcceptanceRow& a : r.acceptance) {
        if (a.groupId == "grp-p") {
            EXPECT_EQ(a.location, "Phần I, mục 2 (Về quản lý đô thị, môi trường)");
        }
    }
}

TEST(ReportComposer, LocationsFollowTheOutline) {
    const auto welcome = sampleWelcome(1);
    EXPECT_EQ(ReportComposer::location(welcome.sections, "II.2.a"), "Phần II, mục 2, điểm a");
    EXPECT_EQ(ReportComposer::location(welcome.sections, "I"), "Phần I");
    EXPECT_EQ(ReportComposer::location(welcome.sections, "IX"), "IX");
}

}  // namespace
}  // namespace gopy::server::report
