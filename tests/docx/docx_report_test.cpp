// The reports as DOCX, from a real database (the demo campaign: conference 1 held, public
// comments, grassroots reports, the drafting team's answers): read back from the bytes, the
// same paragraphs as the composed document the PDF is drawn from, NFC text, tables with a
// repeated header row; converted by LibreOffice when it is installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "gopy/text.h"
#include "server/demo/demo.h"
#include "server/report/report_composer.h"
#include "server/report/report_service.h"
#include "server/store/store.h"
#include "server/sync/engine.h"
#include "tests/docx/docx_readback.h"

namespace gopy::server::report {
namespace {

namespace fs = std::filesystem;

constexpr Millis kNow = 1795575600000LL;

/// Texts of the composed paragraphs outside tables and columns, in order, NFC.
std::vector<std::string> paragraphTexts(const std::vector<Block>& blocks) {
    std::vector<std::string> out;
    for (const Block& b : blocks) {
        const auto* p = std::get_if<Paragraph>(&b);
        if (p == nullptr) continue;
        std::string text;
        for (const Run& r : p->runs) text += r.text;
        out.push_back(text::nfc(text));
    }
    return out;
}

/// Non-empty paragraphs of the body outside tables, in order.
std::vector<std::string> bodyTexts(const test::DocxReadback& doc) {
    std::vector<std::string> out;
    for (const test::ParagraphInfo& p : doc.paragraphs) {
        if (p.tableDepth == 0 && !p.text().empty()) out.push_back(p.text());
    }
    return out;
}

std::string allText(const test::DocxReadback& doc) {
    std::string out;
    for (const test::ParagraphInfo& p : doc.paragraphs) out += p.text() + "\n";
    return out;
}

class DocxReport : public ::testing::Test {
protected:
    fs::path dir = fs::temp_directory_path() / ("gopy-docx-report-" + std::to_string(::getpid()));
    std::unique_ptr<Engine> engine;

