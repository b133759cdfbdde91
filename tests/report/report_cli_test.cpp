// gopy-server report run as the real binary on the demo campaign: every kind of report in both
// formats, the format taken from --format or the file's extension, stored versions, and the
// command-line errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pdf_tools.h"
#include "server/store/store.h"
#include "tests/docx/docx_readback.h"

namespace {

namespace fs = std::filesystem;
using gopy::testing::TempDir;

struct CommandResult {
    int code = -1;
    std::string out;
    std::string err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string docxText(const fs::path& path) {
    std::string out;
    for (const auto& p : gopy::test::readDocx(slurp(path)).paragraphs) out += p.text() + "\n";
    return out;
}

class ReportCli : public ::testing::Test {
protected:
    TempDir dir;

    void SetUp() override { ASSERT_EQ(run("demo --data " + data()).code, 0); }

    std::string data() const { return (dir.path() / "data").string(); }
    std::string file(const std::string& name) const { return (dir.path() / name).string(); }

    CommandResult run(const std::string& arguments) const {
        const fs::path out = dir.path() / "stdout.txt";
        const fs::path err = dir.path() / "stderr.txt";
        const std::string command = std::string(GOPY_SERVER_BINARY) + " " + arguments + " >" +
                                    out.string() + " 2>" + err.string();
        CommandResult r;
        const int status = std::system(command.c_str());
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    }

