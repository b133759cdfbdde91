// ISO 8601 parsing of the public channel's submission times.
#include "server/intake/iso_datetime.h"

#include <gtest/gtest.h>

namespace gopy::intake {
namespace {

// 2025-02-03T00:00:00Z
constexpr Millis kFeb3Utc = 1738540800000LL;
constexpr Millis kHour = 3600LL * 1000;

TEST(IsoDateTime, DatesAreLocalMidnight) {
    EXPECT_EQ(parseIsoDateTime("2025-02-03"), kFeb3Utc - 7 * kHour);
    EXPECT_EQ(localDayStart("2025-02-03"), kFeb3Utc - 7 * kHour);
    EXPECT_EQ(parseIsoDateTime(" 2025-02-03 "), kFeb3Utc - 7 * kHour);
}

TEST(IsoDateTime, ZonesAndFractions) {
    EXPECT_EQ(parseIsoDateTime("2025-02-03T00:00:00Z"), kFeb3Utc);
    EXPECT_EQ(parseIsoDateTime("2025-02-03T07:00:00+07:00"), kFeb3Utc);
    EXPECT_EQ(parseIsoDateTime("2025-02-03T07:00+0700"), kFeb3Utc);
    EXPECT_EQ(parseIsoDateTime("2025-02-03T07:00+07"), kFeb3Utc);
    EXPECT_EQ(parseIsoDateTime("2025-02-02T19:00:00-05:00"), kFeb3Utc);
    // No zone: local time.
    EXPECT_EQ(parseIsoDateTime("2025-02-03 07:00"), kFeb3Utc);
    EXPECT_EQ(parseIsoDateTime("2025-02-03T00:00:00.25Z"), kFeb3Utc + 250);
    EXPECT_EQ(parseIsoDateTime("2025-02-03T00:00:00.123456Z"), kFeb3Utc + 123);
}

TEST(IsoDateTime, Refusals) {
    for (const char* bad :
         {"", "03/02/2025", "2025-2-3", "2025-02-30", "2025-13-01", "2025-02-03T24:00",
          "2025-02-03T10:60", "2025-02-03T10:00:61", "2025-02-03T10", "2025-02-03X10:00",
          "2025-02-03T10:00+7", "2025-02-03T10:00Zjunk", "2025-02-03T10:00:00.",
          "2025-02-03T10:00+15:00", "hôm qua"}) {
        EXPECT_FALSE(parseIsoDateTime(bad).has_value()) << bad;
    }
    EXPECT_TRUE(parseIsoDateTime("2024-02-29").has_value());
    EXPECT_FALSE(parseIsoDateTime("2025-02-29").has_value());
}

}  // namespace
}  // namespace gopy::intake
