// Dates as Vietnamese readers write them: "15/06/2025", "12/04/2025 14:30" (Hà Nội time).
#pragma once

#include <string>

#include "gopy/model.h"

namespace gopy::client {

/// "2025-06-15" → "15/06/2025"; "" stays ""; anything else is returned unchanged.
std::string viDate(const std::string& isoDate);
/// Milliseconds (UTC) → "12/04/2025 14:30" in Hà Nội (UTC+7); 0 → "".
std::string viDateTime(Millis at);
/// Milliseconds (UTC) → "2025-04-12", the date in Hà Nội (UTC+7).
std::string hanoiIsoDate(Millis at);

}  // namespace gopy::client
