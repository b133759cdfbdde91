// A streaming RFC 4180 CSV reader: records with the physical line where each starts.
#pragma once

#include <array>
#include <istream>
#include <string>
#include <vector>

namespace gopy::intake {

struct CsvRecord {
    int line = 0;                     ///< physical line (1-based) where the record starts
    std::vector<std::string> fields;  ///< raw bytes, quotes removed, "" unescaped
    bool unterminatedQuote = false;   ///< the input ended inside a quoted field
};

class CsvReader {
public:
    /// Reads from `in` in chunks; a UTF-8 byte order mark at the start is skipped.
    explicit CsvReader(std::istream& in) : in_(in) {}

    /// Reads the next record into `record` (its vectors are reused). Returns false at the end
    /// of the input. CRLF, LF and lone CR end a record outside quotes; inside quotes they are
    /// kept as they are. A quote inside an unquoted field is an ordinary character.
    bool next(CsvRecord& record);
    /// True if the stream failed with an I/O error (as opposed to reaching its end).
    [[nodiscard]] bool failed() const noexcept { return in_.bad(); }

private:
    bool fill();

    std::istream& in_;
    std::array<char, 1 << 16> buffer_{};
    std::size_t pos_ = 0;
    std::size_t size_ = 0;
    bool started_ = false;
    bool eof_ = false;
    int line_ = 1;
};

}  // namespace gopy::intake
