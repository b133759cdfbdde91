// The event log: ISO-time lines, rotation at the size limit keeping the newest files.
#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>

#include <sys/resource.h>

#include <gtest/gtest.h>

#include "server/log/event_log.h"
#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream out;
    out << file.rdbuf();
    return out.str();
}

TEST(EventLogTest, WritesTimedLinesAndRotates) {
    TempDir dir;
    auto& log = server::log::EventLog::instance();
    const auto file = dir.path() / "logs" / "gopy.log";
    ASSERT_TRUE(log.openFile(file, 300, 2));
    log.setStderr(false);
    for (int i = 0; i < 40; ++i) log.write("dòng số " + std::to_string(i) + "\nkhông xuống dòng");
    log.closeFile();
    log.setStderr(true);

    ASSERT_TRUE(std::filesystem::exists(file));
    EXPECT_TRUE(std::filesystem::exists(file.string() + ".1"));
    EXPECT_TRUE(std::filesystem::exists(file.string() + ".2"));
    EXPECT_FALSE(std::filesystem::exists(file.string() + ".3"));
    EXPECT_LE(std::filesystem::file_size(file), 300u);

    const std::string newest = slurp(file);
    EXPECT_NE(newest.find("dòng số 39 không xuống dòng\n"), std::string::npos) << newest;
    // "2026-11-25T21:00:00.000Z " at the start of every line.
    std::istringstream lines(newest);
    std::string line;
    while (std::getline(lines, line)) {
        ASSERT_GE(line.size(), 25u);
        EXPECT_EQ(line[4], '-');
        EXPECT_EQ(line[10], 'T');
        EXPECT_EQ(line[23], 'Z');
    }
}

TEST(EventLogTest, AFileThatCannotBeWrittenIsSaidOnceAndCountedThenCaughtUp) {
    TempDir dir;
    auto& log = server::log::EventLog::instance();
    const auto file = dir.path() / "logs" / "gopy.log";
    ASSERT_TRUE(log.openFile(file));
    log.setStderr(false);
    log.setRetryInterval(std::chrono::milliseconds(0));
    // Some kilobytes first: the limit below also bounds the file that captures stderr.
    for (int i = 0; i < 60; ++i) log.write("trước khi đầy " + std::string(80, '.'));
    const auto before = std::filesystem::file_size(file);

    // A full disk as the process sees it: writes past this size fail (EFBIG, signal ignored).
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit full = old;
    full.rlim_cur = static_cast<rlim_t>(before);
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &full), 0);
    testing::internal::CaptureStderr();
    for (int i = 0; i < 5; ++i) log.write("trong lúc đầy " + std::to_string(i));
    const bool faulty = log.fileFaulty();
    const std::string said = testing::internal::GetCapturedStderr();
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &old), 0);
    std::signal(SIGXFSZ, oldHandler);

    EXPECT_TRUE(faulty);
    // Said on the terminal even with stderr lines off, once, with the file's name.
    EXPECT_NE(said.find("không ghi được nhật ký vào " + file.string()), std::string::npos) << said;
    std::size_t times = 0;
    for (auto at = said.find("không ghi được nhật ký"); at != std::string::npos;
         at = said.find("không ghi được nhật ký", at + 1))
        ++times;
    EXPECT_EQ(times, 1u) << said;

    testing::internal::CaptureStderr();
    log.write("sau khi có chỗ");
    const std::string recovered = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(log.fileFaulty());
    EXPECT_NE(recovered.find("ghi lại được"), std::string::npos) << recovered;
    log.closeFile();
    log.setStderr(true);
    log.setRetryInterval(std::chrono::seconds(5));

    const std::string text = slurp(file);
    EXPECT_NE(text.find("trước khi đầy"), std::string::npos);
    EXPECT_NE(text.find("5 dòng không ghi được vào tệp từ "), std::string::npos) << text;
    EXPECT_NE(text.find("sau khi có chỗ"), std::string::npos) << text;
    EXPECT_EQ(text.find("trong lúc đầy"), std::string::npos) << text;
}

}  // namespace
}  // namespace gopy::test
