// Dates as Party documents write them (Hướng dẫn 36-HD/VPTW): day below 10 and months 1–2
// with a leading zero, "Ba Đình, ngày 03 tháng 02 năm 2025", "ngày 25 tháng 11 năm 2026".
#pragma once

#include <string>
#include <string_view>

#include "gopy/model.h"

namespace gopy::server::report {

struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

/// The calendar date in Việt Nam (UTC+7, no daylight saving) of an instant.
CivilDate vietnamDate(Millis at);
/// Parses "YYYY-MM-DD"; nullopt-like zero date when malformed.
CivilDate parseIsoDate(std::string_view iso);
/// "ngày 03 tháng 02 năm 2025".
std::string dateInWords(const CivilDate& date);
/// "Ba Đình, ngày 03 tháng 02 năm 2025".
std::string placeAndDate(std::string_view place, const CivilDate& date);
/// "03/02/2025"; "" for a zero date.
std::string numericDate(const CivilDate& date);
/// "08 giờ 30" in Việt Nam time.
std::string clockTime(Millis at);
/// A duration as minutes and seconds: "7 phút 05 giây".
std::string durationInWords(Millis ms);

}  // namespace gopy::server::report
