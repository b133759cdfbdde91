// The first worksheet of an Excel workbook (.xlsx: a zip of SpreadsheetML parts) as rows of
// text, read with libzip and expat. Debian 12 has no .xlsx reader library (FreeXL reads only
// .xls). Shared strings and inline strings both become text, numbers their literal value,
// booleans "TRUE"/"FALSE"; formulas give their cached value. Nothing else (styles, dates as
// dates, merged cells) is interpreted: the office's lists are text.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gopy::intake {

/// One non-empty row: its number in the sheet (1-based, as Excel shows it) and its cells by
/// column (A = 0), empty strings for cells the sheet leaves out.
struct XlsxRow {
    int number = 0;
    std::vector<std::string> cells;
    bool operator==(const XlsxRow&) const = default;
};

/// A workbook that cannot be read, with a Vietnamese message naming the part.
class XlsxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Reads the first worksheet (in the workbook's order) of the .xlsx held in `bytes`; text is NFC.
/// Rows whose every cell is empty are left out. Throws XlsxError.
std::vector<XlsxRow> readXlsxFirstSheet(std::string_view bytes);

/// The column index of a cell reference's letters: "A1" → 0, "AB12" → 27; -1 if malformed.
int xlsxColumnIndex(std::string_view cellReference);

}  // namespace gopy::intake
