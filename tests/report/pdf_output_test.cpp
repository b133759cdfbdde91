// Real PDFs checked with the installed tools: pdftotext (every word back, Vietnamese intact,
// order, counts), pdftotext -bbox (nothing outside the page, no overlaps), qpdf --check,
// pdffonts (embedded only), pdfinfo (metadata).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "pdf_tools.h"
#include "sample_data.h"
#include "server/report/report_builder.h"
#include "server/report/report_composer.h"
#include "server/report/pdf_renderer.h"

namespace gopy::server::report {
namespace {

using TextRun = gopy::server::report::Run;  // gtest fixtures have a Run() of their own

using namespace gopy::testing;

constexpr Millis kNow = 1795575600000LL;

class PdfOutput : public ::testing::Test {
protected:
    TempDir dir;

    std::filesystem::path write(const std::string& name, const std::string& bytes) {
        const auto path = dir.path() / name;
        writeFile(path, bytes);
        return path;
    }
    static DocumentInfo info() {
        DocumentInfo i;
        i.title = "Báo cáo tổng hợp ý kiến góp ý";
        i.author = "QUẬN ỦY BA ĐÌNH";
        i.subject = "Dự thảo Báo cáo chính trị";
        i.created = kNow;
        return i;
    }
    std::filesystem::path renderParagraphs(const std::string& name,
                                           const std::vector<std::string>& texts) {
        std::vector<Block> blocks;
        for (const auto& t : texts) blocks.emplace_back(Paragraph{{TextRun{t}}, {}});
        return write(name, PdfRenderer::render(blocks, info()));
    }
};

TEST_F(PdfOutput, FullVietnameseAlphabetRoundTripsInBothCasesAndAllTones) {
    const std::string alphabet = vietnameseAlphabet();
    std::vector<Block> blocks;
    for (Face face : {Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic}) {
        blocks.emplace_back(Paragraph{{TextRun{alphabet, face}}, {}});
    }
    const auto pdf = write("alphabet.pdf", PdfRenderer::render(blocks, info()));
    const std::string text = pdfText(pdf);
    std::size_t at = 0;
    for (int face = 0; face < 4; ++face) {
        at = text.find(alphabet, at);
        ASSERT_NE(at, std::string::npos) << "face " << face << " lost letters:\n" << text;
        at += alphabet.size();
    }
}

TEST_F(PdfOutput, DecomposedInputComesOutComposed) {
    // NFD: "Nguyễn Thị Hương" with combining marks
    const std::string nfd = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Hu\xCC\x9Bo\xCC\x9B\xCC\x80ng";
    const auto pdf = renderParagraphs("nfd.pdf", {nfd});
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("Nguyễn Thị Hường"), std::string::npos) << text;
    EXPECT_EQ(text.find("\xCC"), std::string::npos) << "a combining mark survived";
}

TEST_F(PdfOutput, ConferenceReportHoldsEverySpeakerEveryCommentInOrderAndTheCounts) {
    const auto welcome = sampleWelcome(1);
    const auto snap = sampleSnapshot(welcome, 1, 15, 40);
    const ConferenceReport model = ReportBuilder::conference(welcome, snap, kNow);
    const auto pdf =
        write("conference.pdf", PdfRenderer::render(ReportComposer::conference(model), info()));
    const std::string text = pdfText(pdf);

    for (const char* must :
         {"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "QUẬN ỦY BA ĐÌNH",
          "Ba Đình, ngày 25 tháng 11 năm 2026", "BÁO CÁO", "I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ",
          "II. KẾT QUẢ GÓP Ý VÀO DỰ THẢO", "III. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:",
          "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Công Thành", "PHỤ LỤC 1",
          "PHỤ LỤC 2", "Số đại biểu phát biểu: 15 đại biểu", "số ý kiến bằng văn bản: 4"}) {
        EXPECT_NE(text.find(must), std::string::npos) << must;
    }
    for (const SpeakerEntry& s : model.speakerList) {
        EXPECT_NE(text.find("Đồng chí " + s.name), std::string::npos) << s.name;
    }
    // Part II and III cite every comment in full, in report order (the draft's order)
    const std::size_t partTwo = text.find("II. KẾT QUẢ GÓP Ý VÀO DỰ THẢO");
    const std::size_t appendix = text.find("PHỤ LỤC 1");
    ASSERT_NE(partTwo, std::string::npos);
    std::size_t previous = partTwo;
    for (const CommentEntry& e : model.comments) {
        const std::size_t at = text.find(e.text, partTwo);
        ASSERT_NE(at, std::string::npos) << "comment " << e.number << " missing";
        EXPECT_LT(at, appendix);
        EXPECT_GT(at, previous) << "comment " << e.number << " out of order";
        previous = at;
        if (e.proposed) {
            EXPECT_NE(text.find("“" + e.proposed->wording + "”"), std::string::npos);
        }
    }
    // counts per section and kind, as "k/n ý kiến …"
    for (const SectionGroup& g : model.sections) {
        const std::string agree = std::to_string(g.counts.of(CommentKind::Agreement)) + "/" +
                                  std::to_string(g.counts.total()) + " ý kiến nhất trí";
        if (g.counts.of(CommentKind::Agreement) > 0) {
            EXPECT_NE(text.find(agree), std::string::npos) << agree;
        }
    }
}

TEST_F(PdfOutput, FourHundredCommentsPaginateWithEveryWordInsideThePageAndNoOverlap) {
    const auto welcome = sampleWelcome(1);
    const auto snap = sampleSnapshot(welcome, 1, 60, 400, 250);  // ≈ 100,000 words
    const ConferenceReport model = ReportBuilder::conference(welcome, snap, kNow);
    const auto pdf =
        write("large.pdf", PdfRenderer::render(ReportComposer::conference(model), info()));
    std::vector<PageBox> pages;
    const std::vector<WordBox> words = wordBoxes(pdf, pages);
    ASSERT_GT(pages.size(), 100U);
    ASSERT_GT(words.size(), 100000U);  // 400 × 250 words, plus headings and the appendices
    const PageGeometry g;
    std::map<int, std::vector<const WordBox*>> byPage;
    for (const WordBox& w : words) {
        const PageBox& p = pages[static_cast<std::size_t>(w.page - 1)];
        ASSERT_GE(w.xMin, g.left - 0.5) << w.word << " on page " << w.page;
        ASSERT_LE(w.xMax, p.width - g.right + 0.5) << w.word << " on page " << w.page;
        ASSERT_GE(w.yMin, 0) << w.word;
        ASSERT_LE(w.yMax, p.height - g.bottom + 0.5) << w.word << " on page " << w.page;
        byPage[w.page].push_back(&w);
    }
    // no two words overlap (more than rounding) on any page
    for (const auto& [page, list] : byPage) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            for (std::size_t j = i + 1; j < list.size(); ++j) {
                const WordBox& a = *list[i];
                const WordBox& b = *list[j];
                const double dx = std::min(a.xMax, b.xMax) - std::max(a.xMin, b.xMin);
                const double dy = std::min(a.yMax, b.yMax) - std::max(a.yMin, b.yMin);
                ASSERT_FALSE(dx > 0.5 && dy > 2.5)
                    << "'" << a.word << "' overlaps '" << b.word << "' on page " << page;
            }
        }
    }
    // every comment's words are in the text
    const std::string text = pdfText(pdf);
    for (const CommentEntry& e : model.comments) {
        ASSERT_NE(text.find(e.text), std::string::npos) << "comment " << e.number;
    }
}

