#include "server/report/date_words.h"

#include <array>
#include <charconv>
#include <cstdio>

#include "gopy/clock.h"

namespace gopy::server::report {

namespace {


std::string twoDigits(int n) {
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "%02d", n);
    return buf.data();
}

int parseInt(std::string_view s) {
    int v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size()) return -1;
    return v;
}

}  // namespace

CivilDate vietnamDate(Millis at) {
    const HanoiTime t = hanoiTime(at);
    return CivilDate{t.year, t.month, t.day};
}

CivilDate parseIsoDate(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return {};
    const int y = parseInt(iso.substr(0, 4));
    const int m = parseInt(iso.substr(5, 2));
    const int d = parseInt(iso.substr(8, 2));
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return {};
    return CivilDate{y, m, d};
}

std::string dateInWords(const CivilDate& date) {
    // Day below 10 and months 1 and 2 take a leading zero so nobody can add a digit.
    const std::string day = twoDigits(date.day);
    const std::string month = date.month <= 2 ? twoDigits(date.month) : std::to_string(date.month);
    return "ngày " + day + " tháng " + month + " năm " + std::to_string(date.year);
}

std::string placeAndDate(std::string_view place, const CivilDate& date) {
    return std::string(place) + ", " + dateInWords(date);
}

std::string numericDate(const CivilDate& date) {
    if (date.year == 0) return {};
    return twoDigits(date.day) + "/" + twoDigits(date.month) + "/" + std::to_string(date.year);
}

std::string clockTime(Millis at) {
    const HanoiTime t = hanoiTime(at);
    return twoDigits(t.hour) + " giờ " + twoDigits(t.minute);
}

std::string durationInWords(Millis ms) {
    const long long total = ms / 1000;
    return std::to_string(total / 60) + " phút " + twoDigits(static_cast<int>(total % 60)) +
           " giây";
}

}  // namespace gopy::server::report
