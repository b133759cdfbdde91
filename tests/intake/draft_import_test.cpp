// Draft import: real .docx files (LibreOffice, a Word-style fixture, gopy's own writer),
// Markdown, and every refusal.
#include "server/intake/draft_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

#include "gopy/text.h"
#include "server/docx/docx_writer.h"
#include "tests/intake/docx_fixture.h"

namespace gopy::intake {
namespace {

const std::filesystem::path kData = std::filesystem::path(GOPY_TEST_DATA_DIR) / "draft";

Section sec(std::string code, std::string parent, int level, int ord, std::string label,
            std::string title) {
    return Section{std::move(code),  std::move(parent), level, ord,
                   std::move(label), std::move(title)};
}

std::vector<std::string> paragraphsOf(const DraftOutline& o, const std::string& code) {
    std::vector<std::string> out;
    int expected = 1;
    for (const DraftParagraph& p : o.paragraphs) {
        if (p.sectionCode != code) continue;
        EXPECT_EQ(p.number, expected++) << code << ": " << p.text;
        out.push_back(p.text);
    }
    return out;
}

using Texts = std::vector<std::string>;

TEST(DraftImportDocx, WordFixtureWithLocalisedStylesNumberingAndTable) {
    const std::string bytes = test::zipFolder(kData / "word_fixture");
    const DraftOutline o = importDocx(bytes);

    EXPECT_EQ(o.title, "DỰ THẢO BÁO CÁO CHÍNH TRỊ");
    EXPECT_EQ(o.preamble, Texts{"Trình Đại hội đại biểu lần thứ XXVII"});
    const std::vector<Section> expected = {
        sec("I", "", 1, 1, "PHẦN THỨ NHẤT", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT"),
        sec("I.1", "I", 2, 2, "1.", "Công tác xây dựng Đảng"),
        sec("I.1.a", "I.1", 3, 3, "a)", "Công tác chính trị, tư tưởng"),
        sec("I.2", "I", 2, 4, "2.", "Phát triển kinh tế"),
        sec("II", "", 1, 5, "PHẦN THỨ HAI", "PHƯƠNG HƯỚNG, MỤC TIÊU"),
        sec("II.1", "II", 2, 6, "1.", "Dự báo tình hình"),
        sec("II.3", "II", 2, 7, "3.", "Xây dựng Đảng bộ trong sạch, vững mạnh"),
    };
    EXPECT_EQ(o.sections, expected);

    // Word's list labels are generated text; bullets have none; white space runs collapse.
    EXPECT_EQ(paragraphsOf(o, "I.1"),
              (Texts{"Đoạn một của mục 1.", "1) Ý thứ nhất", "Gạch đầu dòng", "2) Ý thứ hai"}));
    // Deleted text, field codes and text boxes are not part of the paragraph.
    EXPECT_EQ(paragraphsOf(o, "I.1.a"), Texts{"Giữ thêm nội dung"});
    // Table rows: cells joined by " | ", a cell's paragraphs by a space, empty rows dropped.
    EXPECT_EQ(paragraphsOf(o, "I.2"),
              (Texts{"Chỉ tiêu | Kết quả", "Thu ngân sách (tỷ đồng) | 105%"}));
    EXPECT_TRUE(paragraphsOf(o, "II.1").empty());
    // A heading 4 is deeper than the outline: it is a paragraph of the section above it.
    EXPECT_EQ(paragraphsOf(o, "II.3"), (Texts{"Ghi chú chi tiết", "Tiếp tục đổi mới"}));
}

TEST(DraftImportDocx, LibreOfficeDocument) {
    const DraftOutline o = importDraftFile(kData / "draft_libreoffice.docx");
    const std::vector<Section> expected = {
        sec("I", "", 1, 1, "Phần I", "Đánh giá kết quả thực hiện Nghị quyết nhiệm kỳ 2020–2025"),
        sec("I.1", "I", 2, 2, "1.", "Công tác xây dựng Đảng và hệ thống chính trị"),
        sec("I.1.a", "I.1", 3, 3, "a)", "Công tác tổ chức, cán bộ"),
        sec("I.2", "I", 2, 4, "2.", "Phát triển kinh tế"),
        sec("II", "", 1, 5, "Phần II", "Phương hướng, mục tiêu nhiệm kỳ 2025–2030"),
        sec("II.1", "II", 2, 6, "1.", "Dự báo tình hình"),
    };
    EXPECT_EQ(o.sections, expected);
    EXPECT_EQ(paragraphsOf(o, "I.1"),
              (Texts{"Công tác chính trị, tư tưởng được chú trọng.",
                     "1. Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
                     "2. Kiểm tra, giám sát."}));
    EXPECT_EQ(paragraphsOf(o, "I.1.a"), Texts{"Đổi mới phương thức lãnh đạo."});
    EXPECT_EQ(paragraphsOf(o, "I.2"), (Texts{"Chỉ tiêu | Kết quả", "Thu ngân sách | 105%"}));
    EXPECT_EQ(paragraphsOf(o, "II.1"), Texts{"Tình hình thế giới, khu vực diễn biến phức tạp."});
}

TEST(DraftImportDocx, DocumentWrittenByGopyDocxWriter) {
    docx::DocxWriter w({"Dự thảo", "Văn phòng", 0});
    w.heading(0, "DỰ THẢO BÁO CÁO CHÍNH TRỊ");
    w.heading(1, "Phần I: Đánh giá");
    w.heading(2, "1. Xây dựng Đảng");
    w.add("Đoạn thứ nhất.");
    w.heading(3, "đ) Công tác dân vận");
    w.add("Đoạn của mục đ.");
    w.heading(2, "Phát triển kinh tế");  // no printed number: by order
    w.heading(1, "Phần II: Phương hướng");
    w.heading(2, "2. Mục tiêu");
    docx::Table t;
    t.columnWidthsMm = {80, 80};
    t.rows = {{{{docx::Paragraph{{{"Cột 1"}}, {}}}}, {{docx::Paragraph{{{"Cột 2"}}, {}}}}}};
    w.add(t);
    const DraftOutline o = importDocx(w.bytes());
    EXPECT_EQ(o.title, "DỰ THẢO BÁO CÁO CHÍNH TRỊ");
    const std::vector<Section> expected = {
        sec("I", "", 1, 1, "Phần I", "Đánh giá"),
        sec("I.1", "I", 2, 2, "1.", "Xây dựng Đảng"),
        sec("I.1.đ", "I.1", 3, 3, "đ)", "Công tác dân vận"),
        sec("I.2", "I", 2, 4, "", "Phát triển kinh tế"),
        sec("II", "", 1, 5, "Phần II", "Phương hướng"),
        sec("II.2", "II", 2, 6, "2.", "Mục tiêu"),
    };
    EXPECT_EQ(o.sections, expected);
    EXPECT_EQ(paragraphsOf(o, "I.1"), Texts{"Đoạn thứ nhất."});
    EXPECT_EQ(paragraphsOf(o, "I.1.đ"), Texts{"Đoạn của mục đ."});
    EXPECT_EQ(paragraphsOf(o, "II.2"), Texts{"Cột 1 | Cột 2"});
}

TEST(DraftImportDocx, TextIsNfc) {
    // "Tiếng Việt" in decomposed form (NFD): base letters followed by combining marks.
    const std::string nfd = "Ti\x65\xCC\x82\xCC\x81ng Vi\x65\xCC\x82\xCC\xA3t";
    // The writer normalises, so the NFD bytes go through a hand-made document part.
    std::map<std::string, std::string> parts;
    parts["word/document.xml"] =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body><w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Phần I. " +
        nfd + "</w:t></w:r></w:p><w:p><w:r><w:t>" + nfd +
        "</w:t></w:r></w:p></w:body></w:document>";
    const DraftOutline o = importDocx(test::zipEntries(parts));
    ASSERT_EQ(o.sections.size(), 1U);
    EXPECT_EQ(o.sections[0].title, "Tiếng Việt");
    EXPECT_EQ(o.sections[0].title, text::nfc(nfd));
    ASSERT_EQ(o.paragraphs.size(), 1U);
    EXPECT_EQ(o.paragraphs[0].text, "Tiếng Việt");
}

DraftError errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const DraftImportError& e) {
        EXPECT_FALSE(std::string(e.what()).empty());
        return e.error();
    }
    ADD_FAILURE() << "no DraftImportError";
    return DraftError::Unreadable;
}

TEST(DraftImportErrors, TypedErrors) {
    EXPECT_EQ(errorOf([] { importDocx("this is not a zip archive"); }), DraftError::NotZip);
    EXPECT_EQ(errorOf([] {
                  importDocx(test::zipEntries({{"readme.txt", "x"}}));
              }),
              DraftError::NoDocument);
    EXPECT_EQ(errorOf([] {
                  importDocx(test::zipEntries({{"word/document.xml", "<w:document><w:body>"}}));
              }),
              DraftError::MalformedXml);
    EXPECT_EQ(
        errorOf([] {
            importDocx(test::zipEntries(
                {{"word/document.xml",
                  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                  "2006/main\"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"},
                 {"word/styles.xml", "<w:styles><unclosed></w:styles>"}}));
        }),
        DraftError::MalformedXml);
    docx::DocxWriter plain({"t", "a", 0});
    plain.add("Chỉ có văn bản thường.");
    EXPECT_EQ(errorOf([&] { importDocx(plain.bytes()); }), DraftError::NoHeadings);
    EXPECT_EQ(errorOf([] { importMarkdown("Không có đề mục.\n\nHai đoạn."); }),
              DraftError::NoHeadings);
    EXPECT_EQ(errorOf([] { importDraftFile(kData / "does-not-exist.docx"); }),
              DraftError::Unreadable);
}

TEST(DraftImportErrors, MalformedXmlMessageNamesPartAndLine) {
    try {
        importDocx(test::zipEntries({{"word/document.xml", "<a>\n<b>\n</a>"}}));
        FAIL() << "accepted malformed XML";
    } catch (const DraftImportError& e) {
        EXPECT_EQ(e.error(), DraftError::MalformedXml);
        EXPECT_NE(std::string(e.what()).find("word/document.xml, dòng 3"), std::string::npos)
            << e.what();
    }
}

TEST(DraftImportMarkdown, HeadingsParagraphsListsTables) {
    const std::string md =
        "\xEF\xBB\xBF# Dự thảo Báo cáo chính trị\r\n"
        "\r\n"
        "Lời mở đầu.\r\n"
        "\r\n"
        "## PHẦN THỨ NHẤT: Đánh giá kết quả\r\n"
        "\r\n"
        "### 1. Công tác **xây dựng** Đảng\n"
        "Dòng một\n"
        "dòng hai của cùng đoạn.\n"
        "\n"
        "- Ý gạch đầu dòng\n"
        "3. Ý đánh số\n"
        "\n"
        "#### a) Chính trị, tư tưởng\n"
        "| Chỉ tiêu | Kết quả |\n"
        "|---|:---:|\n"
        "| Thu ngân sách | 105% |\n"
        "\n"
        "### Phát triển kinh tế ###\n"
        "##### Chi tiết sâu\n"
        "## Phần II\n"
        "## Phương hướng\n"
        "### 4) Mục tiêu\n";
    const DraftOutline o = importMarkdown(md);
    EXPECT_EQ(o.title, "Dự thảo Báo cáo chính trị");
    EXPECT_EQ(o.preamble, Texts{"Lời mở đầu."});
    const std::vector<Section> expected = {
        sec("I", "", 1, 1, "PHẦN THỨ NHẤT", "Đánh giá kết quả"),
        sec("I.1", "I", 2, 2, "1.", "Công tác xây dựng Đảng"),
        sec("I.1.a", "I.1", 3, 3, "a)", "Chính trị, tư tưởng"),
        sec("I.2", "I", 2, 4, "", "Phát triển kinh tế"),
        sec("II", "", 1, 5, "Phần II", "Phương hướng"),
        sec("II.4", "II", 2, 6, "4)", "Mục tiêu"),
    };
    EXPECT_EQ(o.sections, expected);
    EXPECT_EQ(paragraphsOf(o, "I.1"),
              (Texts{"Dòng một dòng hai của cùng đoạn.", "Ý gạch đầu dòng", "3. Ý đánh số"}));
    EXPECT_EQ(paragraphsOf(o, "I.1.a"), (Texts{"Chỉ tiêu | Kết quả", "Thu ngân sách | 105%"}));
    EXPECT_EQ(paragraphsOf(o, "I.2"), Texts{"Chi tiết sâu"});
}

TEST(DraftImportMarkdown, FileByContent) {
    const auto path = std::filesystem::temp_directory_path() / "gopy_intake_draft.md";
    {
        std::ofstream out(path, std::ios::binary);
        out << "# Phần I. Một\n\n## 1. Mục\n\nNội dung.\n";
    }
    const DraftOutline o = importDraftFile(path);
    std::filesystem::remove(path);
    ASSERT_EQ(o.sections.size(), 2U);
    EXPECT_EQ(o.sections[1].code, "I.1");
    ASSERT_EQ(o.paragraphs.size(), 1U);
    EXPECT_EQ(o.paragraphs[0], (DraftParagraph{"I.1", 1, "Nội dung."}));
}

TEST(DraftImportMarkdown, SectionsWithoutPartsAndCollidingNumbers) {
    // Only "##" headings: the shallowest used level is the part level.
    const DraftOutline o =
        importMarkdown("## Mở đầu\n## Phần 3 - Ba\n## Kết luận\n### 1. A\n### 1. B\n");
    const std::vector<Section> expected = {
        sec("I", "", 1, 1, "", "Mở đầu"),
        sec("III", "", 1, 2, "Phần 3", "Ba"),
        // Third part by order would be "III", taken by "Phần 3": the next free numeral.
        sec("IV", "", 1, 3, "", "Kết luận"),
        sec("IV.1", "IV", 2, 4, "1.", "A"),
        sec("IV.2", "IV", 2, 5, "1.", "B"),
    };
    EXPECT_EQ(o.sections, expected);
}

}  // namespace
}  // namespace gopy::intake
