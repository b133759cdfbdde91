// gopy-server draft import, import-public and import-grassroots, run as the real binary on
// fixture files.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <utility>

#include "server/store/store.h"

namespace {

namespace fs = std::filesystem;

struct CommandResult {
    int code = -1;
    std::string out;
    std::string err;
};

class ImportCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("gopy-import-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
        ASSERT_EQ(run("demo --data " + data()).code, 0);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string data() const { return (dir_ / "data").string(); }
    static std::string fixture(const std::string& name) {
        return std::string(GOPY_TEST_DATA_DIR) + "/" + name;
    }

    CommandResult run(const std::string& arguments) {
        const fs::path out = dir_ / "out.txt";
        const fs::path err = dir_ / "err.txt";
        const std::string command = std::string(GOPY_SERVER_BINARY) + " " + arguments + " >" +
                                    out.string() + " 2>" + err.string();
        CommandResult r;
        const int status = std::system(command.c_str());
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    }
    static std::string slurp(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }

    // Public comments in the database (the demo has its own) and how many are flagged
    // outside the public window.
    std::pair<int, int> publicComments() const {
        gopy::server::Store store(data() + "/gopy.db");
        int all = 0;
        int outside = 0;
        for (const auto& c : store.comments().all()) {
            // Grassroots comments have an origin with an organisation and no ward.
            if (!c.origin || c.origin->ward.empty()) continue;
            ++all;
            outside += c.origin->outsideWindow ? 1 : 0;
        }
        return {all, outside};
    }

    fs::path dir_;
};

TEST_F(ImportCliTest, PublicFileReportsEveryBadRowAndReimportAddsNothing) {
    const auto [demoPublic, demoOutside] = publicComments();
    const CommandResult first = run("import-public --data " + data() + " " + fixture("public/bad_rows.csv"));
    ASSERT_EQ(first.code, 0) << first.err;
    EXPECT_NE(first.out.find("đã nhập 3, bỏ qua 0 trùng, từ chối 5"), std::string::npos)
        << first.out;
    for (const char* line : {"dòng 5:", "dòng 6:", "dòng 7:", "dòng 8:", "dòng 9:"}) {
        EXPECT_NE(first.out.find(line), std::string::npos) << line << "\n" << first.out;
    }
    EXPECT_NE(first.err.find("đã đọc"), std::string::npos) << first.err;

    const CommandResult again = run("import-public --data " + data() + " " + fixture("public/bad_rows.csv"));
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("đã nhập 0, bỏ qua 3 trùng, từ chối 5"), std::string::npos)
        << again.out;

    const auto [after, outside] = publicComments();
    EXPECT_EQ(after - demoPublic, 3);
    EXPECT_EQ(outside - demoOutside, 1);
}

TEST_F(ImportCliTest, UnreadableFileExitsWithOne) {
    const CommandResult r = run("import-public --data " + data() + " " + (dir_ / "none.csv").string());
    EXPECT_EQ(r.code, 1);
    EXPECT_FALSE(r.err.empty());
    EXPECT_EQ(run("import-public --data " + data()).code, 2);
}

TEST_F(ImportCliTest, DraftImportPrintsOutlineAndOrphans) {
    const CommandResult r = run("draft import --data " + data() + " " + fixture("public/draft_small.md"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Đề cương: 2 phần, 2 mục, 0 tiểu mục"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Ý kiến có mục đã bị bỏ:"), std::string::npos) << r.out;
    gopy::server::Store store(data() + "/gopy.db");
    EXPECT_EQ(store.sections().all().size(), 4u);
    EXPECT_EQ(store.draft().paragraphCount(), 3);

    const CommandResult docx = run("draft import --data " + data() + " " +
                         fixture("draft/draft_libreoffice.docx"));
    ASSERT_EQ(docx.code, 0) << docx.err;
    EXPECT_NE(docx.out.find("Đề cương: 2 phần, 3 mục, 1 tiểu mục, 7 đoạn"), std::string::npos)
        << docx.out;
}

TEST_F(ImportCliTest, GrassrootsFileReportsEveryBadRowMarksReportsAndReimportAddsNothing) {
    const std::string file = fixture("grassroots/bad_rows.csv");
    const CommandResult first = run("import-grassroots --data " + data() + " " + file);
    ASSERT_EQ(first.code, 0) << first.err;
    EXPECT_NE(first.out.find("đã nhập 3, bỏ qua 0 trùng, từ chối 9"), std::string::npos)
        << first.out;
    for (int line = 6; line <= 14; ++line) {
        EXPECT_NE(first.out.find("dòng " + std::to_string(line) + ":"), std::string::npos)
            << line << "\n" << first.out;
    }
    // Organisations 4 and 5 had not reported in the demo; 1 had.
    EXPECT_NE(first.out.find("đã gửi báo cáo: 4 Đảng bộ phường Cống Vị"), std::string::npos)
        << first.out;
    EXPECT_NE(first.out.find("đã gửi báo cáo: 5 Đảng bộ phường Liễu Giai"), std::string::npos)
        << first.out;
    EXPECT_EQ(first.out.find("đã gửi báo cáo: 1 "), std::string::npos) << first.out;

    const CommandResult again = run("import-grassroots --data " + data() + " " + file);
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("đã nhập 0, bỏ qua 3 trùng, từ chối 9"), std::string::npos)
        << again.out;
    EXPECT_EQ(again.out.find("đã gửi báo cáo"), std::string::npos) << again.out;

    gopy::server::Store store(data() + "/gopy.db");
    int imported = 0;
    for (const auto& c : store.comments().all()) {
        if (c.id.rfind("grs-", 0) != 0) continue;
        ++imported;
        EXPECT_EQ(c.conferenceId, 7);
        ASSERT_TRUE(c.origin);
        EXPECT_TRUE(c.origin->organisationId == 1 || c.origin->organisationId == 4 ||
                    c.origin->organisationId == 5)
            << c.origin->organisationId;
    }
    EXPECT_EQ(imported, 3);
    EXPECT_GT(store.grassroots().get(4)->reportedAt, 0);
    EXPECT_GT(store.grassroots().get(5)->reportedAt, 0);
    EXPECT_EQ(store.grassroots().get(6)->reportedAt, 0);
}

