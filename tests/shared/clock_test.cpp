// gopy/clock.h: Hà Nội time (UTC+7, no daylight saving) and the text forms written from it.
#include "gopy/clock.h"

#include <gtest/gtest.h>

namespace gopy {
namespace {

// 2025-03-02 13:15:09 UTC.
constexpr Millis kAfternoonUtc = 1'740'921'309'000;
// 2025-12-31 17:30:00 UTC: already 00:30 on 1 January 2026 in Hà Nội.
constexpr Millis kNewYearHanoi = 1'767'202'200'000;

TEST(ClockTest, HanoiIsSevenHoursAheadOfUtc) {
    const HanoiTime t = hanoiTime(kAfternoonUtc);
    EXPECT_EQ(t.year, 2025);
    EXPECT_EQ(t.month, 3);
    EXPECT_EQ(t.day, 2);
    EXPECT_EQ(t.hour, 20);
    EXPECT_EQ(t.minute, 15);
    EXPECT_EQ(t.second, 9);
    EXPECT_EQ(isoHanoi(kAfternoonUtc), "2025-03-02T20:15:09+07:00");
}

TEST(ClockTest, TheDateTurnsAtHanoiMidnightNotAtUtcMidnight) {
    EXPECT_EQ(isoHanoiDate(kNewYearHanoi), "2026-01-01");
    EXPECT_EQ(isoHanoiDate(kNewYearHanoi - 31 * 60 * 1000), "2025-12-31");
    EXPECT_EQ(viDateTime(kNewYearHanoi), "01/01/2026 00:30");
    EXPECT_EQ(fileStamp(kNewYearHanoi), "20260101-003000");
}

TEST(ClockTest, InstantsBeforeTheEpochAndMillisecondsRoundDown) {
    // 1969-12-31 16:59:59.999 UTC is 23:59:59 in Hà Nội, not 00:00 of the next day.
    EXPECT_EQ(isoHanoi(-7 * 3600 * 1000 - 1), "1969-12-31T23:59:59+07:00");
    EXPECT_EQ(isoHanoi(kAfternoonUtc + 999), "2025-03-02T20:15:09+07:00");
}

TEST(ClockTest, NowIsTheSystemClock) {
    const Millis before = nowMillis();
    EXPECT_GT(before, 1'700'000'000'000);  // after November 2023
    EXPECT_GE(nowMillis(), before);
}

}  // namespace
}  // namespace gopy
