// Public comments: CSV (RFC 4180) or JSON files from the ward pages and the district portal,
// parsed and checked row by row. No database access: the caller stores the rows.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/model.h"

namespace gopy::intake {

/// What the rows are checked against.
struct PublicImportOptions {
    std::vector<std::string> wards;         ///< canonical ward names ("Phúc Xá"); matched folded
    std::vector<std::string> sectionCodes;  ///< known Section::code values ("II.3")
    std::string publicFrom;                 ///< ISO date, first day of the window (local time)
    std::string publicTo;                   ///< ISO date, last day of the window (inclusive)
    /// Called with the number of records read so far, every `progressEvery` records and once
    /// at the end. May be empty.
    std::function<void(std::size_t rowsDone)> progress;
    std::size_t progressEvery = 1000;
};

/// One accepted comment.
struct PublicRow {
    int line = 0;            ///< physical line (1-based) where the record starts
    Millis submittedAt = 0;  ///< UTC; a bare date means 00:00 in Asia/Ho_Chi_Minh (UTC+7)
    std::string ward;        ///< the canonical name from the options
    std::string name;
    std::string contact;
    std::string section;  ///< canonical code, or empty
    std::string text;
    bool outsideWindow = false;  ///< submitted before publicFrom or after publicTo (local dates)
    std::string dedupeKey;       ///< SHA-256 hex of (time, folded ward, folded name, folded text)
    bool operator==(const PublicRow&) const = default;
};

/// One refused record, with a Vietnamese reason that starts with "dòng N: ".
struct RowError {
    int line = 0;
    std::string reason;
    bool operator==(const RowError&) const = default;
};

struct PublicImportResult {
    std::vector<PublicRow> rows;
    std::vector<RowError> errors;
    std::size_t records = 0;  ///< records read, accepted or not (the header excluded)
};

/// What the caller reports after storing the rows.
struct ImportSummary {
    int imported = 0;
    int duplicates = 0;
    int refused = 0;
    bool operator==(const ImportSummary&) const = default;
};

enum class PublicFileError {
    Unreadable,      ///< the file cannot be opened or read
    Empty,           ///< no header line
    MissingColumns,  ///< the header lacks submitted_at, ward or text
    MalformedJson,   ///< not JSON, or not an array of objects
};

/// A refused file (as opposed to a refused row): the kind and a Vietnamese message.
class PublicImportError : public std::runtime_error {
public:
    PublicImportError(PublicFileError error, const std::string& message);
    /// The kind of failure.
    [[nodiscard]] PublicFileError error() const noexcept { return error_; }

private:
    PublicFileError error_;
};

/// Parses CSV read from `in` in chunks: UTF-8 with or without BOM, CRLF or LF, quoted fields
/// with commas, doubled quotes and line breaks. The header names the columns
/// submitted_at, ward, name, contact, section, text in any order, matched case-insensitively;
/// other columns are ignored. Throws PublicImportError for a file-level fault; row faults go
/// to `errors`.
PublicImportResult parsePublicCsv(std::istream& in, const PublicImportOptions& options);
/// As above, from bytes in memory.
PublicImportResult parsePublicCsv(std::string_view bytes, const PublicImportOptions& options);

/// Parses a JSON array of objects with the same keys (matched case-insensitively); a row's line
/// is the line where its object starts. Throws PublicImportError.
PublicImportResult parsePublicJson(std::string_view bytes, const PublicImportOptions& options);

/// Parses a file: ".json" (any case) as JSON, anything else as CSV (read in chunks).
/// Throws PublicImportError.
PublicImportResult parsePublicFile(const std::filesystem::path& path,
                                   const PublicImportOptions& options);

}  // namespace gopy::intake
