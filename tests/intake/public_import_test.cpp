// Public comment files: CSV variants, every kind of bad row with its line, JSON, the window
// flag and dedupe keys.
#include "server/intake/public_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace gopy::intake {
namespace {

constexpr Millis kHour = 3600LL * 1000;
// 2025-03-01T00:00:00Z
constexpr Millis kMar1Utc = 1740787200000LL;

PublicImportOptions options() {
    PublicImportOptions o;
    o.wards = {"Phúc Xá",           "Trúc Bạch",  "Vĩnh Phúc", "Cống Vị",   "Liễu Giai",
               "Nguyễn Trung Trực", "Quán Thánh", "Ngọc Hà",   "Điện Biên", "Đội Cấn",
               "Ngọc Khánh",        "Kim Mã",     "Giảng Võ"};
    o.sectionCodes = {"I", "I.1", "II", "II.3", "II.3.a", "II.3.đ"};
    o.publicFrom = "2025-02-03";
    o.publicTo = "2025-06-15";
    return o;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
        s.replace(pos, from.size(), to);
    }
    return s;
}

const std::string kGoodCsv =
    "Text,ward,SUBMITTED_AT,name,contact,section,source\n"
    "\"Đề nghị bổ sung chỉ tiêu về chuyển đổi số, chính quyền số.\",phuc "
    "xa,2025-03-01T07:00:00+07:00,"
    "Nguyễn Văn An,0912345678,ii.3,portal\n"
    "\"Nhiều dòng:\n- thứ nhất\n- thứ hai, có \"\"ngoặc kép\"\"\",Trúc Bạch,2025-03-01,,,,ward "
    "page\n"
    "Ngắn gọn,  Kim Mã  ,2025-03-01 09:30,Trần Thị Bình,,II.3.đ,\n";

TEST(PublicCsv, GoodRowsAnyColumnOrderQuotedCommasAndLineBreaks) {
    const PublicImportResult r = parsePublicCsv(kGoodCsv, options());
    EXPECT_TRUE(r.errors.empty()) << r.errors.front().reason;
    ASSERT_EQ(r.rows.size(), 3U);
    EXPECT_EQ(r.records, 3U);

    EXPECT_EQ(r.rows[0].line, 2);
    EXPECT_EQ(r.rows[0].submittedAt, kMar1Utc);
    EXPECT_EQ(r.rows[0].ward, "Phúc Xá");
    EXPECT_EQ(r.rows[0].name, "Nguyễn Văn An");
    EXPECT_EQ(r.rows[0].contact, "0912345678");
    EXPECT_EQ(r.rows[0].section, "II.3");
    EXPECT_EQ(r.rows[0].text, "Đề nghị bổ sung chỉ tiêu về chuyển đổi số, chính quyền số.");
    EXPECT_FALSE(r.rows[0].outsideWindow);
    EXPECT_EQ(r.rows[0].dedupeKey.size(), 64U);

    EXPECT_EQ(r.rows[1].line, 3);
    EXPECT_EQ(r.rows[1].submittedAt, kMar1Utc - 7 * kHour);  // a date: 00:00 in Hà Nội
    EXPECT_EQ(r.rows[1].text, "Nhiều dòng:\n- thứ nhất\n- thứ hai, có \"ngoặc kép\"");
    EXPECT_EQ(r.rows[1].section, "");

    // The quoted record spanned lines 3–5, so the next starts on line 6.
    EXPECT_EQ(r.rows[2].line, 6);
    EXPECT_EQ(r.rows[2].ward, "Kim Mã");
    EXPECT_EQ(r.rows[2].section, "II.3.đ");
    EXPECT_EQ(r.rows[2].submittedAt, kMar1Utc + 2 * kHour + 30 * 60 * 1000);
}

