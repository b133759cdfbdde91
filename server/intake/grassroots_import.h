// Grassroots reports imported by the office: a CSV file of the comments each grassroots Party
// organisation's congress aggregated, parsed and checked row by row. No database access: the
// caller stores the rows (Engine::importGrassroots).
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/model.h"
#include "server/intake/public_import.h"

namespace gopy::intake {

/// What the rows are checked against.
struct GrassrootsImportOptions {
    std::vector<GrassrootsOrganisation> organisations;  ///< the campaign's organisations
    std::vector<std::string> sectionCodes;              ///< known Section::code values
};

/// One accepted comment.
struct GrassrootsRow {
    int line = 0;  ///< physical line (1-based) where the record starts
    std::int64_t organisationId = 0;
    std::string section;  ///< canonical code, or empty
    CommentKind kind = CommentKind::Other;
    std::string text;  ///< NFC, trimmed, line ends "\n"
    /// SHA-256 hex of (organisation id, section, text folded for case and diacritics): the
    /// same comment imported again is recognised.
    std::string dedupeKey;
    bool operator==(const GrassrootsRow&) const = default;
};

struct GrassrootsImportResult {
    std::vector<GrassrootsRow> rows;
    std::vector<RowError> errors;  ///< reasons start with "dòng N: "
    std::size_t records = 0;       ///< records read, accepted or not (the header excluded)
};

/// Parses CSV read from `in`: UTF-8 with or without BOM, CRLF or LF, quoted fields. The header
/// names the columns organisation, section, kind, text (any order, case-insensitive; other
/// columns ignored); organisation and text are required. `organisation` is an organisation's
/// id or its exact name; `section` an optional draft code ("II.3"); `kind` an optional wire
/// name ("addition", …; default "other"). Throws PublicImportError for a file-level fault.
GrassrootsImportResult parseGrassrootsCsv(std::istream& in, const GrassrootsImportOptions& options);
/// As above, from bytes in memory.
GrassrootsImportResult parseGrassrootsCsv(std::string_view bytes,
                                          const GrassrootsImportOptions& options);
/// Opens and parses a CSV file. Throws PublicImportError (Unreadable when it cannot be opened).
GrassrootsImportResult parseGrassrootsFile(const std::filesystem::path& path,
                                           const GrassrootsImportOptions& options);

}  // namespace gopy::intake
