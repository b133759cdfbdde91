// The layout engine on its own, with a fixed-width measurer: wrapping, justification,
// indents, over-long words, page breaks, page numbers, tables with repeated headers.
#include "server/report/layout_engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <ranges>
#include <set>

namespace gopy::server::report {
namespace {

using TextRun = gopy::server::report::Run;  // gtest fixtures have a Run() of their own

/// Every letter 500 thousandths of the size wide, spaces 250, bold letters 600.
class FixedMeasurer final : public TextMeasurer {
public:
    [[nodiscard]] double advance(char32_t cp, Face face) const override {
        if (cp == U' ') return 250;
        return face == Face::Bold ? 600 : 500;
    }
};

struct Collected {
    std::vector<Page> pages;
};

std::string joined(const std::vector<LayoutEngine::Line>& lines) {
    std::string out;
    for (const auto& line : lines) {
        for (const auto& w : line.words) {
            if (!out.empty()) out += ' ';
            for (const auto& p : w.pieces) out += p.text;
        }
    }
    return out;
}

class LayoutTest : public ::testing::Test {
protected:
    FixedMeasurer measurer;
    PageGeometry geometry;
    Collected collected;
    LayoutEngine engine{measurer, geometry,
                        [this](Page&& p) { collected.pages.push_back(std::move(p)); }};
};

TEST_F(LayoutTest, WrapsGreedilyWithinWidthAndKeepsEveryWordInOrder) {
    // words of 4 letters at 10 pt: 20 pt wide, a space 2.5 pt → 4 words per 100 pt line (87.5)
    const std::string text = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii";
    const auto lines = engine.wrap({TextRun{text}}, 10, 100, 0);
    ASSERT_EQ(lines.size(), 3U);
    EXPECT_EQ(lines[0].words.size(), 4U);
    EXPECT_DOUBLE_EQ(lines[0].naturalWidth, 4 * 20 + 3 * 2.5);
    EXPECT_TRUE(lines[0].first);
    EXPECT_FALSE(lines[0].endsParagraph);
    EXPECT_TRUE(lines.back().endsParagraph);
    for (const auto& l : lines) EXPECT_LE(l.naturalWidth, 100 + 1e-9);
    EXPECT_EQ(joined(lines), text);
}

TEST_F(LayoutTest, FirstLineIndentNarrowsOnlyTheFirstLine) {
    const auto lines =
        engine.wrap({TextRun{"aaaa bbbb cccc dddd eeee ffff gggg hhhh"}}, 10, 100, 30);
    ASSERT_GE(lines.size(), 2U);
    EXPECT_EQ(lines[0].words.size(), 3U);  // 3×20 + 2×2.5 = 65 ≤ 70; a fourth would be 87.5
    EXPECT_EQ(lines[1].words.size(), 4U);
}

TEST_F(LayoutTest, JustifiedLinesFillTheWidthAndTheLastLineDoesNot) {
    // 20+10+20+20 + 3 spaces = 77.5; "eeeee" (25) no longer fits
    const auto lines = engine.wrap({TextRun{"aaaa bb cccc dddd eeeee ff gggg"}}, 10, 100, 0);
    ASSERT_EQ(lines.size(), 2U);
    Page page;
    engine.placeLine(lines[0], Align::Justify, 10, 50, 100, 700, false, page);
    ASSERT_EQ(page.texts.size(), lines[0].words.size());  // one piece per word when spaces stretch
    EXPECT_DOUBLE_EQ(page.texts.front().x, 50);
    EXPECT_NEAR(page.texts.back().x + page.texts.back().width, 150, 1e-9);
    Page last;
    engine.placeLine(lines[1], Align::Justify, 10, 50, 100, 680, false, last);
    ASSERT_EQ(last.texts.size(), 1U);  // natural spacing merges into one text
    EXPECT_EQ(last.texts[0].text, "eeeee ff gggg");
    EXPECT_DOUBLE_EQ(last.texts[0].x, 50);
}

TEST_F(LayoutTest, NearlyFullJustifiedLinesStretchByLetterSpacingInOneString) {
    // 4 words of 5 letters + 3 spaces = 4×25 + 3×2.5 = 107.5 of 110: 2.5 pt over 22 glyphs
    const auto lines = engine.wrap({TextRun{"aaaaa bbbbb ccccc ddddd eeeee"}}, 10, 110, 0);
    ASSERT_EQ(lines.size(), 2U);
    Page page;
    engine.placeLine(lines[0], Align::Justify, 10, 50, 110, 700, false, page);
    ASSERT_EQ(page.texts.size(), 1U);
    EXPECT_EQ(page.texts[0].text, "aaaaa bbbbb ccccc ddddd");
    EXPECT_NEAR(page.texts[0].charSpacing, 2.5 / 22, 1e-9);
    EXPECT_NEAR(page.texts[0].x + page.texts[0].width, 160, 1e-9);
    EXPECT_LE(page.texts[0].charSpacing, 0.035 * 10);
}

TEST_F(LayoutTest, CentreAndRightAlignment) {
    const auto lines = engine.wrap({TextRun{"aaaa"}}, 10, 100, 0);
    Page page;
    engine.placeLine(lines[0], Align::Centre, 10, 0, 100, 0, false, page);
    engine.placeLine(lines[0], Align::Right, 10, 0, 100, 0, true, page);
    EXPECT_DOUBLE_EQ(page.texts[0].x, 40);
    EXPECT_DOUBLE_EQ(page.texts[1].x, 80);
    ASSERT_EQ(page.rules.size(), 1U);  // underline as long as the text
    EXPECT_DOUBLE_EQ(page.rules[0].x1, 80);
    EXPECT_DOUBLE_EQ(page.rules[0].x2, 100);
}

TEST_F(LayoutTest, WordsContinueAcrossRunsAndKeepTheirFaces) {
    const auto lines = engine.wrap(
        {TextRun{"Đồng chí An", Face::Bold}, TextRun{": nhất trí", Face::Regular}}, 10, 1000, 0);
    ASSERT_EQ(lines.size(), 1U);
    ASSERT_EQ(lines[0].words.size(), 5U);
    const auto& an = lines[0].words[2];
    ASSERT_EQ(an.pieces.size(), 2U);
    EXPECT_EQ(an.pieces[0].text, "An");
    EXPECT_EQ(an.pieces[0].face, Face::Bold);
    EXPECT_EQ(an.pieces[1].text, ":");
    EXPECT_DOUBLE_EQ(an.width, 2 * 6 + 5);
}

TEST_F(LayoutTest, OverLongWordIsSplitBetweenCharacters) {
    const std::string word(60, 'x');  // 300 pt at 10 pt
    const auto lines = engine.wrap({TextRun{"ab " + word + " cd"}}, 10, 100, 0);
    std::string rebuilt;
    for (const auto& l : lines) {
        EXPECT_LE(l.naturalWidth, 100 + 1e-9);
        for (const auto& w : l.words) {
            for (const auto& p : w.pieces) rebuilt += p.text;
        }
    }
    EXPECT_EQ(rebuilt, "ab" + word + "cd");
    EXPECT_GE(lines.size(), 4U);
}

TEST_F(LayoutTest, NewlineIsAHardBreakAndThatLineIsNotJustified) {
    const auto lines = engine.wrap({TextRun{"aa bb\ncc"}}, 10, 1000, 0);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_TRUE(lines[0].endsParagraph);
    EXPECT_EQ(lines[1].words[0].pieces[0].text, "cc");
}

TEST_F(LayoutTest, DecomposedInputIsComposedBeforeItIsPlaced) {
    // "Nguyễn" with e + combining circumflex + combining tilde
    const auto lines = engine.wrap({TextRun{"Nguye\xCC\x82\xCC\x83n"}}, 10, 1000, 0);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0].words[0].pieces[0].text, "Nguyễn");
}

