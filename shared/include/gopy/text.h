// Vietnamese text: normalisation, folding for search, collation for sorting (ICU).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gopy::text {

/// NFC form of UTF-8 text. Invalid UTF-8 sequences become U+FFFD.
std::string nfc(std::string_view utf8);
/// True if the bytes are well-formed UTF-8.
bool isValidUtf8(std::string_view bytes);
/// Search key: NFC, lower case, diacritics removed, "đ"→"d", runs of spaces collapsed.
/// fold("Nguyễn Văn Ánh") == "nguyen van anh".
std::string fold(std::string_view utf8);
/// True if every whitespace-separated word of `query` is a prefix of some word of `text`,
/// both compared folded. matches("Nguyễn Văn An", "nguyen an") == true.
bool matches(std::string_view text, std::string_view query);
/// A byte string whose memcmp order is Vietnamese collation order (ICU "vi").
std::string collationKey(std::string_view utf8);
/// Collation key for a person's full name: Vietnamese lists sort by given name (last word),
/// then the family and middle names. "Trần Văn Bình" sorts before "Nguyễn Thị Cúc".
std::string personSortKey(std::string_view fullName);
/// Vietnamese comparison for two names as above; <0, 0, >0.
int comparePersons(std::string_view a, std::string_view b);
/// The first words of a text for a picker: NFC, runs of white space as one space, at most
/// `maxChars` characters (code points). A longer text is cut at the last line-break
/// opportunity (ICU, "vi") that leaves room for "…", which is appended.
std::string opening(std::string_view utf8, std::size_t maxChars = 80);

}  // namespace gopy::text