TEST(PublicCsv, BomCrlfLfAndCrGiveTheSameRows) {
    const PublicImportResult lf = parsePublicCsv(kGoodCsv, options());
    const std::string crlf = replaceAll(kGoodCsv, "\n", "\r\n");
    for (const std::string& variant : {"\xEF\xBB\xBF" + kGoodCsv, crlf, "\xEF\xBB\xBF" + crlf,
                                       replaceAll(kGoodCsv, "\n", "\r")}) {
        const PublicImportResult r = parsePublicCsv(variant, options());
        EXPECT_TRUE(r.errors.empty());
        ASSERT_EQ(r.rows.size(), lf.rows.size());
        for (std::size_t i = 0; i < r.rows.size(); ++i) {
            // Line breaks inside a field are normalised to "\n".
            EXPECT_EQ(r.rows[i], lf.rows[i]) << "row " << i;
        }
    }
    // No final line end, blank lines between records.
    std::string noFinal = replaceAll(kGoodCsv, "portal\n", "portal\n\n\n");
    noFinal.pop_back();
    const PublicImportResult r = parsePublicCsv(noFinal, options());
    ASSERT_EQ(r.rows.size(), 3U);
    EXPECT_EQ(r.rows[2].line, 8);
    EXPECT_EQ(r.rows[2].dedupeKey, lf.rows[2].dedupeKey);
}

TEST(PublicCsv, EveryKindOfBadRowReportsItsLine) {
    const std::string csv =
        "submitted_at,ward,name,contact,section,text\n"                   // 1
        "2025-03-01,Phúc Xá,,,,Hợp lệ\n"                                  // 2 ok
        "01/03/2025,Phúc Xá,,,,Ngày sai định dạng\n"                      // 3
        "2025-02-30T10:00,Phúc Xá,,,,Ngày không có\n"                     // 4
        "2025-03-01,Hoàn Kiếm,,,,Phường ngoài danh sách\n"                // 5
        "2025-03-01,Phúc Xá,,,,   \n"                                     // 6
        "2025-03-01,Phúc Xá,,,IX.9,Mục không có\n"                        // 7
        "2025-03-01,Phúc Xá,Nguy\xE1\xBB,,,UTF-8 hỏng\n"                  // 8
        "2025-03-01,Phúc Xá,,,Hợp lệ nhưng thiếu cột\n"                   // 9
        "2025-03-01,Phúc Xá,,,,thừa,cột\n"                                // 10
        ",,,,,\n"                                                         // 11
        "2025-03-02,Đội Cấn,,,,\"Hợp lệ\nhai dòng\"\n"                    // 12–13 ok
        "2025-03-01,Phúc Xá,,,,\"Mở ngoặc mà không đóng\nđến hết tệp\n";  // 14
    const PublicImportResult r = parsePublicCsv(csv, options());
    ASSERT_EQ(r.rows.size(), 2U);
    EXPECT_EQ(r.rows[0].line, 2);
    EXPECT_EQ(r.rows[1].line, 12);
    EXPECT_EQ(r.rows[1].text, "Hợp lệ\nhai dòng");
    EXPECT_EQ(r.records, 12U);

    const std::vector<RowError> expected = {
        {3, "dòng 3: thời điểm gửi không hợp lệ «01/03/2025»"},
        {4, "dòng 4: thời điểm gửi không hợp lệ «2025-02-30T10:00»"},
        {5, "dòng 5: phường không có trong danh sách «Hoàn Kiếm»"},
        {6, "dòng 6: thiếu nội dung góp ý"},
        {7, "dòng 7: mục không có trong dự thảo «IX.9»"},
        {8, "dòng 8: dữ liệu không phải UTF-8 hợp lệ"},
        {9, "dòng 9: có 5 cột, dòng tiêu đề có 6 cột"},
        {10, "dòng 10: có 7 cột, dòng tiêu đề có 6 cột"},
        {11, "dòng 11: thiếu thời điểm gửi; thiếu tên phường; thiếu nội dung góp ý"},
        {14, "dòng 14: dấu ngoặc kép mở nhưng không đóng đến hết tệp"},
    };
    EXPECT_EQ(r.errors, expected);
}

PublicFileError fileErrorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const PublicImportError& e) {
        EXPECT_FALSE(std::string(e.what()).empty());
        return e.error();
    }
    ADD_FAILURE() << "no PublicImportError";
    return PublicFileError::Unreadable;
}

