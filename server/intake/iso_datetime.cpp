// ISO 8601 subset parsing with calendar checks (std::chrono).
#include "server/intake/iso_datetime.h"

#include <chrono>

namespace gopy::intake {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > s.size()) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

std::optional<Millis> dateMillisUtc(std::string_view s) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
        !digits(s, 8, 2, d)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{y},
                                          std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    const auto days = std::chrono::sys_days{ymd}.time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(days).count();
}

}  // namespace

std::optional<Millis> localDayStart(std::string_view isoDate) {
    if (isoDate.size() != 10) return std::nullopt;
    const auto day = dateMillisUtc(isoDate);
    if (!day) return std::nullopt;
    return *day - kLocalOffsetMillis;
}

std::optional<Millis> parseIsoDateTime(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    const auto day = dateMillisUtc(s);
    if (!day) return std::nullopt;
    if (s.size() == 10) return *day - kLocalOffsetMillis;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;

    int hh = 0;
    int mm = 0;
    int ss = 0;
    int ms = 0;
    std::size_t pos = 11;
    if (s.size() < pos + 5 || !digits(s, pos, 2, hh) || s[pos + 2] != ':' ||
        !digits(s, pos + 3, 2, mm)) {
        return std::nullopt;
    }
    pos += 5;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, ss)) return std::nullopt;
        pos += 3;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            std::size_t n = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                // Milliseconds: the first three fraction digits count, the rest are dropped.
                if (n < 3) ms = ms * 10 + (s[pos] - '0');
                ++n;
                ++pos;
            }
            if (n == 0) return std::nullopt;
            for (; n < 3; ++n) ms *= 10;
        }
    }
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;

    Millis offset = kLocalOffsetMillis;
    if (pos < s.size()) {
        const char sign = s[pos];
        if ((sign == 'Z' || sign == 'z') && pos + 1 == s.size()) {
            offset = 0;
        } else if (sign == '+' || sign == '-') {
            int oh = 0;
            int om = 0;
            const std::string_view zone = s.substr(pos + 1);
            const bool hoursOnly = zone.size() == 2 && digits(zone, 0, 2, oh);
            const bool withColon = zone.size() == 5 && zone[2] == ':' && digits(zone, 0, 2, oh) &&
                                   digits(zone, 3, 2, om);
            const bool compact =
                zone.size() == 4 && digits(zone, 0, 2, oh) && digits(zone, 2, 2, om);
            if (!hoursOnly && !withColon && !compact) return std::nullopt;
            if (oh > 14 || om > 59) return std::nullopt;
            offset = (sign == '-' ? -1 : 1) *
                     (static_cast<Millis>(oh) * 3600 + static_cast<Millis>(om) * 60) * 1000;
        } else {
            return std::nullopt;
        }
    }
    const Millis local = *day + ((static_cast<Millis>(hh) * 60 + mm) * 60 + ss) * 1000 + ms;
    return local - offset;
}

}  // namespace gopy::intake
