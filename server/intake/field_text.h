// Small text helpers shared by the comment imports (public, grassroots): trimming, cleaning a
// field for storage, quoting a value in a refusal, and the dedupe digest.
#pragma once

#include <string>
#include <string_view>

namespace gopy::intake {

/// `s` without leading and trailing spaces, tabs and line ends.
std::string_view trimField(std::string_view s);
/// ASCII letters lowered; other bytes unchanged (header names, wire names).
std::string asciiLower(std::string_view s);
/// A field as stored: trimmed, NFC, every line end as "\n".
std::string cleanField(std::string_view raw);
/// A value shown in a refusal: «…», trimmed, NFC, cut to 60 bytes at a code point boundary.
std::string quotedField(std::string_view s);
/// Lower-case hex SHA-256 of `bytes` (empty if OpenSSL fails).
std::string sha256Hex(std::string_view bytes);

}  // namespace gopy::intake
