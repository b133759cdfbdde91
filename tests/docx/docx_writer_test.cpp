// DOCX writer: package structure, page setup, paragraph and run formats, tables, escaping and
// Vietnamese text, all read back from the written bytes.
#include "server/docx/docx_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

#include "tests/docx/docx_readback.h"

namespace gopy::docx {
namespace {

// Every Vietnamese letter with every tone, lower and upper case.
const std::string kAllLetters =
    "aàáảãạ ăằắẳẵặ âầấẩẫậ b c d đ eèéẻẽẹ êềếểễệ g h iìíỉĩị k l m n oòóỏõọ ôồốổỗộ ơờớởỡợ "
    "p q r s t uùúủũụ ưừứửữự v x yỳýỷỹỵ "
    "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ B C D Đ EÈÉẺẼẸ ÊỀẾỂỄỆ G H IÌÍỈĨỊ K L M N OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ "
    "P Q R S T UÙÚỦŨỤ ƯỪỨỬỮỰ V X YỲÝỶỸỴ";

// 2025-03-01T03:04:05Z
constexpr Millis kCreated = 1740798245000LL;

DocxWriter sampleDocument() {
    PageSetup page;
    page.topMm = 20;
    page.bottomMm = 20;
    page.leftMm = 30;
    page.rightMm = 15;
    DocxWriter w({"Báo cáo tổng hợp ý kiến", "Quận ủy Ba Đình", kCreated}, page);
    w.add(DocxWriter::twoColumnLayout(
        {Paragraph{{{"QUẬN ỦY BA ĐÌNH", true}}, {ParagraphStyle::Normal, Align::Centre}}},
        {Paragraph{{{"ĐẢNG CỘNG SẢN VIỆT NAM", true, false, true, 15}},
                   {ParagraphStyle::Normal, Align::Centre}},
         Paragraph{{{"Ba Đình, ngày 01 tháng 3 năm 2025", false, true}},
                   {ParagraphStyle::Normal, Align::Right}}},
        75, 90));
    w.heading(0, "BÁO CÁO");
    w.heading(1, "Phần I. Tình hình tổ chức");
    ParagraphFormat body;
    body.align = Align::Justify;
    body.firstLineIndentMm = 12.7;
    w.add("Hội nghị được tổ chức ngày 01/3/2025.\nDòng thứ hai\tsau tab.", body);
    w.heading(2, "1. Ý kiến về nội dung");
    w.heading(3, "a) Xây dựng Đảng");
    w.add(kAllLetters);
    w.pageBreak();
    Table t;
    t.columnWidthsMm = {15, 60, 90};
    t.headerRows = 1;
    t.rows.push_back({{{Paragraph{{{"TT", true}}, {}}}},
                      {{Paragraph{{{"Người phát biểu", true}}, {}}}},
                      {{Paragraph{{{"Nội dung", true}}, {}}}}});
    for (int i = 1; i <= 3; ++i) {
        t.rows.push_back({{{Paragraph{{{std::to_string(i)}}, {}}}},
                          {{Paragraph{{{"Đại biểu " + std::to_string(i)}}, {}}}}});
    }
    w.add(t);
    return w;
}

TEST(DocxWriter, PackageStructureAndWellFormedParts) {
    const test::DocxReadback r = test::readDocx(sampleDocument().bytes());
    EXPECT_EQ(r.parseError, "");
    ASSERT_FALSE(r.entryNames.empty());
    EXPECT_EQ(r.entryNames.front(), "[Content_Types].xml");
    for (const char* part :
         {"_rels/.rels", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels",
          "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml"}) {
        EXPECT_TRUE(r.entries.contains(part)) << part;
        // Every part is declared in [Content_Types].xml (by override or by extension).
        const std::string& types = r.entries.at("[Content_Types].xml");
        const bool declared = types.find(std::string("\"/") + part + "\"") != std::string::npos ||
                              std::string_view(part).ends_with(".rels");
        EXPECT_TRUE(declared) << part;
    }
    const std::string& rels = r.entries.at("word/_rels/document.xml.rels");
    for (const char* target : {"styles.xml", "settings.xml", "header1.xml", "header2.xml"}) {
        EXPECT_NE(rels.find(std::string("Target=\"") + target + "\""), std::string::npos) << target;
    }
    const std::string& core = r.entries.at("docProps/core.xml");
    EXPECT_NE(core.find("<dc:title>Báo cáo tổng hợp ý kiến</dc:title>"), std::string::npos);
    EXPECT_NE(core.find("<dc:creator>Quận ủy Ba Đình</dc:creator>"), std::string::npos);
    EXPECT_NE(core.find(">2025-03-01T03:04:05Z</dcterms:created>"), std::string::npos) << core;
}

TEST(DocxWriter, A4PageMarginsAndPageNumbersFromPageTwo) {
    const test::DocxReadback r = test::readDocx(sampleDocument().bytes());
    EXPECT_EQ(r.sectionAttributes.at("pgSz/w"), "11906");     // 210 mm
    EXPECT_EQ(r.sectionAttributes.at("pgSz/h"), "16838");     // 297 mm
    EXPECT_EQ(r.sectionAttributes.at("pgMar/left"), "1701");  // 30 mm
    EXPECT_EQ(r.sectionAttributes.at("pgMar/right"), "850");  // 15 mm
    EXPECT_EQ(r.sectionAttributes.at("pgMar/top"), "1134");   // 20 mm
    EXPECT_EQ(r.sectionAttributes.at("pgMar/bottom"), "1134");
    EXPECT_EQ(r.headerReferences, (std::vector<std::string>{"default", "first"}));
    EXPECT_TRUE(r.titlePage);
    const std::string& numbered = r.entries.at("word/header1.xml");
    EXPECT_NE(numbered.find(" PAGE "), std::string::npos);
    EXPECT_NE(numbered.find("<w:jc w:val=\"center\"/>"), std::string::npos);
    EXPECT_EQ(r.entries.at("word/header2.xml").find("PAGE"), std::string::npos);

    PageSetup plain;
    plain.pageNumbers = false;
    DocxWriter w({"t", "a", kCreated}, plain);
    w.add("x");
    const test::DocxReadback p = test::readDocx(w.bytes());
    EXPECT_TRUE(p.headerReferences.empty());
    EXPECT_FALSE(p.titlePage);
}

TEST(DocxWriter, StylesFontAndHeadings) {
    const test::DocxReadback r = test::readDocx(sampleDocument().bytes());
    const std::string& styles = r.entries.at("word/styles.xml");
    EXPECT_NE(styles.find("w:ascii=\"Times New Roman\""), std::string::npos);
    EXPECT_NE(styles.find("<w:sz w:val=\"28\"/>"), std::string::npos);  // 14 pt
    for (const char* id : {"Normal", "Title", "Heading1", "Heading2", "Heading3"}) {
        EXPECT_NE(styles.find(std::string("w:styleId=\"") + id + "\""), std::string::npos) << id;
    }
    EXPECT_NE(styles.find("<w:name w:val=\"heading 2\"/>"), std::string::npos);
    EXPECT_NE(styles.find("<w:outlineLvl w:val=\"2\"/>"), std::string::npos);
}

const test::ParagraphInfo* findParagraph(const test::DocxReadback& r, std::string_view startsWith) {
    for (const test::ParagraphInfo& p : r.paragraphs) {
        if (p.text().starts_with(startsWith)) return &p;
    }
    return nullptr;
}

TEST(DocxWriter, ParagraphAndRunFormats) {
    const test::DocxReadback r = test::readDocx(sampleDocument().bytes());
    const test::ParagraphInfo* title = findParagraph(r, "BÁO CÁO");
    ASSERT_TRUE(title);
    EXPECT_EQ(title->style, "Title");
    EXPECT_EQ(title->justification, "center");

    const test::ParagraphInfo* h1 = findParagraph(r, "Phần I.");
    ASSERT_TRUE(h1);
    EXPECT_EQ(h1->style, "Heading1");
    EXPECT_TRUE(h1->keepNext);
    EXPECT_EQ(findParagraph(r, "1. Ý kiến")->style, "Heading2");
    EXPECT_EQ(findParagraph(r, "a) Xây dựng")->style, "Heading3");

    const test::ParagraphInfo* body = findParagraph(r, "Hội nghị");
    ASSERT_TRUE(body);
    EXPECT_EQ(body->style, "Normal");
    EXPECT_EQ(body->justification, "both");
    EXPECT_EQ(body->firstLineTwips, 720);  // 12.7 mm
    EXPECT_EQ(body->text(), "Hội nghị được tổ chức ngày 01/3/2025.\nDòng thứ hai\tsau tab.");

    const test::ParagraphInfo* party = findParagraph(r, "ĐẢNG CỘNG SẢN");
    ASSERT_TRUE(party);
    EXPECT_EQ(party->tableDepth, 1);
    ASSERT_EQ(party->runs.size(), 1U);
    EXPECT_TRUE(party->runs[0].bold);
    EXPECT_TRUE(party->runs[0].underline);
    EXPECT_FALSE(party->runs[0].italic);
    EXPECT_EQ(party->runs[0].halfPoints, 30);
    const test::ParagraphInfo* date = findParagraph(r, "Ba Đình, ngày");
    ASSERT_TRUE(date);
    EXPECT_TRUE(date->runs[0].italic);
    EXPECT_EQ(date->justification, "right");

    int pageBreaks = 0;
    for (const auto& p : r.paragraphs) pageBreaks += p.pageBreak ? 1 : 0;
    EXPECT_EQ(pageBreaks, 1);
}

TEST(DocxWriter, TablesWithRepeatedHeaderAndBorderlessLayout) {
    const test::DocxReadback r = test::readDocx(sampleDocument().bytes());
    ASSERT_EQ(r.tables.size(), 2U);
    const test::TableInfo& letterhead = r.tables[0];
    EXPECT_EQ(letterhead.gridTwips, (std::vector<int>{4252, 5102}));
    EXPECT_EQ(letterhead.borderTop, "nil");
    EXPECT_EQ(letterhead.headerRows, 0);

    const test::TableInfo& list = r.tables[1];
    EXPECT_EQ(list.gridTwips, (std::vector<int>{850, 3402, 5102}));
    EXPECT_EQ(list.borderTop, "single");
    EXPECT_EQ(list.headerRows, 1);
    EXPECT_EQ(list.rows, 4);
    EXPECT_EQ(list.cells, 12);  // short rows are padded with empty cells
    // The document does not end with a table: a paragraph follows it.
    ASSERT_FALSE(r.paragraphs.empty());
    EXPECT_EQ(r.paragraphs.back().tableDepth, 0);
}

TEST(DocxWriter, VietnameseLettersSurviveWriteAndRead) {
    const test::DocxReadback r = test::readDocx(sampleDocument().bytes());
    const test::ParagraphInfo* letters = findParagraph(r, "aàáảãạ");
    ASSERT_TRUE(letters);
    EXPECT_EQ(letters->text(), kAllLetters);
}

TEST(DocxWriter, NfcAndEscaping) {
    DocxWriter w({"A & B <c>", "\"Tác giả\"", kCreated});
    // NFD "Việt" (e + circumflex + dot below as combining marks) and XML specials.
    w.add("Vi\x65\xCC\x82\xCC\xA3t & <b> \"x\" 'y' \x01\x02 ]]> &amp;");
    const test::DocxReadback r = test::readDocx(w.bytes());
    EXPECT_EQ(r.parseError, "");
    ASSERT_FALSE(r.paragraphs.empty());
    EXPECT_EQ(r.paragraphs[0].text(), "Việt & <b> \"x\" 'y'  ]]> &amp;");
    EXPECT_EQ(test::xmlText(r.entries.at("docProps/core.xml")).find("A & B <c>"), 0U);
    EXPECT_EQ(xmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
}

TEST(DocxWriter, SaveToFileWritesTheSameBytes) {
    const DocxWriter w = sampleDocument();
    const auto path = std::filesystem::temp_directory_path() / "gopy_docx_writer_test.docx";
    w.save(path);
    std::ifstream in(path, std::ios::binary);
    const std::string onDisk((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    // Entry times may differ between two writes by a tick; the contents may not.
    EXPECT_EQ(test::readDocx(onDisk).entries, test::readDocx(w.bytes()).entries);
    EXPECT_THROW(w.save("/nonexistent-dir/x.docx"), DocxError);
}

// A body of several MiB goes through the temporary file and comes back whole and in order,
// also when the package is written twice and when more is added after the first write.
TEST(DocxWriter, LongBodyStreamedFromTemporaryFileReadsBackWhole) {
    DocxWriter w({"Dài", "Tổ biên tập", kCreated});
    const std::string sentence =
        "Đề nghị bổ sung nội dung về phát triển kinh tế tập thể và chuyển đổi số ở cơ sở. ";
    std::string text;
    for (int i = 0; i < 8; ++i) text += sentence;
    for (int i = 0; i < 3000; ++i) w.add("Ý kiến " + std::to_string(i + 1) + ": " + text);
    Table t;
    t.columnWidthsMm = {20, 140};
    t.headerRows = 1;
    const auto cell = [](std::string s) {
        return TableCell{{Paragraph{{gopy::docx::Run{std::move(s)}}}}};
    };
    t.rows.push_back({cell("STT"), cell("Nội dung")});
    for (int i = 0; i < 5000; ++i) t.rows.push_back({cell(std::to_string(i + 1)), cell(sentence)});
    w.add(t);
    const test::DocxReadback r = test::readDocx(w.bytes());
    // Entry times may differ between two writes; the contents may not.
    EXPECT_EQ(test::readDocx(w.bytes()).entries, r.entries);
    EXPECT_EQ(r.parseError, "");
    EXPECT_GT(r.entries.at("word/document.xml").size(), 4U << 20);
    ASSERT_EQ(r.paragraphs.size(), 3000U + 2U * 5001U + 1U);
    EXPECT_EQ(r.paragraphs[0].text(), "Ý kiến 1: " + text);
    EXPECT_EQ(r.paragraphs[2999].text(), "Ý kiến 3000: " + text);
    EXPECT_EQ(r.paragraphs[3000 + 2 * 5000].text(), "5000");
    ASSERT_EQ(r.tables.size(), 1U);
    EXPECT_EQ(r.tables[0].rows, 5001);
    EXPECT_EQ(r.tables[0].headerRows, 1);

    w.add("Kết thúc.");
    const test::DocxReadback more = test::readDocx(w.bytes());
    ASSERT_EQ(more.paragraphs.size(), r.paragraphs.size());
    EXPECT_EQ(more.paragraphs.back().text(), "Kết thúc.");
    EXPECT_EQ(more.paragraphs[2999].text(), "Ý kiến 3000: " + text);
}

// LibreOffice must open the file and find the text.
TEST(DocxWriter, LibreOfficeReadsTheDocument) {
    const std::string soffice = GOPY_SOFFICE;
    ASSERT_FALSE(soffice.empty()) << "LibreOffice (soffice) is needed: ./gopy test installs it";
    const auto dir =
        std::filesystem::temp_directory_path() / ("gopy_docx_lo_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    sampleDocument().save(dir / "sample.docx");
    const std::string command = "cd '" + dir.string() + "' && '" + soffice +
                                "' -env:UserInstallation=file://" + dir.string() +
                                "/profile --headless --convert-to txt:Text sample.docx"
                                " > convert.log 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream in(dir / "sample.txt", std::ios::binary);
    const std::string txt((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

    // As PDF: the header's page number is on page 2 and not on page 1.
    const std::string pdftotext = GOPY_PDFTOTEXT;
    std::string page1;
    std::string page2;
    if (!pdftotext.empty()) {
        const std::string toPdf = "cd '" + dir.string() + "' && '" + soffice +
                                  "' -env:UserInstallation=file://" + dir.string() +
                                  "/profile --headless --convert-to pdf sample.docx > pdf.log 2>&1";
        ASSERT_EQ(std::system(toPdf.c_str()), 0) << toPdf;
        for (int page = 1; page <= 2; ++page) {
            const std::string extract = "'" + pdftotext + "' -layout -f " + std::to_string(page) +
                                        " -l " + std::to_string(page) + " '" + dir.string() +
                                        "/sample.pdf' '" + dir.string() + "/page" +
                                        std::to_string(page) + ".txt'";
            ASSERT_EQ(std::system(extract.c_str()), 0) << extract;
            std::ifstream pageIn(dir / ("page" + std::to_string(page) + ".txt"), std::ios::binary);
            (page == 1 ? page1 : page2)
                .assign(std::istreambuf_iterator<char>(pageIn), std::istreambuf_iterator<char>());
        }
    }
    std::filesystem::remove_all(dir);
    if (!pdftotext.empty()) {
        // Page 1 starts with the letterhead; page 2 with the centred number "2".
        const std::size_t first1 = page1.find_first_not_of(" \n");
        ASSERT_NE(first1, std::string::npos);
        EXPECT_TRUE(std::string_view(page1).substr(first1).starts_with("QUẬN ỦY BA ĐÌNH"))
            << page1.substr(0, 200);
        const std::size_t first2 = page2.find_first_not_of(" \n");
        ASSERT_NE(first2, std::string::npos);
        EXPECT_TRUE(std::string_view(page2).substr(first2).starts_with("2\n"))
            << page2.substr(0, 200);
    }
    ASSERT_FALSE(txt.empty());
    EXPECT_NE(txt.find("ĐẢNG CỘNG SẢN VIỆT NAM"), std::string::npos);
    EXPECT_NE(txt.find("Phần I. Tình hình tổ chức"), std::string::npos);
    EXPECT_NE(txt.find(kAllLetters), std::string::npos);
    EXPECT_NE(txt.find("Người phát biểu"), std::string::npos);
}

}  // namespace
}  // namespace gopy::docx
