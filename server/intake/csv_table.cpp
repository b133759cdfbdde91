#include "server/intake/csv_table.h"

#include <limits>

#include "server/intake/csv_reader.h"
#include "server/intake/field_text.h"
#include "server/intake/public_import.h"

namespace gopy::intake {

std::size_t readCsvTable(std::istream& in, const std::vector<CsvColumn>& columns,
                         const CsvTableCallbacks& callbacks) {
    CsvReader reader(in);
    CsvRecord record;
    bool header = false;
    while (reader.next(record)) {
        if (record.fields.size() == 1 && trimField(record.fields[0]).empty()) continue;
        header = true;
        break;
    }
    if (reader.failed()) throw PublicImportError(PublicFileError::Unreadable, "Lỗi đọc tệp CSV");
    if (!header) {
        throw PublicImportError(PublicFileError::Empty, "Tệp CSV trống (không có dòng tiêu đề)");
    }

    constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> index(columns.size(), kAbsent);
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string name = asciiLower(trimField(record.fields[i]));
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (name == columns[c].name && index[c] == kAbsent) index[c] = i;
        }
    }
    std::string missing;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (!columns[c].required || index[c] != kAbsent) continue;
        if (!missing.empty()) missing += ", ";
        missing += columns[c].name;
    }
    if (!missing.empty()) {
        throw PublicImportError(PublicFileError::MissingColumns, "Thiếu cột bắt buộc: " + missing);
    }
    const std::size_t width = record.fields.size();

    std::size_t records = 0;
    CsvValues values(columns.size());
    while (reader.next(record)) {
        if (record.fields.size() == 1 && record.fields[0].empty() && !record.unterminatedQuote) {
            continue;  // blank line
        }
        ++records;
        const std::string where = "dòng " + std::to_string(record.line) + ": ";
        if (record.unterminatedQuote) {
            callbacks.refused(record.line, where + "dấu ngoặc kép mở nhưng không đóng đến hết tệp");
        } else if (record.fields.size() != width) {
            callbacks.refused(record.line, where + "có " + std::to_string(record.fields.size()) +
                                               " cột, dòng tiêu đề có " + std::to_string(width) +
                                               " cột");
        } else {
            for (std::size_t c = 0; c < columns.size(); ++c) {
                values[c] = index[c] == kAbsent
                                ? std::nullopt
                                : std::optional<std::string_view>(record.fields[index[c]]);
            }
            callbacks.row(record.line, values);
        }
        if (callbacks.progress) callbacks.progress(records);
    }
    if (reader.failed()) throw PublicImportError(PublicFileError::Unreadable, "Lỗi đọc tệp CSV");
    return records;
}

}  // namespace gopy::intake