TEST_F(PdfOutput, QpdfCheckPassesFontsAreEmbeddedAndMetadataIsSet) {
    const auto welcome = sampleWelcome(1);
    const auto snap = sampleSnapshot(welcome, 1, 15, 40);
    const auto pdf = write(
        "check.pdf",
        PdfRenderer::render(
            ReportComposer::conference(ReportBuilder::conference(welcome, snap, kNow)), info()));
    const CommandResult qpdf = run(std::string(GOPY_QPDF) + " --check '" + pdf.string() + "' 2>&1");
    EXPECT_EQ(qpdf.exitCode, 0) << qpdf.output;
    EXPECT_NE(qpdf.output.find("No syntax or stream encoding errors"), std::string::npos)
        << qpdf.output;

    const CommandResult fonts =
        run(std::string(GOPY_PDFFONTS) + " '" + pdf.string() + "' 2>/dev/null");
    ASSERT_EQ(fonts.exitCode, 0);
    int rows = 0;
    std::size_t lineStart = 0;
    int lineNo = 0;
    while (lineStart < fonts.output.size()) {
        std::size_t end = fonts.output.find('\n', lineStart);
        if (end == std::string::npos) end = fonts.output.size();
        const std::string line = fonts.output.substr(lineStart, end - lineStart);
        lineStart = end + 1;
        if (++lineNo <= 2 || line.empty()) continue;
        ++rows;
        // columns: name type encoding emb sub uni object ID
        EXPECT_NE(line.find("LiberationSerif"), std::string::npos) << line;
        EXPECT_NE(line.find("CID TrueType"), std::string::npos) << line;
        EXPECT_NE(line.find(" yes yes yes "), std::string::npos)
            << "not embedded as a subset: " << line;
    }
    EXPECT_GE(rows, 3);

    const CommandResult meta =
        run(std::string(GOPY_PDFINFO) + " -enc UTF-8 '" + pdf.string() + "' 2>/dev/null");
    EXPECT_NE(meta.output.find("Title:           Báo cáo tổng hợp ý kiến góp ý"), std::string::npos)
        << meta.output;
    EXPECT_NE(meta.output.find("Author:          QUẬN ỦY BA ĐÌNH"), std::string::npos)
        << meta.output;
    EXPECT_NE(meta.output.find("CreationDate:"), std::string::npos);
    EXPECT_NE(meta.output.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos)
        << meta.output;
}

