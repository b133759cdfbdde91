#include "gopy/clock.h"

#include <chrono>
#include <cstdio>

namespace gopy {

Millis nowMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

HanoiTime hanoiTime(Millis utc) {
    using namespace std::chrono;
    const sys_time<milliseconds> local{milliseconds{utc + kHanoiOffsetMillis}};
    const sys_days day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> clock{local - day};
    return HanoiTime{static_cast<int>(ymd.year()),
                     static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day())),
                     static_cast<int>(clock.hours().count()),
                     static_cast<int>(clock.minutes().count()),
                     static_cast<int>(clock.seconds().count())};
}

std::string isoHanoi(Millis utc) {
    const HanoiTime t = hanoiTime(utc);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", t.year, t.month,
                  t.day, t.hour, t.minute, t.second);
    return buffer;
}

std::string isoHanoiDate(Millis utc) { return isoHanoi(utc).substr(0, 10); }

std::string viDateTime(Millis utc) {
    const HanoiTime t = hanoiTime(utc);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d %02d:%02d", t.day, t.month, t.year,
                  t.hour, t.minute);
    return buffer;
}

std::string fileStamp(Millis utc) {
    const HanoiTime t = hanoiTime(utc);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d-%02d%02d%02d", t.year, t.month, t.day,
                  t.hour, t.minute, t.second);
    return buffer;
}

}  // namespace gopy
