#include "client/core/vi_dates.h"

#include <QDateTime>
#include <QTimeZone>

namespace gopy::client {

namespace {

QDateTime hanoi(Millis at)
{
    // The campaign's dates are Hà Nội's; a fixed offset needs no time zone database.
    return QDateTime::fromMSecsSinceEpoch(at, QTimeZone(7 * 3600));
}

}  // namespace

std::string viDate(const std::string& isoDate)
{
    if (isoDate.size() != 10 || isoDate[4] != '-' || isoDate[7] != '-')
        return isoDate;
    return isoDate.substr(8, 2) + "/" + isoDate.substr(5, 2) + "/" + isoDate.substr(0, 4);
}

std::string viDateTime(Millis at)
{
    if (at <= 0)
        return {};
    return hanoi(at).toString(QStringLiteral("dd/MM/yyyy HH:mm")).toStdString();
}

std::string hanoiIsoDate(Millis at)
{
    return hanoi(at).toString(QStringLiteral("yyyy-MM-dd")).toStdString();
}

}  // namespace gopy::client
