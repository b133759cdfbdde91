// The invited delegates' list, from the office's Excel workbook and from CSV: columns found by
// their Vietnamese names, shared and inline strings, every bad row named by its line.
// tests/data/participants/hoi_nghi_2.xlsx is a SpreadsheetML workbook as Excel writes it
// (shared strings; its last row uses inline strings, as some exporters write), with the same
// rows as hoi_nghi_2.csv.
#include <gtest/gtest.h>

#include "server/intake/participant_import.h"
#include "server/intake/xlsx_reader.h"
#include "tests/intake/docx_fixture.h"

namespace gopy::test {
namespace {

const std::filesystem::path kData = std::filesystem::path(GOPY_TEST_DATA_DIR) / "participants";

void expectTheListOfConference2(const intake::ParticipantImportResult& result) {
    ASSERT_EQ(result.records, 7u);
    ASSERT_EQ(result.rows.size(), 5u);
    EXPECT_EQ(result.rows[0], (intake::ParticipantRow{2, "Quách Minh Tiến", "Phó Bí thư Thường trực Quận ủy",
                                                      "Quận ủy Ba Đình", "Chủ trì"}));
    EXPECT_EQ(result.rows[2].title, "Thiếu tướng, nguyên Phó Tư lệnh Quân khu Thủ đô");
    EXPECT_EQ(result.rows[4], (intake::ParticipantRow{8, "Phạm Quốc Việt", "Nguyên Chủ tịch UBND Quận", "",
                                                      "Nguyên lãnh đạo"}));
    ASSERT_EQ(result.errors.size(), 2u);
    EXPECT_EQ(result.errors[0].reason, "dòng 5: thiếu họ và tên");
    EXPECT_EQ(result.errors[1].reason, "dòng 7: trùng với dòng 3 (cùng họ tên và chức danh)");
}

TEST(ParticipantImport, ReadsTheOfficesExcelWorkbook) {
    expectTheListOfConference2(intake::parseParticipantFile(kData / "hoi_nghi_2.xlsx"));
}

TEST(ParticipantImport, ReadsTheSameListAsCsv) {
    expectTheListOfConference2(intake::parseParticipantFile(kData / "hoi_nghi_2.csv"));
}

TEST(ParticipantImport, HeaderNamesAreFoldedAndOtherColumnsIgnored) {
    // The first non-empty row is the header: without a name column the file is refused.
    EXPECT_THROW(intake::parseParticipantBytes("STT,Chức danh\n1,Bí thư\n"), intake::PublicImportError);
    const auto good = intake::parseParticipantBytes(
        "HO TEN,chuc vu,Ghi chú,don vi\r\n  Nguyễn Văn A  ,Bí thư Chi bộ,đến muộn,Phường Kim Mã\r\n");
    ASSERT_EQ(good.rows.size(), 1u);
    EXPECT_EQ(good.rows[0], (intake::ParticipantRow{2, "Nguyễn Văn A", "Bí thư Chi bộ", "Phường Kim Mã", ""}));
}

TEST(ParticipantImport, DecomposedInputIsStoredComposed) {
    // "Nguyễn" typed with combining marks (NFD), as some input methods send it.
    const std::string nfd = "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n A";
    const auto result = intake::parseParticipantBytes("Họ và tên\n" + nfd + "\n");
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.rows[0].fullName, "Nguyễn Văn A");
}

TEST(ParticipantImport, RefusesTooLongNames) {
    const auto result = intake::parseParticipantBytes("Họ và tên\n" + std::string(201, 'a') + "\nB\n");
    ASSERT_EQ(result.rows.size(), 1u);
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].reason, "dòng 2: họ và tên dài quá 200 ký tự");
}

TEST(ParticipantImport, BrokenWorkbooksAreRefusedWithAMessage) {
    // A zip that is no workbook, and a sheet pointing at a shared string that does not exist.
    const std::string notAWorkbook = zipEntries({{"word/document.xml", "<w/>"}});
    try {
        intake::parseParticipantBytes(notAWorkbook);
        FAIL() << "a .docx was read as a workbook";
    } catch (const intake::PublicImportError& error) {
        EXPECT_EQ(std::string(error.what()), "Tệp Excel thiếu phần xl/workbook.xml");
    }
    const std::string ns = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
    const std::string workbook = "<workbook" + ns +
        R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
        R"(<sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>)";
    const std::string rels =
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId7" Target="/xl/worksheets/other.xml" Type="t"/></Relationships>)";
    const std::string sheet = "<worksheet" + ns + R"(><sheetData><row r="1"><c r="B1" t="s"><v>3</v></c>)"
                                                  R"(</row></sheetData></worksheet>)";
    const std::string bad = zipEntries({{"xl/workbook.xml", workbook},
                                        {"xl/_rels/workbook.xml.rels", rels},
                                        {"xl/worksheets/other.xml", sheet}});
    EXPECT_THROW(intake::readXlsxFirstSheet(bad), intake::XlsxError);
    // The same sheet with an inline string reads, from the absolute target, in column B; a cell
    // far to the right (column BZ) is left out.
    const std::string inlineSheet = "<worksheet" + ns +
        R"(><sheetData><row r="4"><c r="B4" t="inlineStr"><is><t>Trần</t></is></c>)"
        R"(<c r="BZ4" t="inlineStr"><is><t>far away</t></is></c></row></sheetData></worksheet>)";
    const auto rows = intake::readXlsxFirstSheet(zipEntries({{"xl/workbook.xml", workbook},
                                                             {"xl/_rels/workbook.xml.rels", rels},
                                                             {"xl/worksheets/other.xml", inlineSheet}}));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (intake::XlsxRow{4, {"", "Trần"}}));
}

TEST(ParticipantImport, CellReferences) {
    EXPECT_EQ(intake::xlsxColumnIndex("A1"), 0);
    EXPECT_EQ(intake::xlsxColumnIndex("AB12"), 27);
    EXPECT_EQ(intake::xlsxColumnIndex("XFD1048576"), 16383);
    EXPECT_EQ(intake::xlsxColumnIndex("XFE1"), -1);
    EXPECT_EQ(intake::xlsxColumnIndex("12"), -1);
    EXPECT_EQ(intake::xlsxColumnIndex("A"), -1);
    EXPECT_EQ(intake::xlsxColumnIndex("a1"), -1);
}

}  // namespace
}  // namespace gopy::test
