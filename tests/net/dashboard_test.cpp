// dashboard_get over the real server: deadlines, grassroots organisations, and the drafting
// team's work lists only for the drafting role.
#include <gtest/gtest.h>

#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

class DashboardTest : public ServerFixture {};

TEST_F(DashboardTest, AnswersWithDeadlinesAndOrganisations) {
    auto drafting = admitted(Role::Drafting, 0, "Tổ biên tập");
    ASSERT_TRUE(drafting->send(proto::DashboardGet{"2025-05-20"}));
    const auto board = drafting->receiveType<proto::Dashboard>();
    ASSERT_TRUE(board);
    EXPECT_EQ(board->today, "2025-05-20");
    EXPECT_EQ(board->deadlines.size(), 4u);
    EXPECT_EQ(board->organisations.size(), 10u);

    auto chair = admitted(Role::Chair, kConference, "Chủ trì");
    ASSERT_TRUE(chair->send(proto::DashboardGet{}));
    const auto chairBoard = chair->receiveType<proto::Dashboard>();
    ASSERT_TRUE(chairBoard);
    EXPECT_EQ(chairBoard->today.size(), 10u);
    EXPECT_TRUE(chairBoard->unassigned.empty());
    EXPECT_TRUE(chairBoard->suggestions.empty());
}

}  // namespace
}  // namespace gopy::test