TEST_F(ImportCliTest, GrassrootsUsageAndMissingColumns) {
    EXPECT_EQ(run("import-grassroots --data " + data()).code, 2);
    EXPECT_EQ(run("import-grassroots " + fixture("grassroots/bad_rows.csv")).code, 2);
    const CommandResult help = run("import-grassroots --help");
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("organisation,section,kind,text"), std::string::npos) << help.out;
    const fs::path wrong = dir_ / "wrong.csv";
    std::ofstream(wrong) << "organisation,section\n1,I.1\n";
    const CommandResult missing = run("import-grassroots --data " + data() + " " + wrong.string());
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.err.find("Thiếu cột bắt buộc: text"), std::string::npos) << missing.err;
}

}  // namespace

// The office's invited delegates for conference 2 (the demo's planned conference), first from
// its Excel workbook, then the same list as CSV with one title changed: re-import updates,
// never duplicates, keeps attendance, and every bad row is named.
TEST_F(ImportCliTest, ParticipantsFromExcelThenCsvUpdateWithoutDuplicates) {
    auto conference2 = [&] {
        gopy::server::Store store(data() + "/gopy.db");
        return store.participants().byConference(2);
    };
    const auto before = conference2();
    const CommandResult first = run("import-participants --data " + data() + " --conference 2 " +
                                    fixture("participants/hoi_nghi_2.xlsx"));
    ASSERT_EQ(first.code, 0) << first.err;
    // Lê Hoàng Nam is already on the demo's list with another title: updated, not added.
    EXPECT_NE(first.out.find("đã thêm 4, cập nhật 1, giữ nguyên 0, từ chối 2"), std::string::npos)
        << first.out;
    EXPECT_NE(first.out.find("dòng 5: thiếu họ và tên"), std::string::npos) << first.out;
    EXPECT_NE(first.out.find("dòng 7: trùng với dòng 3"), std::string::npos) << first.out;
    auto after = conference2();
    EXPECT_EQ(after.size(), before.size() + 4);
    const auto find = [&](const std::string& name) {
        for (const auto& p : after) {
            if (p.fullName == name) return p;
        }
        ADD_FAILURE() << name << " is not on the list";
        return gopy::Participant{};
    };
    EXPECT_EQ(find("Trần Văn Bình").title, "Thiếu tướng, nguyên Phó Tư lệnh Quân khu Thủ đô");
    EXPECT_EQ(find("Lê Hoàng Nam").title, "Nguyên Bí thư Quận ủy");
    EXPECT_EQ(find("Quách Minh Tiến").organisation, "Quận ủy Ba Đình");

    // Mark one present, then import the CSV with a new title for Phạm Quốc Việt.
    {
        gopy::server::Store store(data() + "/gopy.db");
        store.participants().setPresent(find("Phạm Quốc Việt").id, true);
    }
    std::string csv = slurp(fixture("participants/hoi_nghi_2.csv"));
    const std::string old = "Nguyên Chủ tịch UBND Quận";
    csv.replace(csv.find(old), old.size(), "Nguyên Chủ tịch Ủy ban nhân dân quận Ba Đình");
    std::ofstream(dir_ / "list.csv", std::ios::binary) << csv;
    const CommandResult again =
        run("import-participants --data " + data() + " --conference 2 " + (dir_ / "list.csv").string());
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("đã thêm 0, cập nhật 1, giữ nguyên 4, từ chối 2"), std::string::npos)
        << again.out;
    after = conference2();
    EXPECT_EQ(after.size(), before.size() + 4);
    const auto viet = find("Phạm Quốc Việt");
    EXPECT_EQ(viet.title, "Nguyên Chủ tịch Ủy ban nhân dân quận Ba Đình");
    EXPECT_TRUE(viet.present);

    // Every import is in the log, so a running server pushes it and devices catch up.
    gopy::server::Store store(data() + "/gopy.db");
    EXPECT_EQ(store.db().scalarInt("SELECT count(*) FROM oplog WHERE device_id = 'import' AND "
                                   "conference_id = 2 AND event LIKE '%participant.add%'"),
              6);
}

TEST_F(ImportCliTest, ParticipantsNeedAConferenceOfTheCampaign) {
    const std::string list = fixture("participants/hoi_nghi_2.csv");
    const CommandResult none = run("import-participants --data " + data() + " " + list);
    EXPECT_EQ(none.code, 2);
    EXPECT_NE(none.err.find("thiếu --conference ID"), std::string::npos) << none.err;
    const CommandResult unknown = run("import-participants --data " + data() + " --conference 99 " + list);
    EXPECT_EQ(unknown.code, 1);
    EXPECT_NE(unknown.err.find("Không có hội nghị số 99"), std::string::npos) << unknown.err;
    const CommandResult channel = run("import-participants --data " + data() + " --conference 6 " + list);
    EXPECT_EQ(channel.code, 1);
    EXPECT_NE(channel.err.find("không có danh sách đại biểu mời"), std::string::npos) << channel.err;
}
