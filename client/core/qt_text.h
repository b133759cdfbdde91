// Conversions at the Qt boundary: UTF-8 std::string (NFC) <-> QString.
#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

#include "gopy/text.h"

namespace gopy::client {

inline QString toQ(const std::string& utf8)
{
    return QString::fromStdString(utf8);
}

/// UTF-8, NFC-normalised (input methods may produce decomposed Vietnamese).
inline std::string fromQ(const QString& text)
{
    return gopy::text::nfc(text.toStdString());
}

inline QStringList toQ(const std::vector<std::string>& list)
{
    QStringList result;
    result.reserve(static_cast<qsizetype>(list.size()));
    for (const std::string& item : list)
        result.append(toQ(item));
    return result;
}

inline std::vector<std::string> fromQ(const QStringList& list)
{
    std::vector<std::string> result;
    result.reserve(static_cast<std::size_t>(list.size()));
    for (const QString& item : list)
        result.push_back(fromQ(item));
    return result;
}

}  // namespace gopy::client