    /// Formats of the stored versions of a conference's reports (0: combined), newest first.
    std::vector<std::string> storedFormats(std::int64_t conference) const {
        gopy::server::Store store((fs::path(data()) / "gopy.db").string());
        std::vector<std::string> formats;
        for (const auto& info : store.reports().byConference(conference, false))
            formats.push_back(store.reports().format(info.id).value_or("?"));
        return formats;
    }
};

TEST_F(ReportCli, CombinedSynthesisAsPdfThenDocxFromTheExtension) {
    CommandResult r = run("report --data " + data() + " --combined --out " + file("tong-hop.pdf"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("tổng hợp chung (PDF) (phiên bản 1"), std::string::npos) << r.out;
    const std::string pdf = gopy::testing::pdfText(file("tong-hop.pdf"));
    EXPECT_NE(pdf.find("2. Ý kiến Nhân dân"), std::string::npos);
    EXPECT_NE(pdf.find("3. Ý kiến của các tổ chức cơ sở đảng"), std::string::npos);
    EXPECT_NE(pdf.find("BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"), std::string::npos);

    r = run("report --data " + data() + " --combined --out " + file("tong-hop.docx"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("tổng hợp chung (DOCX) (phiên bản 1"), std::string::npos) << r.out;
    const std::string docx = docxText(file("tong-hop.docx"));
    EXPECT_NE(docx.find("2. Ý kiến Nhân dân"), std::string::npos);
    EXPECT_NE(docx.find("BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý"), std::string::npos);
    EXPECT_EQ(storedFormats(0), (std::vector<std::string>{"docx", "pdf"}));
}

TEST_F(ReportCli, ConferenceReportAsDocxByOption) {
    const CommandResult r = run("report --data " + data() + " --conference 1 --format docx --out " +
                                file("hoi-nghi-1.bin"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(file("hoi-nghi-1.bin")).substr(0, 4), std::string("PK\x03\x04", 4));
    const std::string docx = docxText(file("hoi-nghi-1.bin"));
    EXPECT_NE(docx.find("I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ"), std::string::npos);
    EXPECT_NE(docx.find("PHỤ LỤC 2"), std::string::npos);
    const auto formats = storedFormats(1);
    ASSERT_FALSE(formats.empty());
    EXPECT_EQ(formats.front(), "docx");
}

TEST_F(ReportCli, AcceptanceTableInBothFormatsIsNotStored) {
    const auto before = storedFormats(0).size();
    CommandResult r =
        run("report --data " + data() + " --acceptance --out " + file("tiep-thu.pdf"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("bảng tiếp thu, giải trình (PDF)"), std::string::npos) << r.out;
    const std::string pdf = gopy::testing::pdfText(file("tiep-thu.pdf"));
    EXPECT_NE(pdf.find("BẢNG TỔNG HỢP"), std::string::npos);
    EXPECT_NE(pdf.find("Tiếp thu, giải trình ý kiến góp ý vào"), std::string::npos);
    r = run("report --data " + data() + " --acceptance --out " + file("tiep-thu.docx"));
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string docx = docxText(file("tiep-thu.docx"));
    EXPECT_NE(docx.find("Chưa xem xét"), std::string::npos);
    EXPECT_NE(docx.find("Tiếp thu một phần"), std::string::npos);
    EXPECT_EQ(storedFormats(0).size(), before);
}

TEST_F(ReportCli, CommandLineErrors) {
    for (const std::string& arguments :
         {"report --data " + data() + " --combined --acceptance --out " + file("x.pdf"),
          "report --data " + data() + " --out " + file("x.pdf"),
          "report --data " + data() + " --combined",
          "report --data " + data() + " --combined --format odt --out " + file("x.odt"),
          "report --data " + data() + " --conference abc --out " + file("x.pdf")}) {
        const CommandResult r = run(arguments);
        EXPECT_EQ(r.code, 2) << arguments;
        EXPECT_FALSE(r.err.empty()) << arguments;
        EXPECT_FALSE(fs::exists(file("x.pdf"))) << arguments;
    }
    const CommandResult r =
        run("report --data " + data() + " --conference 99 --out " + file("x.pdf"));
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("99"), std::string::npos) << r.err;
}

}  // namespace

// What the organiser sets of a conference reaches its synthesis: venue, chair, date and the
// invited count (before, "có mặt" was over the number of people on the list); a speaker who
// took the floor counts as present even if nobody ticked them.
TEST_F(ReportCli, ConferenceSetReachesTheSynthesis) {
    CommandResult r = run("conference set 1 --data " + data() +
                          " --venue 'Hội trường tầng 3, trụ sở Quận ủy' --chair 'Quách Minh Tiến'"
                          " --date 2025-03-14 --invited 64");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Đại biểu được mời: 64"), std::string::npos) << r.out;
    r = run("report --data " + data() + " --conference 1 --out " + file("hn1.pdf"));
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string text = gopy::testing::pdfText(file("hn1.pdf"));
    EXPECT_NE(text.find("Địa điểm: Hội trường tầng 3, trụ sở Quận ủy."), std::string::npos) << text;
    EXPECT_NE(text.find("Chủ trì: Đồng chí Quách Minh Tiến (thay mặt Ban Thường vụ Quận ủy)."),
              std::string::npos);
    EXPECT_NE(text.find("Thời gian: ngày 14/03/2025"), std::string::npos);
    EXPECT_NE(text.find("/64 đại biểu được mời."), std::string::npos);

    // Nobody ticked, but the 15 speakers of the demo's session were there.
    {
        gopy::server::Store store((fs::path(data()) / "gopy.db").string());
        store.db().exec("UPDATE participants SET present = 0 WHERE conference_id = 1");
        store.db().exec("UPDATE conferences SET present_count = NULL WHERE id = 1");
    }
    r = run("conference set 1 --data " + data() + " --invited auto");
    ASSERT_EQ(r.code, 0) << r.err;
    r = run("report --data " + data() + " --conference 1 --out " + file("hn1b.pdf"));
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string again = gopy::testing::pdfText(file("hn1b.pdf"));
    EXPECT_NE(again.find("Số đại biểu có mặt: 15/32 đại biểu được mời."), std::string::npos) << again;
}

TEST_F(ReportCli, ConferenceSetRefusesBadValues) {
    for (const std::string& arguments :
         {"conference set 1 --data " + data() + " --date 2025-13-01",
          "conference set 1 --data " + data() + " --time 25:00",
          "conference set 1 --data " + data() + " --invited nhiều",
          "conference set x --data " + data(), std::string("conference set 1 --venue X")}) {
        const CommandResult r = run(arguments);
        EXPECT_EQ(r.code, 2) << arguments;
        EXPECT_NE(r.err.find("Cách dùng: gopy-server conference set"), std::string::npos) << r.err;
    }
    const CommandResult missing = run("conference set 42 --data " + data() + " --invited 3");
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("không có hội nghị số 42"), std::string::npos) << missing.err;
}

// A campaign of the office's own (not the demo's): init from its TOML file, the invited list
// from Excel, then the per-meeting synthesis carries the file's letterhead, plan, date, time,
// venue, chair and invited count, and `campaign show` prints the file back.
TEST(CampaignCli, ACampaignFromItsFileGivesItsOwnSynthesis) {
    TempDir dir;
    const fs::path data = dir.path() / "tay-ho";
    const auto run = [&](const std::string& arguments) {
        const fs::path out = dir.path() / "stdout.txt";
        const fs::path err = dir.path() / "stderr.txt";
        const std::string command = std::string(GOPY_SERVER_BINARY) + " " + arguments + " >" +
                                    out.string() + " 2>" + err.string();
        CommandResult r;
        const int status = std::system(command.c_str());
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    };
    const std::string fixtures = GOPY_TEST_DATA_DIR;
    CommandResult r = run("init --data " + data.string() + " " + fixtures + "/campaign/tay_ho.toml");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("2 hội nghị, 8 phường, 2 tổ chức cơ sở đảng"), std::string::npos) << r.out;
    r = run("init --data " + data.string() + " " + fixtures + "/campaign/tay_ho.toml");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("đã có một chiến dịch"), std::string::npos) << r.err;
    r = run("import-participants --data " + data.string() + " --conference 1 " + fixtures +
            "/participants/hoi_nghi_2.xlsx");
    ASSERT_EQ(r.code, 0) << r.err;

