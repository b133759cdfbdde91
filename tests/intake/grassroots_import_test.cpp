// Grassroots report files: organisation by id or exact name, optional section and kind, every
// kind of bad row with its line, BOM/CRLF against plain LF, dedupe keys.
#include "server/intake/grassroots_import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace gopy::intake {
namespace {

GrassrootsImportOptions options() {
    GrassrootsImportOptions o;
    o.organisations = {{1, "Đảng bộ phường Phúc Xá", "2025-04-30", 0},
                       {4, "Đảng bộ phường Cống Vị", "2025-05-15", 0},
                       {5, "Đảng bộ phường Liễu Giai", "2025-05-15", 0}};
    o.sectionCodes = {"I", "I.1", "II", "II.1", "II.3"};
    return o;
}

std::string fixture() {
    std::ifstream in(std::string(GOPY_TEST_DATA_DIR) + "/grassroots/bad_rows.csv",
                     std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(GrassrootsImport, EveryKindOfBadRowIsRefusedWithItsLine) {
    const auto result = parseGrassrootsFile(
        std::string(GOPY_TEST_DATA_DIR) + "/grassroots/bad_rows.csv", options());
    EXPECT_EQ(result.records, 12u);
    ASSERT_EQ(result.rows.size(), 3u);

    EXPECT_EQ(result.rows[0].line, 2);
    EXPECT_EQ(result.rows[0].organisationId, 4);
    EXPECT_EQ(result.rows[0].section, "II.1");
    EXPECT_EQ(result.rows[0].kind, CommentKind::Addition);
    EXPECT_EQ(result.rows[0].text, "Đề nghị bổ sung chỉ tiêu cải tạo chung cư cũ, nhà tập thể");
    // By exact name; no kind means "other"; a quoted line break and doubled quotes.
    EXPECT_EQ(result.rows[1].line, 3);
    EXPECT_EQ(result.rows[1].organisationId, 5);
    EXPECT_EQ(result.rows[1].kind, CommentKind::Other);
    EXPECT_EQ(result.rows[1].text,
              "Nhất trí với đánh giá;\nđề nghị bổ sung số liệu \"thu ngân sách\"");
    // No section; the kind's wire name in any case.
    EXPECT_EQ(result.rows[2].line, 5);
    EXPECT_EQ(result.rows[2].organisationId, 1);
    EXPECT_TRUE(result.rows[2].section.empty());
    EXPECT_EQ(result.rows[2].kind, CommentKind::Recommendation);

    const std::vector<std::pair<int, std::string>> expected = {
        {6, "không có tổ chức cơ sở đảng «99»"},
        {7, "không có tổ chức cơ sở đảng «Chi bộ không có thật»"},
        {8, "mục không có trong dự thảo «IX.9»"},
        {9, "loại ý kiến không hợp lệ «praise»"},
        {10, "thiếu nội dung ý kiến"},
        {11, "có 3 cột, dòng tiêu đề có 4 cột"},
        {12, "không phải UTF-8"},
        {13, "thiếu tổ chức cơ sở đảng"},
        {14, "dấu ngoặc kép mở nhưng không đóng"},
    };
    ASSERT_EQ(result.errors.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(result.errors[i].line, expected[i].first) << result.errors[i].reason;
        EXPECT_EQ(
            result.errors[i].reason.rfind("dòng " + std::to_string(expected[i].first) + ": ", 0),
            0u)
            << result.errors[i].reason;
        EXPECT_NE(result.errors[i].reason.find(expected[i].second), std::string::npos)
            << result.errors[i].reason;
    }
}

TEST(GrassrootsImport, PlainLfWithoutBomGivesTheSameRowsAndKeys) {
    std::string lf = fixture().substr(3);
    for (std::size_t pos = 0; (pos = lf.find("\r\n", pos)) != std::string::npos;) lf.erase(pos, 1);
    const auto crlf = parseGrassrootsCsv(fixture(), options());
    const auto plain = parseGrassrootsCsv(lf, options());
    ASSERT_EQ(plain.rows.size(), crlf.rows.size());
    for (std::size_t i = 0; i < plain.rows.size(); ++i) {
        EXPECT_EQ(plain.rows[i], crlf.rows[i]);
        EXPECT_EQ(plain.rows[i].dedupeKey.size(), 64u);
    }
    EXPECT_EQ(plain.errors.size(), crlf.errors.size());
}

TEST(GrassrootsImport, DedupeKeyIgnoresCaseAndDiacriticsButNotTheOrganisation) {
    const auto a = parseGrassrootsCsv(
        "organisation,text\n1,Đề nghị bổ sung số liệu\n1,  đề nghị Bổ sung SỐ LIỆU \n"
        "4,Đề nghị bổ sung số liệu\n",
        options());
    ASSERT_EQ(a.rows.size(), 3u);
    EXPECT_EQ(a.rows[0].dedupeKey, a.rows[1].dedupeKey);
    EXPECT_NE(a.rows[0].dedupeKey, a.rows[2].dedupeKey);
}

TEST(GrassrootsImport, FileFaultsAreThrown) {
    try {
        parseGrassrootsCsv("organisation,section,kind\n1,I,other\n", options());
        FAIL() << "a file without the text column was accepted";
    } catch (const PublicImportError& e) {
        EXPECT_EQ(e.error(), PublicFileError::MissingColumns);
        EXPECT_NE(std::string(e.what()).find("text"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parseGrassrootsCsv("\n\n", options()), PublicImportError);
    EXPECT_THROW(parseGrassrootsFile("/no/such/file.csv", options()), PublicImportError);
}

}  // namespace
}  // namespace gopy::intake