    void SetUp() override {
        fs::remove_all(dir);
        fs::create_directories(dir);
        engine = std::make_unique<Engine>((dir / "gopy.sqlite").string());
        ASSERT_TRUE(demo::createDemoCampaign(*engine));
    }
    void TearDown() override {
        engine.reset();
        fs::remove_all(dir);
    }
};

void expectPartyFormat(const test::DocxReadback& doc) {
    EXPECT_EQ(doc.parseError, "");
    EXPECT_EQ(doc.sectionAttributes.at("pgSz/w"), "11906");     // A4
    EXPECT_EQ(doc.sectionAttributes.at("pgMar/left"), "1701");  // 30 mm
    EXPECT_EQ(doc.sectionAttributes.at("pgMar/right"), "850");  // 15 mm
    EXPECT_TRUE(doc.titlePage) << "page numbers from page 2";
    ASSERT_FALSE(doc.tables.empty());
    EXPECT_EQ(doc.tables.front().borderTop, "nil") << "the letterhead is a borderless layout";
    const std::string text = allText(doc);
    EXPECT_EQ(text::nfc(text), text);
    for (const char* expected :
         {"ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "QUẬN ỦY BA ĐÌNH", "ĐẢNG CỘNG SẢN VIỆT NAM",
          "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Công Thành"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
    for (const test::ParagraphInfo& p : doc.paragraphs) {
        if (p.text() != "ĐẢNG CỘNG SẢN VIỆT NAM") continue;
        ASSERT_FALSE(p.runs.empty());
        EXPECT_TRUE(p.runs[0].bold);
        EXPECT_TRUE(p.runs[0].underline);
        EXPECT_EQ(p.runs[0].halfPoints, 30);  // 15 pt
    }
}

TEST_F(DocxReport, ConferenceSynthesisHasTheSameParagraphsAsThePdf) {
    const ReportInfo info = generateConferenceReport(*engine, 1, kNow, DocumentFormat::Docx);
    const auto bytes = engine->reportContent(info.id);
    ASSERT_TRUE(bytes);
    ASSERT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(engine->store().reports().format(info.id), "docx");
    const test::DocxReadback doc = test::readDocx(*bytes);
    expectPartyFormat(doc);

    const ConferenceReport model = conferenceModel(*engine, 1, kNow);
    EXPECT_EQ(bodyTexts(doc), paragraphTexts(ReportComposer::conference(model)));
    const std::string text = allText(doc);
    for (const CommentEntry& e : model.comments) {
        EXPECT_NE(text.find(e.text), std::string::npos) << e.number;
        if (e.proposed) {
            EXPECT_NE(text.find("“" + e.proposed->wording + "”"), std::string::npos) << e.number;
        }
    }
    for (const SpeakerEntry& s : model.speakerList)
        EXPECT_NE(text.find(s.name), std::string::npos) << s.name;
    // the two appendix tables repeat their header row on every page
    int withHeader = 0;
    for (const test::TableInfo& t : doc.tables) {
        if (t.headerRows == 1) {
            ++withHeader;
            EXPECT_EQ(t.borderTop, "single");
        }
    }
    EXPECT_EQ(withHeader, 2);
    for (const test::ParagraphInfo& p : doc.paragraphs) {
        if (p.text() == "I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ") {
            EXPECT_TRUE(p.keepNext);
            ASSERT_FALSE(p.runs.empty());
            EXPECT_TRUE(p.runs[0].bold);
        }
        if (p.text().starts_with("Thực hiện Kế hoạch số")) {
            EXPECT_EQ(p.justification, "both");
            EXPECT_EQ(p.firstLineTwips, 567);  // 1 cm
        }
    }
}

TEST_F(DocxReport, CombinedSynthesisWithTheAcceptanceTable) {
    const ReportInfo info = generateCombinedReport(*engine, kNow, DocumentFormat::Docx);
    EXPECT_EQ(info.conferenceId, 0);
    const auto bytes = engine->reportContent(info.id);
    ASSERT_TRUE(bytes);
    const test::DocxReadback doc = test::readDocx(*bytes);
    expectPartyFormat(doc);
    const CombinedReport model = combinedModel(*engine, kNow);
    EXPECT_EQ(bodyTexts(doc), paragraphTexts(ReportComposer::combined(model)));

    const std::string text = allText(doc);
    for (const char* expected : {"1. Các hội nghị (5 hội nghị)", "2. Ý kiến Nhân dân",
                                 "3. Ý kiến của các tổ chức cơ sở đảng",
                                 "- Đã gửi: ", "- Chưa gửi: ", "gửi ngoài thời gian lấy ý kiến",
                                 "III. TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý",
                                 "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
    for (const CommentEntry& e : model.comments)
        EXPECT_NE(text.find(e.text), std::string::npos) << e.number;

    // the acceptance table: the last table, a header row that repeats, one row per answer,
    // each mark in its own cell
    ASSERT_FALSE(doc.tables.empty());
    const test::TableInfo& table = doc.tables.back();
    EXPECT_EQ(table.headerRows, 1);
    EXPECT_EQ(table.rows, static_cast<int>(model.acceptance.size()) + 1);
    EXPECT_EQ(table.cells, table.rows * 6);
    std::vector<std::string> cells;
    for (const test::ParagraphInfo& p : doc.paragraphs) {
        if (p.tableDepth == 1) cells.push_back(p.text());
    }
    for (const char* mark : {"Tiếp thu", "Tiếp thu một phần", "Không tiếp thu", "Chưa xem xét"})
        EXPECT_NE(std::find(cells.begin(), cells.end(), mark), cells.end()) << mark;
    for (const AcceptanceRow& row : model.acceptance) {
        EXPECT_NE(std::find(cells.begin(), cells.end(), row.location), cells.end()) << row.number;
        EXPECT_NE(std::find(cells.begin(), cells.end(),
                            row.who + " (" + std::to_string(row.howMany) + ")"),
                  cells.end())
            << row.number;
        if (!row.reason.empty()) {
            EXPECT_NE(std::find(cells.begin(), cells.end(), row.reason), cells.end()) << row.number;
        }
    }
}

TEST_F(DocxReport, AcceptanceTableOnItsOwn) {
    const std::string bytes = acceptanceDocument(*engine, kNow, DocumentFormat::Docx);
    const test::DocxReadback doc = test::readDocx(bytes);
    expectPartyFormat(doc);
    const AcceptanceReport model = acceptanceModel(*engine, kNow);
    EXPECT_EQ(bodyTexts(doc), paragraphTexts(ReportComposer::acceptance(model)));
    const std::string text = allText(doc);
    EXPECT_NE(text.find("BẢNG TỔNG HỢP\n"), std::string::npos);
    EXPECT_NE(text.find("Tiếp thu, giải trình ý kiến góp ý vào Dự thảo"), std::string::npos);
    ASSERT_GE(doc.tables.size(), 2U);
    EXPECT_EQ(doc.tables[1].headerRows, 1);
    EXPECT_EQ(doc.tables[1].rows, static_cast<int>(model.rows.size()) + 1);
}

// LibreOffice, when installed (it is not in ./gopy's package list: too big), opens the
// combined synthesis and finds its text.
TEST_F(DocxReport, LibreOfficeConvertsTheCombinedSynthesis) {
    const std::string soffice = GOPY_SOFFICE;
    ASSERT_FALSE(soffice.empty()) << "LibreOffice (soffice) is needed: ./gopy test installs it";
    const ReportInfo info = generateCombinedReport(*engine, kNow, DocumentFormat::Docx);
    const auto bytes = engine->reportContent(info.id);
    ASSERT_TRUE(bytes);
    {
        std::ofstream out(dir / "combined.docx", std::ios::binary);
        out << *bytes;
    }
    const std::string command = "cd '" + dir.string() + "' && '" + soffice +
                                "' -env:UserInstallation=file://" + dir.string() +
                                "/profile --headless --convert-to txt:Text combined.docx"
                                " > convert.log 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream in(dir / "combined.txt", std::ios::binary);
    const std::string txt((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(txt.empty());
    for (const char* expected :
         {"ĐẢNG CỘNG SẢN VIỆT NAM", "Tổng hợp chung ý kiến góp ý vào", "2. Ý kiến Nhân dân",
          "3. Ý kiến của các tổ chức cơ sở đảng", "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý",
          "Tiếp thu một phần", "Chưa xem xét"}) {
        EXPECT_NE(txt.find(expected), std::string::npos) << expected;
    }
}

}  // namespace
}  // namespace gopy::server::report
