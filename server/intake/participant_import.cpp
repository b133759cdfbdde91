#include "server/intake/participant_import.h"

#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "gopy/text.h"
#include "server/intake/csv_reader.h"
#include "server/intake/field_text.h"
#include "server/intake/xlsx_reader.h"

namespace gopy::intake {

namespace {

enum Column : std::size_t { NameCol, TitleCol, OrganisationCol, GroupCol, kColumns };

// Header names by column, folded (text::fold) so "Họ và tên", "HỌ VÀ TÊN" and "ho va ten" match.
const std::map<std::string, Column>& headerNames() {
    static const std::map<std::string, Column> names = {
        {"ho va ten", NameCol},        {"ho ten", NameCol},
        {"ten", NameCol},              {"name", NameCol},
        {"full name", NameCol},        {"dai bieu", NameCol},
        {"chuc danh", TitleCol},       {"chuc vu", TitleCol},
        {"title", TitleCol},           {"co quan", OrganisationCol},
        {"don vi", OrganisationCol},   {"co quan, don vi", OrganisationCol},
        {"co quan don vi", OrganisationCol}, {"noi cong tac", OrganisationCol},
        {"organisation", OrganisationCol},   {"organization", OrganisationCol},
        {"nhom", GroupCol},            {"thanh phan", GroupCol},
        {"doan", GroupCol},            {"group", GroupCol},
    };
    return names;
}

// Limits of the fields, in characters (the same order as the op's: a name fits a card).
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxOther = 500;

// Characters (code points) of valid UTF-8.
std::size_t length(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string lineError(int line, const std::string& reason) {
    return "dòng " + std::to_string(line) + ": " + reason;
}

ParticipantImportResult parseRows(const std::vector<std::vector<std::string>>& table,
                                  const std::vector<int>& lines) {
    ParticipantImportResult result;
    std::size_t first = 0;
    auto blank = [](const std::vector<std::string>& row) {
        for (const auto& cell : row) {
            if (!trimField(cell).empty()) return false;
        }
        return true;
    };
    while (first < table.size() && blank(table[first])) ++first;
    if (first == table.size()) {
        throw PublicImportError(PublicFileError::Empty, "Danh sách đại biểu trống: không có dòng tiêu đề");
    }
    std::array<std::optional<std::size_t>, kColumns> position;
    for (std::size_t i = 0; i < table[first].size(); ++i) {
        const auto found = headerNames().find(text::fold(cleanField(table[first][i])));
        if (found != headerNames().end() && !position[found->second]) position[found->second] = i;
    }
    if (!position[NameCol]) {
        throw PublicImportError(PublicFileError::MissingColumns,
                                "Danh sách đại biểu thiếu cột họ và tên (dòng tiêu đề cần một cột "
                                "\"Họ và tên\"; các cột khác: \"Chức danh\", \"Cơ quan, đơn vị\", "
                                "\"Nhóm\")");
    }
    std::map<std::string, int> seen;  // folded name|title → first line
    for (std::size_t r = first + 1; r < table.size(); ++r) {
        const auto& cells = table[r];
        const int line = lines[r];
        if (blank(cells)) continue;
        ++result.records;
        auto value = [&](Column c) {
            return position[c] && *position[c] < cells.size() ? cleanField(cells[*position[c]]) : std::string();
        };
        ParticipantRow row{line, value(NameCol), value(TitleCol), value(OrganisationCol), value(GroupCol)};
        if (row.fullName.empty()) {
            result.errors.push_back({line, lineError(line, "thiếu họ và tên")});
            continue;
        }
        if (length(row.fullName) > kMaxName) {
            result.errors.push_back({line, lineError(line, "họ và tên dài quá " + std::to_string(kMaxName) + " ký tự")});
            continue;
        }
        if (length(row.title) > kMaxOther || length(row.organisation) > kMaxOther ||
            length(row.group) > kMaxOther) {
            result.errors.push_back({line, lineError(line, "chức danh, đơn vị hoặc nhóm dài quá " +
                                                               std::to_string(kMaxOther) + " ký tự")});
            continue;
        }
        const std::string key = text::fold(row.fullName) + "|" + text::fold(row.title);
        const auto [it, fresh] = seen.emplace(key, line);
        if (!fresh) {
            result.errors.push_back({line, lineError(line, "trùng với dòng " + std::to_string(it->second) +
                                                               " (cùng họ tên và chức danh)")});
            continue;
        }
        result.rows.push_back(std::move(row));
    }
    return result;
}

}  // namespace

ParticipantImportResult parseParticipantTable(const std::vector<std::vector<std::string>>& table,
                                              const std::vector<int>& lines) {
    return parseRows(table, lines);
}

ParticipantImportResult parseParticipantBytes(std::string_view bytes) {
    std::vector<std::vector<std::string>> table;
    std::vector<int> lines;
    if (bytes.substr(0, 2) == "PK") {
        std::vector<XlsxRow> rows;
        try {
            rows = readXlsxFirstSheet(bytes);
        } catch (const XlsxError& error) {
            throw PublicImportError(PublicFileError::Unreadable, error.what());
        }
        for (auto& row : rows) {
            lines.push_back(row.number);
            table.push_back(std::move(row.cells));
        }
    } else {
        std::istringstream in{std::string(bytes)};
        CsvReader reader(in);
        CsvRecord record;
        while (reader.next(record)) {
            lines.push_back(record.line);
            std::vector<std::string> cells;
            for (const auto& field : record.fields) cells.push_back(text::nfc(field));
            table.push_back(std::move(cells));
        }
    }
    return parseRows(table, lines);
}

ParticipantImportResult parseParticipantFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw PublicImportError(PublicFileError::Unreadable, "Không mở được tệp " + path.string());
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw PublicImportError(PublicFileError::Unreadable, "Không đọc được tệp " + path.string());
    return parseParticipantBytes(bytes.str());
}

}  // namespace gopy::intake