    r = run("report --data " + data.string() + " --conference 1 --out " + (dir.path() / "hn1.pdf").string());
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string text = gopy::testing::pdfText(dir.path() / "hn1.pdf");
    for (const char* expected :
         {"ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "QUẬN ỦY TÂY HỒ", "-BC/QU", "Tây Hồ, ngày",
          "Kế hoạch số 125-KH/QU", "Thời gian: ngày 20/03/2025, khai mạc lúc 14:00.",
          "Địa điểm: Hội trường Quận ủy Tây Hồ, số 657 Lạc Long Quân.",
          "Chủ trì: Đồng chí Lê Thị Thu Hằng (thay mặt Ban Thường vụ Quận ủy).",
          "/40 đại biểu được mời.", "BÍ THƯ", "Lê Thị Thu Hằng", "Ban Tuyên giáo Thành ủy"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
    EXPECT_EQ(text.find("Ba Đình"), std::string::npos) << "the demo's district leaked in";

    r = run("campaign show --data " + data.string());
    ASSERT_EQ(r.code, 0) << r.err;
    const fs::path shown = dir.path() / "shown.toml";
    std::ofstream(shown, std::ios::binary) << r.out;
    const fs::path again = dir.path() / "again";
    r = run("init --data " + again.string() + " " + shown.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(run("campaign show --data " + again.string()).out,
              run("campaign show --data " + data.string()).out);
}

TEST(CampaignCli, AFaultyFileNamesItsLine) {
    TempDir dir;
    const fs::path file = dir.path() / "sai.toml";
    std::ofstream(file) << "[campaign]\ntitle = \"T\"\ndraft_title = \"D\"\nplan_number = 273\n";
    const std::string command = std::string(GOPY_SERVER_BINARY) + " init --data " +
                                (dir.path() / "d").string() + " " + file.string() + " 2>" +
                                (dir.path() / "err.txt").string();
    const int status = std::system(command.c_str());
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_NE(slurp(dir.path() / "err.txt").find("sai.toml, dòng 4: \"plan_number\" phải là chuỗi"),
              std::string::npos)
        << slurp(dir.path() / "err.txt");
}
