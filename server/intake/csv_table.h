// A CSV file with a header row: the caller's columns found by name, every record checked for
// its width, file faults thrown, record faults reported with their line. Used by the public
// and the grassroots imports over CsvReader.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gopy::intake {

/// A column the caller reads: its header name (matched trimmed and case-insensitively; the
/// first match wins) and whether the file must have it.
struct CsvColumn {
    std::string_view name;
    bool required = false;
};

/// A record's values in the caller's column order; nullopt where the file has no such column.
using CsvValues = std::vector<std::optional<std::string_view>>;

struct CsvTableCallbacks {
    /// A record of the header's width.
    std::function<void(int line, const CsvValues& values)> row;
    /// A record refused as a whole; `reason` starts with "dòng N: ".
    std::function<void(int line, std::string reason)> refused;
    /// After each record with the number of records read so far (may be empty).
    std::function<void(std::size_t records)> progress;
};

/// Reads `in` in chunks (UTF-8 BOM skipped, CRLF/LF, quoted fields with commas, doubled quotes
/// and line breaks): blank lines before the header and between records are skipped; other
/// columns are ignored. Returns the number of records (header excluded). Throws
/// PublicImportError (public_import.h): Unreadable, Empty, or MissingColumns naming them.
std::size_t readCsvTable(std::istream& in, const std::vector<CsvColumn>& columns,
                         const CsvTableCallbacks& callbacks);

}  // namespace gopy::intake
