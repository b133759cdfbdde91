// Reports from a real database: the demo campaign's concluded conference 1 (recorded through
// the engine's own operations), stored versions, the session-end hook, the combined synthesis.
#include <chrono>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "pdf_tools.h"
#include "server/demo/demo.h"
#include "server/report/report_service.h"
#include "server/store/store.h"
#include "server/sync/engine.h"

namespace gopy::server::report {
namespace {

using namespace gopy::testing;

constexpr Millis kNow = 1795575600000LL;

Device organiser() {
    Device d;
    d.id = "test-organiser";
    d.role = Role::Organiser;
    return d;
}

class EngineReport : public ::testing::Test {
protected:
    TempDir dir;
    std::unique_ptr<Engine> engine;
    std::vector<std::int64_t> ended;

    void SetUp() override {
        engine = std::make_unique<Engine>((dir.path() / "gopy.sqlite").string());
        ASSERT_TRUE(demo::createDemoCampaign(*engine));
        ended = engine->endedWithoutReport();
        generateMissingReports(*engine, std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
    }
    std::string textOf(const std::string& bytes, const std::string& name) {
        const auto path = dir.path() / name;
        writeFile(path, bytes);
        return pdfText(path);
    }
};

TEST_F(EngineReport, DemoSessionIsRealisticAndConcluded) {
    const auto sub = engine->subscribe(organiser(), proto::Subscribe{1, 0});
    ASSERT_TRUE(sub.snapshot);
    const proto::Snapshot& s = *sub.snapshot;
    EXPECT_EQ(s.conference.state, ConferenceState::Concluded);
    EXPECT_EQ(s.comments.size(), 40U);
    const auto started = std::count_if(s.turns.begin(), s.turns.end(),
                                       [](const Turn& t) { return t.startedAt > 0; });
    EXPECT_EQ(started, 15);
    for (CommentKind k : {CommentKind::Agreement, CommentKind::Addition, CommentKind::Amendment,
                          CommentKind::Deletion, CommentKind::Recommendation, CommentKind::Other}) {
        EXPECT_TRUE(std::any_of(s.comments.begin(), s.comments.end(), [k](const Comment& c) {
            return c.kind == k;
        })) << toString(k);
    }
    EXPECT_GE(std::count_if(s.comments.begin(), s.comments.end(),
                            [](const Comment& c) { return c.written; }),
              4);
    EXPECT_GE(std::count_if(s.comments.begin(), s.comments.end(),
                            [](const Comment& c) { return c.proposed.has_value(); }),
              5);
    EXPECT_GE(std::count_if(s.comments.begin(), s.comments.end(),
                            [](const Comment& c) { return c.flagged; }),
              2);
}

TEST_F(EngineReport, SessionEndProducedTheSynthesisAutomatically) {
    ASSERT_NE(std::find(ended.begin(), ended.end(), 1), ended.end());
    const auto reports = engine->listReports(1, false);
    ASSERT_FALSE(reports.empty());
    const auto bytes = engine->reportContent(reports.front().id);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(bytes->substr(0, 5), "%PDF-");
    EXPECT_EQ(reports.front().sha256.size(), 64U);
}

TEST_F(EngineReport, ConferenceReportHoldsEverySpeakerAndCommentInTheDraftsOrder) {
    const ReportInfo first = generateConferenceReport(*engine, 1, kNow);
    const ReportInfo second = generateConferenceReport(*engine, 1, kNow + 1000);
    EXPECT_EQ(second.version, first.version + 1);
    EXPECT_TRUE(std::regex_match(second.sha256, std::regex("[0-9a-f]{64}")));
    const auto bytes = engine->reportContent(second.id);
    ASSERT_TRUE(bytes);
    const std::string text = textOf(*bytes, "conference1.pdf");

    const ConferenceReport model = conferenceModel(*engine, 1, kNow);
    EXPECT_EQ(model.speakers, 15);
    EXPECT_EQ(model.counts.total(), 40);
    for (const SpeakerEntry& s : model.speakerList) {
        EXPECT_NE(text.find(s.name), std::string::npos) << s.name;
        if (!s.title.empty()) {
            EXPECT_NE(text.find(collapse(s.title)), std::string::npos) << s.title;
        }
    }
    const std::size_t partTwo = text.find("II. KẾT QUẢ GÓP Ý VÀO DỰ THẢO");
    ASSERT_NE(partTwo, std::string::npos);
    std::size_t previous = partTwo;
    for (const CommentEntry& e : model.comments) {
        const std::size_t at = text.find(e.text, partTwo);
        ASSERT_NE(at, std::string::npos) << "comment " << e.number << ": " << e.text;
        EXPECT_GT(at, previous) << "comment " << e.number << " out of order";
        previous = at;
        if (e.proposed) {
            EXPECT_NE(text.find("“" + e.proposed->wording + "”"), std::string::npos) << e.number;
        }
    }
    EXPECT_NE(text.find("Tổng số 40 ý kiến"), std::string::npos);
    EXPECT_NE(text.find("Số đại biểu phát biểu: 15 đại biểu"), std::string::npos);
}

TEST_F(EngineReport, UnknownConferenceIsAClearError) {
    EXPECT_THROW(generateConferenceReport(*engine, 999, kNow), std::runtime_error);
}

TEST_F(EngineReport, CombinedSynthesisCoversEveryConference) {
    const ReportInfo info = generateCombinedReport(*engine, kNow);
    EXPECT_EQ(info.conferenceId, 0);
    const auto bytes = engine->reportContent(info.id);
    ASSERT_TRUE(bytes);
    const std::string text = textOf(*bytes, "combined.pdf");
    const CombinedReport model = combinedModel(*engine, kNow);
    EXPECT_GE(model.sources.size(), 5U);
    for (const SourceInfo& s : model.sources)
        EXPECT_NE(text.find(s.name), std::string::npos) << s.name;
    for (const CommentEntry& e : model.comments)
        EXPECT_NE(text.find(e.text), std::string::npos) << e.number;
}

/// The demo campaign plus the other two channels and the drafting team's work, all through the
/// engine: public comments imported (one outside the window, one unsigned), the demo's
/// grassroots reports, and groups answered with each mark.
class ChannelReport : public EngineReport {
protected:
    void SetUp() override {
        EngineReport::SetUp();
        std::vector<intake::PublicRow> rows;
        auto row = [&](std::string ward, std::string name, std::string section, std::string text,
                       bool outside) {
            intake::PublicRow r;
            r.line = static_cast<int>(rows.size()) + 2;
            r.submittedAt = outside ? 1750550400000LL : 1741000000000LL;
            r.ward = std::move(ward);
            r.name = std::move(name);
            r.section = std::move(section);
            r.text = std::move(text);
            r.outsideWindow = outside;
            // imported ids come from the key's first characters
            r.dedupeKey = std::to_string(rows.size()) + std::string(63, 'a');
            rows.push_back(std::move(r));
        };
        row("Phúc Xá", "", "I.1", "Đề nghị bổ sung kết quả chỉnh trang phố Phúc Xá ven sông.",
            false);
        row("Trúc Bạch", "Lê Văn Tám", "I.1",
            "Đề nghị bổ sung kết quả chỉnh trang các tuyến phố quanh hồ Trúc Bạch.", false);
        row("Ngọc Hà", "Phạm Thị Hoa", "II.1",
            "Cần nêu rõ lộ trình cải tạo chung cư cũ Ngọc Khánh.", true);
        row("Kim Mã", "", "", "Dự thảo viết ngắn gọn, dễ hiểu, đồng tình với Dự thảo.", false);
        const auto summary = engine->importPublic(rows, 0, kNow);
        ASSERT_EQ(summary.imported, 4);
        for (const Comment& c : engine->store().comments().all()) {
            if (c.origin && c.origin->ward == "Phúc Xá") publicPhucXa = c.id;
            if (c.origin && c.origin->ward == "Trúc Bạch") publicTrucBach = c.id;
            if (c.origin && c.origin->ward == "Ngọc Hà") publicNgocHa = c.id;
        }
        ASSERT_FALSE(publicPhucXa.empty());

        // the drafting team: a group across two channels, accepted; one in part; one not
        // accepted; one left pending; one comment answered on its own
        const Device drafting{"d-drafting", "Tổ biên tập", Role::Drafting, 0};
        std::int64_t seq = 0;
        auto apply = [&](proto::Operation op) {
            const auto result = engine->apply(
                drafting, proto::OpRequest{drafting.id, ++seq, 6, std::move(op)}, kNow);
            ASSERT_TRUE(result.ack) << (result.nack ? result.nack->message : std::string());
        };
        apply(proto::GroupSet{"grp-chinh-trang", "I.1", {publicPhucXa, publicTrucBach}});
        apply(proto::AcceptanceSet{"grp-chinh-trang", "", Acceptance::Accepted,
                                   "Đã bổ sung kết quả chỉnh trang đô thị vào Phần I, mục 1."});
        apply(proto::GroupSet{"grp-ngan-sach", "I.1", {"demo-grassroots-1"}});
        apply(proto::AcceptanceSet{"grp-ngan-sach", "", Acceptance::Partly,
                                   "Bổ sung số liệu thu ngân sách toàn quận, không theo phường."});
        apply(proto::GroupSet{"grp-truong-hoc", "II.1", {"demo-grassroots-5"}});
        apply(proto::AcceptanceSet{"grp-truong-hoc", "", Acceptance::NotAccepted,
                                   "Chỉ tiêu trường chuẩn quốc gia đã có tại Phần II, mục 2."});
        apply(proto::GroupSet{"grp-chung-cu", "II.1", {"demo-grassroots-3", publicNgocHa}});
        apply(proto::AcceptanceSet{"", "demo-grassroots-4", Acceptance::Accepted,
                                   "Giữ nguyên đánh giá về an sinh xã hội."});
    }
    std::string publicPhucXa, publicTrucBach, publicNgocHa;
};

/// True when every word of `phrase` occurs in `text` after `from`: table cells wrap, and
/// pdftotext may interleave the lines of neighbouring cells.
bool hasWords(const std::string& text, std::size_t from, const std::string& phrase) {
    std::size_t start = 0;
    while (start < phrase.size()) {
        std::size_t end = phrase.find(' ', start);
        if (end == std::string::npos) end = phrase.size();
        if (end > start && text.find(phrase.substr(start, end - start), from) == std::string::npos)
            return false;
        start = end + 1;
    }
    return true;
}

TEST_F(ChannelReport, CombinedSynthesisShowsEveryChannelAndWhoSaidWhat) {
    const ReportInfo info = generateCombinedReport(*engine, kNow);
    const auto bytes = engine->reportContent(info.id);
    ASSERT_TRUE(bytes);
    const std::string text = textOf(*bytes, "combined-channels.pdf");
    const CombinedReport model = combinedModel(*engine, kNow);
    ASSERT_EQ(model.sources.size(), 7U) << "five conferences, the public, grassroots";
    const SourceInfo& people = model.sources[5];
    const SourceInfo& grassroots = model.sources[6];
    EXPECT_EQ(people.name, "Nhân dân");
    EXPECT_GE(people.counts.total(), 4);
    EXPECT_GE(people.outsideWindow, 1);
    EXPECT_EQ(grassroots.name, "Tổ chức cơ sở đảng");
    EXPECT_EQ(grassroots.counts.total(), 5);
    EXPECT_EQ(grassroots.contributors, 3);
    ASSERT_EQ(grassroots.organisations.size(), 10U);

    // part I: the three channels in the plan's order, with their numbers
    const std::size_t conferencesAt = text.find("1. Các hội nghị (5 hội nghị)");
    const std::size_t peopleAt = text.find("2. Ý kiến Nhân dân");
    const std::size_t grassrootsAt = text.find("3. Ý kiến của các tổ chức cơ sở đảng");
    ASSERT_NE(conferencesAt, std::string::npos);
    ASSERT_NE(peopleAt, std::string::npos);
    ASSERT_NE(grassrootsAt, std::string::npos);
    EXPECT_LT(conferencesAt, peopleAt);
    EXPECT_LT(peopleAt, grassrootsAt);
    const std::string total = std::to_string(people.counts.total());
    EXPECT_NE(text.find("từ ngày 03/02/2025 đến ngày 15/06/2025: " + total + " ý kiến của " +
                        std::to_string(people.contributors) + " người góp ý thuộc " +
                        std::to_string(people.byWard.size()) + " phường"),
              std::string::npos);
    EXPECT_NE(text.find("Trong đó " + std::to_string(people.outsideWindow) + "/" + total +
                        " ý kiến gửi ngoài thời gian lấy ý kiến"),
              std::string::npos);
    EXPECT_NE(
        text.find("5 ý kiến của 3 tổ chức cơ sở đảng; 3/10 tổ chức cơ sở đảng đã gửi báo cáo"),
        std::string::npos);
    EXPECT_NE(text.find("- Đã gửi: Đảng bộ phường Phúc Xá (ngày 30/04/2025, 2 ý kiến)"),
              std::string::npos);
    const std::size_t missing = text.find("- Chưa gửi: ");
    ASSERT_NE(missing, std::string::npos);
    for (const OrganisationEntry& o : grassroots.organisations) {
        if (o.reportedAt > 0) continue;
        EXPECT_NE(text.find(o.name + " (hạn ", missing), std::string::npos) << o.name;
    }
    EXPECT_NE(text.find("Đảng bộ Công ty cổ phần Dịch vụ đô thị Ba Đình (hạn 10/06/2025)", missing),
              std::string::npos);
    EXPECT_NE(text.find("chưa tổ chức."), std::string::npos) << "conferences 2–5 not held";

    // part II: who said it, from which channel, per section
    const std::size_t partTwo = text.find("II. Ý KIẾN GÓP Ý THEO TỪNG PHẦN, MỤC CỦA DỰ THẢO");
    ASSERT_NE(partTwo, std::string::npos);
    EXPECT_NE(text.find("[Nhân dân] (", partTwo), std::string::npos);
    EXPECT_NE(text.find("Nhân dân phường Phúc Xá: Đề nghị bổ sung kết quả chỉnh trang phố Phúc Xá",
                        partTwo),
              std::string::npos);
    EXPECT_NE(text.find("Lê Văn Tám (phường Trúc Bạch)", partTwo), std::string::npos);
    EXPECT_NE(text.find("Phạm Thị Hoa (phường Ngọc Hà) – gửi ngoài thời gian lấy ý kiến "
                        "(22/06/2025)",
                        partTwo),
              std::string::npos);
    EXPECT_NE(text.find("[Tổ chức cơ sở đảng] (", partTwo), std::string::npos);
    EXPECT_NE(text.find("Chi bộ Trường THCS Thăng Long: Đề nghị bổ sung chỉ tiêu", partTwo),
              std::string::npos);
    EXPECT_NE(text.find("(Hội nghị 1: ", partTwo), std::string::npos)
        << "per-section tally names the channels";
    for (const CommentEntry& e : model.comments)
        EXPECT_NE(text.find(e.text, partTwo), std::string::npos) << e.number;

    // part III and the appendix: every mark, the explanations, pending rows, who and how many
    EXPECT_NE(text.find("III. TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"), std::string::npos);
    const std::size_t appendix = text.find("BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý");
    ASSERT_NE(appendix, std::string::npos);
    EXPECT_NE(text.find("Vị trí trong Dự thảo", appendix), std::string::npos);
    for (const char* expected :
         {"Tiếp thu một phần", "Không tiếp thu", "Chưa xem xét",
          "Đã bổ sung kết quả chỉnh trang đô thị vào Phần I, mục 1.",
          "Bổ sung số liệu thu ngân sách toàn quận, không theo phường.",
          "Chỉ tiêu trường chuẩn quốc gia đã có tại Phần II, mục 2.",
          "Giữ nguyên đánh giá về an sinh xã hội.",
          "Nhân dân: Nhân dân phường Phúc Xá, Lê Văn Tám (2)",
          "Nhân dân: Phạm Thị Hoa; Tổ chức cơ sở đảng: Đảng bộ phường Trúc Bạch (2)"}) {
        EXPECT_TRUE(hasWords(text, appendix, expected)) << expected;
    }
    std::map<Acceptance, int> marks;
    for (const AcceptanceRow& row : model.acceptance) ++marks[row.decision];
    EXPECT_EQ(marks.size(), 4U) << "every mark appears";
}

TEST_F(ChannelReport, AcceptanceTableOnItsOwn) {
    const AcceptanceReport model = acceptanceModel(*engine, kNow);
    // the demo's answers plus this fixture's: a group overrides its members' own answers
    EXPECT_EQ(model.byDecision[static_cast<std::size_t>(Acceptance::Accepted)], 3);
    EXPECT_EQ(model.byDecision[static_cast<std::size_t>(Acceptance::Partly)], 2);
    EXPECT_EQ(model.byDecision[static_cast<std::size_t>(Acceptance::NotAccepted)], 1);
    EXPECT_GT(model.byDecision[static_cast<std::size_t>(Acceptance::Pending)], 10);
    const std::string text = textOf(acceptanceDocument(*engine, kNow), "acceptance.pdf");
    EXPECT_NE(text.find("BẢNG TỔNG HỢP"), std::string::npos);
    EXPECT_NE(text.find("Tiếp thu, giải trình ý kiến góp ý vào"), std::string::npos);
    EXPECT_NE(text.find("nhóm ý kiến giống nhau"), std::string::npos);
    EXPECT_NE(text.find("T/M BAN THƯỜNG VỤ"), std::string::npos);
    for (const AcceptanceRow& row : model.rows)
        EXPECT_TRUE(hasWords(text, 0, row.reason)) << row.number << ": " << row.reason;
}

// The combined synthesis's appendix counts unanswered comments per section (one row each for
// a section with several), while the table on its own lists every one of them.
TEST_F(ChannelReport, CombinedAppendixCountsUnansweredCommentsPerSection) {
    const AcceptanceReport full = acceptanceModel(*engine, kNow);
    int pendingAlone = 0;
    for (const AcceptanceRow& row : full.rows) {
        EXPECT_FALSE(row.counted) << row.number;
        if (row.decision == Acceptance::Pending && row.groupId.empty()) ++pendingAlone;
    }
    ASSERT_GT(pendingAlone, 2);

    const CombinedReport combined = combinedModel(*engine, kNow);
    int pendingCounted = 0;
    int countedRows = 0;
    std::vector<std::string> countedLocations;
    for (const AcceptanceRow& row : combined.acceptance) {
        if (row.decision != Acceptance::Pending || !row.groupId.empty()) continue;
        pendingCounted += row.counted ? row.howMany : 1;
        if (row.counted) {
            ++countedRows;
            EXPECT_GT(row.howMany, 1);
            EXPECT_EQ(row.comment, std::to_string(row.howMany) + " ý kiến chưa xem xét (toàn văn tại Phần II).");
            countedLocations.push_back(row.location);
        }
    }
    EXPECT_EQ(pendingCounted, pendingAlone) << "every unanswered comment is counted once";
    ASSERT_GT(countedRows, 0) << "the fixture has a section with several unanswered comments";
    EXPECT_LT(combined.acceptance.size(), full.rows.size());
    // no two counted rows for one section
    std::sort(countedLocations.begin(), countedLocations.end());
    EXPECT_EQ(std::adjacent_find(countedLocations.begin(), countedLocations.end()), countedLocations.end());

    const std::string text = textOf(combinedDocument(*engine, kNow, DocumentFormat::Pdf),
                                    "combined-counted.pdf");
    const std::size_t appendix = text.find("BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý");
    ASSERT_NE(appendix, std::string::npos);
    EXPECT_TRUE(hasWords(text, appendix, "được ghi gộp một dòng cho mỗi mục"));
    EXPECT_TRUE(hasWords(text, appendix, "ý kiến chưa xem xét (toàn văn tại Phần II)."));
}

}  // namespace
}  // namespace gopy::server::report
