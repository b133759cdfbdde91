// The event log: ISO-time lines, rotation at the size limit keeping the newest files.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "server/net/event_log.h"
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
    auto& log = server::net::EventLog::instance();
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

}  // namespace
}  // namespace gopy::test