TEST_F(PdfOutput, PageNumbersFromPageTwoAtTheTopCentre) {
    std::vector<std::string> texts(120, vietnameseWords(7, 80));
    const auto pdf = renderParagraphs("numbers.pdf", texts);
    std::vector<PageBox> pages;
    const auto words = wordBoxes(pdf, pages);
    ASSERT_GE(pages.size(), 3U);
    const PageGeometry g;
    for (int page = 1; page <= static_cast<int>(pages.size()); ++page) {
        const WordBox* top = nullptr;
        for (const WordBox& w : words) {
            if (w.page == page && (top == nullptr || w.yMin < top->yMin)) top = &w;
        }
        ASSERT_NE(top, nullptr);
        const bool inMargin = top->yMax < g.top;
        if (page == 1) {
            EXPECT_FALSE(inMargin) << "page 1 is not numbered";
            continue;
        }
        ASSERT_TRUE(inMargin) << "page " << page;
        EXPECT_EQ(top->word, std::to_string(page));
        EXPECT_NEAR((top->xMin + top->xMax) / 2, pages[0].width / 2, 1.0);
    }
}

TEST_F(PdfOutput, CombinedReportRendersAcceptanceOnlyWhenPresent) {
    const auto welcome = sampleWelcome(2);
    std::vector<proto::Snapshot> snaps = {sampleSnapshot(welcome, 1, 8, 20),
                                          sampleSnapshot(welcome, 2, 8, 20),
                                          sampleSnapshot(welcome, 100, 10, 30)};
    // only comments on the draft as a whole: nothing for the acceptance table
    for (auto& snap : snaps) {
        for (Comment& c : snap.comments) c.sections.clear();
    }
    CombinedReport model = ReportBuilder::combined(welcome, snaps, kNow);
    ASSERT_TRUE(model.acceptance.empty());
    std::string text = pdfText(
        write("combined.pdf", PdfRenderer::render(ReportComposer::combined(model), info())));
    EXPECT_NE(text.find("Tổng hợp chung ý kiến góp ý"), std::string::npos);
    EXPECT_NE(text.find("Nhân dân"), std::string::npos);
    EXPECT_EQ(text.find("TIẾP THU, GIẢI TRÌNH"), std::string::npos);
    for (const CommentEntry& e : model.comments)
        EXPECT_NE(text.find(e.text), std::string::npos) << e.number;

    snaps = {sampleSnapshot(welcome, 1, 8, 20), sampleSnapshot(welcome, 2, 8, 20),
             sampleSnapshot(welcome, 100, 10, 30)};
    ReportBuilder::ChannelData channels;
    CommentGroup group;
    group.id = "grp-1";
    for (const Comment& c : snaps[0].comments) {
        if (!c.sections.empty() && group.commentIds.size() < 3) {
            group.section = c.sections.front();
            group.commentIds.push_back(c.id);
        }
    }
    group.acceptance = Acceptance::Accepted;
    group.explanation = "Đã bổ sung vào đoạn 2";
    channels.groups = {group};
    model = ReportBuilder::combined(welcome, snaps, kNow, channels);
    text = pdfText(
        write("combined2.pdf", PdfRenderer::render(ReportComposer::combined(model), info())));
    EXPECT_NE(text.find("III. TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"), std::string::npos);
    EXPECT_NE(text.find("BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"), std::string::npos);
    EXPECT_NE(text.find("Đã bổ sung vào đoạn 2"), std::string::npos);
    EXPECT_NE(text.find("Chưa xem xét"), std::string::npos);
}

TEST_F(PdfOutput, MissingFontDirectoryIsAClearError) {
    try {
        PdfRenderer::render({}, info(), {}, "/nonexistent/fonts");
        FAIL() << "expected PdfError";
    } catch (const PdfError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/fonts/LiberationSerif-Regular.ttf"),
                  std::string::npos);
    }
}

}  // namespace
}  // namespace gopy::server::report