TEST_F(LayoutTest, ParagraphsBreakPagesNumberedFromPageTwoAndStayInsideTheBody) {
    Paragraph p;
    p.style.size = 14;
    p.style.firstIndent = 28;
    for (int i = 0; i < 60; ++i) p.runs.push_back(TextRun{"chữ dài hơn một chút "});
    for (int i = 0; i < 40; ++i) engine.add(p);
    engine.finish();
    ASSERT_GE(collected.pages.size(), 3U);
    const double numberBaseline = geometry.height - geometry.top / 2 - geometry.pageNumberSize / 3;
    for (const Page& page : collected.pages) {
        bool numbered = false;
        for (const PlacedText& t : page.texts) {
            if (std::abs(t.y - numberBaseline) < 1e-6) {
                numbered = true;
                EXPECT_EQ(t.text, std::to_string(page.number));
                continue;
            }
            EXPECT_GE(t.x, geometry.left - 1e-6);
            EXPECT_LE(t.x + t.width, geometry.width - geometry.right + 1e-6) << t.text;
            EXPECT_LE(t.y + 0.891 * t.size, geometry.bodyTop() + 1e-6);
            EXPECT_GE(t.y - 0.216 * t.size, geometry.bottom - 1e-6);
        }
        EXPECT_EQ(numbered, page.number >= 2) << "page " << page.number;
    }
}

TEST_F(LayoutTest, LinesOfAPageNeverOverlap) {
    Paragraph p;
    for (int i = 0; i < 300; ++i) p.runs.push_back(TextRun{"từ "});
    engine.add(p);
    engine.add(p);
    engine.finish();
    for (const Page& page : collected.pages) {
        std::set<double> baselines;
        for (const PlacedText& t : page.texts) baselines.insert(t.y);
        double previous = 1e9;
        for (double baseline : std::ranges::reverse_view(baselines)) {
            EXPECT_GE(previous - baseline, 14 * 1.25 - 1e-6);
            previous = baseline;
        }
    }
}

