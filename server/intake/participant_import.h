// The invited delegates of a conference, as the office keeps them: an Excel workbook (.xlsx) or
// a CSV file with a header row. Parsed and checked row by row; no database access (the caller
// stores the rows: Engine::importParticipants).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "server/intake/public_import.h"

namespace gopy::intake {

/// One invited delegate.
struct ParticipantRow {
    int line = 0;              ///< the row's line (CSV) or row number (Excel), 1-based
    std::string fullName;      ///< NFC, trimmed
    std::string title;         ///< chức danh
    std::string organisation;  ///< cơ quan, đơn vị
    std::string group;         ///< nhóm, thành phần (for counts)
    bool operator==(const ParticipantRow&) const = default;
};

struct ParticipantImportResult {
    std::vector<ParticipantRow> rows;
    std::vector<RowError> errors;  ///< reasons start with "dòng N: "
    std::size_t records = 0;       ///< rows read below the header, accepted or not
};

/// The header is the first non-empty row. Its columns are recognised by name, folded for case
/// and diacritics: họ và tên / họ tên / tên / name (required); chức danh / chức vụ / title;
/// cơ quan / đơn vị / cơ quan, đơn vị / nơi công tác / organisation; nhóm / thành phần / đoàn /
/// group. Other columns (STT, ghi chú…) are ignored. A row without a name, or longer than the
/// limits, is refused; the same name and title twice is refused the second time. Throws
/// PublicImportError (MissingColumns) when no column is a name.
ParticipantImportResult parseParticipantTable(const std::vector<std::vector<std::string>>& table,
                                              const std::vector<int>& lines);

/// Reads a file: a zip (by its "PK" signature) as .xlsx (first worksheet), anything else as
/// CSV (UTF-8, BOM, CRLF/LF, quoted fields). Throws PublicImportError (Unreadable, Empty,
/// MissingColumns) with a Vietnamese message.
ParticipantImportResult parseParticipantFile(const std::filesystem::path& path);
/// As above, from bytes in memory.
ParticipantImportResult parseParticipantBytes(std::string_view bytes);

}  // namespace gopy::intake