TEST(PublicCsv, FileLevelErrors) {
    try {
        parsePublicCsv(std::string_view("submitted_at,name,contact\n2025-03-01,A,B\n"), options());
        FAIL() << "accepted a file without ward and text";
    } catch (const PublicImportError& e) {
        EXPECT_EQ(e.error(), PublicFileError::MissingColumns);
        EXPECT_EQ(std::string(e.what()), "Thiếu cột bắt buộc: ward, text");
    }
    EXPECT_EQ(fileErrorOf([] { parsePublicCsv(std::string_view(""), options()); }),
              PublicFileError::Empty);
    EXPECT_EQ(
        fileErrorOf([] { parsePublicCsv(std::string_view("\xEF\xBB\xBF\r\n\r\n"), options()); }),
        PublicFileError::Empty);
    EXPECT_EQ(fileErrorOf([] { parsePublicFile("/nonexistent/gopy.csv", options()); }),
              PublicFileError::Unreadable);
}

TEST(PublicCsv, OutsideWindowUsesLocalDatesInclusive) {
    const std::string csv =
        "submitted_at,ward,text\n"
        "2025-02-02T23:59:59+07:00,Phúc Xá,Trước ngày mở\n"
        "2025-02-03,Phúc Xá,Ngày mở\n"
        "2025-02-02T17:00:00Z,Phúc Xá,Nửa đêm giờ Hà Nội\n"
        "2025-06-15T23:59:59+07:00,Phúc Xá,Phút cuối\n"
        "2025-06-15T17:00:00Z,Phúc Xá,Sau ngày đóng\n"
        "2025-06-15,Phúc Xá,Ngày đóng\n";
    const PublicImportResult r = parsePublicCsv(csv, options());
    ASSERT_EQ(r.rows.size(), 6U);
    const std::vector<bool> outside = {true, false, false, false, true, false};
    for (std::size_t i = 0; i < outside.size(); ++i) {
        EXPECT_EQ(r.rows[i].outsideWindow, outside[i]) << r.rows[i].text;
    }
}

TEST(PublicCsv, DedupeKeysStableAcrossReparseAndFolded) {
    const std::string csv =
        "submitted_at,ward,name,text\n"
        "2025-03-01T07:00:00+07:00,Phúc Xá,Nguyễn Văn An,Đề nghị bổ sung\n"
        "2025-03-01T00:00:00Z,phuc xa,nguyen van an,  ĐỀ NGHỊ  BỔ SUNG \n"
        "2025-03-01T07:00:00+07:00,Phúc Xá,Nguyễn Văn An,Đề nghị bổ sung thêm\n"
        "2025-03-01T07:00:01+07:00,Phúc Xá,Nguyễn Văn An,Đề nghị bổ sung\n"
        "2025-03-01T07:00:00+07:00,Kim Mã,Nguyễn Văn An,Đề nghị bổ sung\n";
    const PublicImportResult a = parsePublicCsv(csv, options());
    const PublicImportResult b = parsePublicCsv(csv, options());
    ASSERT_EQ(a.rows.size(), 5U);
    for (std::size_t i = 0; i < a.rows.size(); ++i)
        EXPECT_EQ(a.rows[i].dedupeKey, b.rows[i].dedupeKey);
    // Same instant, same ward, name and text up to case, spaces and diacritics: same key.
    EXPECT_EQ(a.rows[0].dedupeKey, a.rows[1].dedupeKey);
    EXPECT_NE(a.rows[0].dedupeKey, a.rows[2].dedupeKey);
    EXPECT_NE(a.rows[0].dedupeKey, a.rows[3].dedupeKey);
    EXPECT_NE(a.rows[0].dedupeKey, a.rows[4].dedupeKey);
}

TEST(PublicCsv, StreamsRecordsAcrossChunkBoundariesWithProgress) {
    // A quoted field of ~200 KB with line breaks spans several 64 KiB read chunks.
    std::string big;
    for (int i = 0; i < 4000; ++i) big += "Dòng số " + std::to_string(i) + " của góp ý dài,\r\n";
    std::string csv = "submitted_at,ward,text\r\n";
    csv += "2025-03-01,Phúc Xá,\"" + big + "\"\r\n";
    for (int i = 0; i < 2500; ++i)
        csv += "2025-03-01,Ngọc Hà,Góp ý số " + std::to_string(i) + "\r\n";
    std::vector<std::size_t> progress;
    PublicImportOptions o = options();
    o.progressEvery = 1000;
    o.progress = [&](std::size_t n) { progress.push_back(n); };
    std::istringstream in(csv);
    const PublicImportResult r = parsePublicCsv(in, o);
    EXPECT_TRUE(r.errors.empty());
    ASSERT_EQ(r.rows.size(), 2501U);
    EXPECT_EQ(r.rows[0].text.size(), replaceAll(big, "\r\n", "\n").size() - 1);  // trimmed
    EXPECT_EQ(r.rows[1].line, 2 + 4000 + 1);
    EXPECT_EQ(r.rows[2500].text, "Góp ý số 2499");
    EXPECT_EQ(progress, (std::vector<std::size_t>{1000, 2000, 2501}));
}

