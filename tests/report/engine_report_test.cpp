// Reports from a real database: the demo campaign's concluded conference 1 (recorded through
// the engine's own operations), stored versions, the session-end hook, the combined synthesis.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "pdf_tools.h"
#include "server/demo/demo.h"
#include "server/report/report_generator.h"
#include "server/report/report_service.h"
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
        engine->setOnSessionEnded([this](std::int64_t id) {
            ended.push_back(id);
            onSessionEnded(*engine, id);
        });
        ASSERT_TRUE(demo::createDemoCampaign(*engine));
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

    const ConferenceReport model = ReportGenerator::conferenceModel(*engine, 1, kNow);
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
    const CombinedReport model = ReportGenerator::combinedModel(*engine, kNow);
    EXPECT_GE(model.sources.size(), 5U);
    for (const SourceInfo& s : model.sources)
        EXPECT_NE(text.find(s.name), std::string::npos) << s.name;
    for (const CommentEntry& e : model.comments)
        EXPECT_NE(text.find(e.text), std::string::npos) << e.number;
}

}  // namespace
}  // namespace gopy::server::report
