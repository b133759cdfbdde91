// Time, once for the whole tree: the system clock in milliseconds, Hà Nội local time
// (UTC+7 all year, no daylight saving) and the text forms the product writes.
#pragma once

#include <cstdint>
#include <string>

#include "gopy/model.h"

namespace gopy {

/// Offset of Hà Nội time (Asia/Ho_Chi_Minh) from UTC, in seconds and milliseconds.
inline constexpr std::int64_t kHanoiOffsetSeconds = 7 * 3600;
inline constexpr Millis kHanoiOffsetMillis = kHanoiOffsetSeconds * 1000;

/// Now, as UTC milliseconds since the epoch (the unit of every timestamp in GopY).
Millis nowMillis();

/// A calendar date and time of day in Hà Nội.
struct HanoiTime {
    int year = 0;
    int month = 0;   ///< 1–12
    int day = 0;     ///< 1–31
    int hour = 0;    ///< 0–23
    int minute = 0;  ///< 0–59
    int second = 0;  ///< 0–59
};

/// The Hà Nội calendar date and time of an instant (UTC milliseconds).
HanoiTime hanoiTime(Millis utc);

/// "2025-03-02T20:15:00+07:00": an instant in ISO 8601 with Hà Nội's offset.
std::string isoHanoi(Millis utc);
/// "2025-03-02": the Hà Nội date of an instant.
std::string isoHanoiDate(Millis utc);
/// "02/03/2025 20:15": the Hà Nội date and time as Vietnamese documents write them.
std::string viDateTime(Millis utc);
/// "20250302-201500": the Hà Nội date and time for file names.
std::string fileStamp(Millis utc);

}  // namespace gopy