TEST(PublicJson, SameRowsAndKeysAsCsv) {
    const std::string json = R"([
  {"submitted_at": "2025-03-01T07:00:00+07:00", "ward": "phuc xa", "name": "Nguyễn Văn An",
   "contact": "0912345678", "section": "ii.3",
   "text": "Đề nghị bổ sung chỉ tiêu về chuyển đổi số, chính quyền số.", "extra": 5},
  {"Submitted_At": "2025-03-01", "WARD": "Trúc Bạch", "name": null,
   "text": "Nhiều dòng:\n- thứ nhất\n- thứ hai, có \"ngoặc kép\""},
  {"submitted_at": "2025-03-01", "ward": "Trúc Bạch"},
  {"submitted_at": 20250301, "ward": "Trúc Bạch", "text": "x"},
  "không phải đối tượng",
  {"submitted_at": "2025-03-01", "ward": "Trúc Bạch", "text": "Nguy\u1ec5n"}
])";
    const PublicImportResult j = parsePublicJson(json, options());
    const PublicImportResult c = parsePublicCsv(kGoodCsv, options());
    ASSERT_EQ(j.rows.size(), 3U);
    EXPECT_EQ(j.rows[0].line, 2);
    EXPECT_EQ(j.rows[1].line, 5);
    EXPECT_EQ(j.rows[0].dedupeKey, c.rows[0].dedupeKey);
    EXPECT_EQ(j.rows[1].dedupeKey, c.rows[1].dedupeKey);
    EXPECT_EQ(j.rows[0].section, "II.3");
    EXPECT_EQ(j.rows[2].text, "Nguyễn");
    const std::vector<RowError> expected = {
        {7, "dòng 7: thiếu nội dung góp ý"},
        {8, "dòng 8: trường submitted_at phải là chuỗi"},
        {9, "dòng 9: phần tử không phải đối tượng JSON"},
    };
    EXPECT_EQ(j.errors, expected);
}

TEST(PublicJson, InvalidUtf8RefusesOnlyItsRow) {
    const std::string json =
        "[{\"submitted_at\":\"2025-03-01\",\"ward\":\"Kim Mã\",\"text\":\"a\xFF\"},\n"
        " {\"submitted_at\":\"2025-03-01\",\"ward\":\"Kim Mã\",\"text\":\"b\"}]";
    const PublicImportResult r = parsePublicJson(json, options());
    ASSERT_EQ(r.rows.size(), 1U);
    EXPECT_EQ(r.rows[0].line, 2);
    EXPECT_EQ(r.errors, (std::vector<RowError>{{1, "dòng 1: dữ liệu không phải UTF-8 hợp lệ"}}));
}

TEST(PublicJson, MalformedFiles) {
    EXPECT_EQ(fileErrorOf([] { parsePublicJson("[{\"ward\": }]", options()); }),
              PublicFileError::MalformedJson);
    EXPECT_EQ(fileErrorOf([] { parsePublicJson("{\"ward\": \"Kim Mã\"}", options()); }),
              PublicFileError::MalformedJson);
}

TEST(PublicFile, ByExtension) {
    const auto dir = std::filesystem::temp_directory_path();
    const auto csvPath = dir / "gopy_intake_public.csv";
    const auto jsonPath = dir / "gopy_intake_public.JSON";
    {
        std::ofstream(csvPath, std::ios::binary) << kGoodCsv;
        std::ofstream(jsonPath, std::ios::binary)
            << R"([{"submitted_at":"2025-03-01","ward":"Kim Mã","text":"Một"}])";
    }
    EXPECT_EQ(parsePublicFile(csvPath, options()).rows.size(), 3U);
    EXPECT_EQ(parsePublicFile(jsonPath, options()).rows.size(), 1U);
    std::filesystem::remove(csvPath);
    std::filesystem::remove(jsonPath);
}

}  // namespace
}  // namespace gopy::intake
