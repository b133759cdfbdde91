// ISO 8601 dates and date-times of the public channel, to UTC milliseconds.
#pragma once

#include <optional>
#include <string_view>

#include "gopy/clock.h"
#include "gopy/model.h"

namespace gopy::intake {

/// Offset of local time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) in milliseconds.
inline constexpr Millis kLocalOffsetMillis = kHanoiOffsetMillis;

/// "2025-03-01" (00:00 local time), "2025-03-01T09:30", "2025-03-01 09:30:15.250",
/// with an optional "Z", "+07:00", "-0500" or "+07"; without a zone the time is local.
/// nullopt for anything else, including impossible dates and times.
std::optional<Millis> parseIsoDateTime(std::string_view s);

/// The first millisecond of the local day `isoDate` ("YYYY-MM-DD"), or nullopt.
std::optional<Millis> localDayStart(std::string_view isoDate);

}  // namespace gopy::intake