TEST_F(LayoutTest, HeadingIsNeverLeftAloneAtThePageFoot) {
    Paragraph body;
    for (int i = 0; i < 30; ++i) body.runs.push_back(TextRun{"nội dung "});
    Paragraph title{{TextRun{"TIÊU ĐỀ MỤC", Face::Bold}}, {}};
    title.style.keepWithNext = true;
    for (int round = 0; round < 30; ++round) {
        engine.add(title);
        engine.add(body);
    }
    engine.finish();
    for (const Page& page : collected.pages) {
        double lowest = 1e9;
        std::string lowestText;
        for (const PlacedText& t : page.texts) {
            if (t.y < lowest) {
                lowest = t.y;
                lowestText = t.text;
            }
        }
        EXPECT_NE(lowestText, "TIÊU ĐỀ MỤC") << "page " << page.number;
    }
}

TEST_F(LayoutTest, TableRowsStayOnThePageAndTheHeaderRepeats) {
    Table t;
    t.widths = {40, 200, 227};
    t.header = {{{TextRun{"STT"}}, Align::Centre},
                {{TextRun{"Người"}}, Align::Centre},
                {{TextRun{"Nội dung"}}, Align::Centre}};
    for (int i = 1; i <= 150; ++i) {
        std::string content;
        for (int k = 0; k < i % 7 + 1; ++k) content += "ý kiến góp ý số " + std::to_string(i) + " ";
        t.rows.push_back({{{TextRun{std::to_string(i)}}, Align::Centre},
                          {{TextRun{"Đại biểu " + std::to_string(i)}}},
                          {{TextRun{content}}}});
    }
    engine.add(t);
    engine.finish();
    ASSERT_GE(collected.pages.size(), 3U);
    std::map<std::string, int> seen;
    for (const Page& page : collected.pages) {
        int headers = 0;
        double headerY = -1;
        for (const PlacedText& t2 : page.texts) {
            if (t2.text == "STT") {
                ++headers;
                headerY = t2.y;
            }
            if (t2.text.rfind("Đại biểu ", 0) == 0) ++seen[t2.text];
            EXPECT_GE(t2.y - 0.216 * t2.size, geometry.bottom - 1e-6);
        }
        EXPECT_EQ(headers, 1) << "page " << page.number;
        for (const PlacedText& t2 : page.texts) {
            if (t2.text.rfind("Đại biểu ", 0) == 0) {
                EXPECT_LT(t2.y, headerY);
            }
        }
        for (const PlacedRule& r : page.rules) {
            EXPECT_GE(std::min(r.y1, r.y2), geometry.bottom - 1e-6);
            EXPECT_LE(std::max(r.y1, r.y2), geometry.bodyTop() + 1e-6);
        }
    }
    EXPECT_EQ(seen.size(), 150U);
    for (const auto& [text, count] : seen) EXPECT_EQ(count, 1) << text;
}

TEST_F(LayoutTest, RowTallerThanAPageIsSplitWithEveryLineKept) {
    Table t;
    t.widths = {60, 407};
    t.header = {{{TextRun{"STT"}}, Align::Centre}, {{TextRun{"Nội dung"}}, Align::Centre}};
    std::string content;
    for (int i = 0; i < 120; ++i) content += "dòng" + std::to_string(i) + "\n";
    t.rows.push_back({{{TextRun{"1"}}}, {{TextRun{content}}}});
    engine.add(t);
    engine.finish();
    ASSERT_GE(collected.pages.size(), 2U);
    std::set<std::string> lines;
    for (const Page& page : collected.pages) {
        int headers = 0;
        for (const PlacedText& t2 : page.texts) {
            if (t2.text == "STT") ++headers;
            if (t2.text.rfind("dòng", 0) == 0) lines.insert(t2.text);
            EXPECT_GE(t2.y - 0.216 * t2.size, geometry.bottom - 1e-6);
        }
        EXPECT_EQ(headers, 1);
    }
    EXPECT_EQ(lines.size(), 120U);
}

TEST_F(LayoutTest, ColumnsShareTheirTopAndDoNotOverlap) {
    Columns c;
    Paragraph left{{TextRun{"ĐẢNG BỘ THÀNH PHỐ HÀ NỘI"}}, {}};
    left.style.align = Align::Centre;
    Paragraph right{{TextRun{"ĐẢNG CỘNG SẢN VIỆT NAM", Face::Bold}}, {}};
    right.style.align = Align::Centre;
    c.columns = {{0, 200, {left}}, {200, 267, {right}}};
    engine.add(c);
    engine.finish();
    ASSERT_EQ(collected.pages.size(), 1U);
    const auto& texts = collected.pages[0].texts;
    ASSERT_GE(texts.size(), 2U);
    EXPECT_DOUBLE_EQ(texts.front().y, texts.back().y);
    for (const PlacedText& t : texts) {
        if (t.text.find("HÀ NỘI") != std::string::npos) {
            EXPECT_LE(t.x + t.width, geometry.left + 200 + 1e-6);
        }
        if (t.text.find("VIỆT NAM") != std::string::npos) {
            EXPECT_GE(t.x, geometry.left + 200 - 1e-6);
        }
    }
}

TEST_F(LayoutTest, AnEmptyDocumentStillHasOnePage) {
    engine.finish();
    EXPECT_EQ(collected.pages.size(), 1U);
    EXPECT_EQ(engine.pageCount(), 1);
}

}  // namespace
}  // namespace gopy::server::report
