#include "server/intake/grassroots_import.h"

#include <fstream>
#include <sstream>
#include <unordered_map>

#include "gopy/text.h"
#include "server/intake/csv_table.h"
#include "server/intake/field_text.h"

namespace gopy::intake {
namespace {

enum Column : std::size_t { OrganisationCol, SectionCol, KindCol, TextCol, kColumns };

constexpr std::string_view kKinds =
    "agreement, addition, amendment, deletion, recommendation, other";

bool allDigits(std::string_view s) {
    if (s.empty() || s.size() > 18) return false;
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// Checks one record against the campaign and turns it into a GrassrootsRow.
class RowChecker {
public:
    explicit RowChecker(const GrassrootsImportOptions& options) {
        for (const auto& o : options.organisations) {
            byId_.emplace(o.id, o.id);
            byName_.emplace(text::nfc(trimField(o.name)), o.id);
        }
        for (const std::string& code : options.sectionCodes) {
            sectionByKey_.emplace(text::fold(code), code);
        }
    }

    void check(int line, const CsvValues& values, GrassrootsImportResult& result) const {
        for (const auto& v : values) {
            if (v && !text::isValidUtf8(*v)) {
                result.errors.push_back(
                    {line, "dòng " + std::to_string(line) + ": dữ liệu không phải UTF-8 hợp lệ"});
                return;
            }
        }
        std::string reasons;
        auto refuse = [&](std::string_view reason) {
            if (!reasons.empty()) reasons += "; ";
            reasons += reason;
        };
        GrassrootsRow row;
        row.line = line;
        const std::string_view organisation =
            values[OrganisationCol] ? trimField(*values[OrganisationCol]) : "";
        if (organisation.empty()) {
            refuse("thiếu tổ chức cơ sở đảng");
        } else if (const auto id = findOrganisation(organisation)) {
            row.organisationId = *id;
        } else {
            refuse("không có tổ chức cơ sở đảng " + quotedField(organisation));
        }
        const std::string_view section = values[SectionCol] ? trimField(*values[SectionCol]) : "";
        if (!section.empty()) {
            const auto it = sectionByKey_.find(text::fold(section));
            if (it == sectionByKey_.end()) {
                refuse("mục không có trong dự thảo " + quotedField(section));
            } else {
                row.section = it->second;
            }
        }
        const std::string_view kind = values[KindCol] ? trimField(*values[KindCol]) : "";
        if (!kind.empty()) {
            if (const auto parsed = commentKindFromString(asciiLower(kind))) {
                row.kind = *parsed;
            } else {
                refuse("loại ý kiến không hợp lệ " + quotedField(kind) + " (dùng " +
                       std::string(kKinds) + ")");
            }
        }
        if (values[TextCol]) row.text = cleanField(*values[TextCol]);
        if (row.text.empty()) refuse("thiếu nội dung ý kiến");
        if (!reasons.empty()) {
            result.errors.push_back({line, "dòng " + std::to_string(line) + ": " + reasons});
            return;
        }
        constexpr char kUnit = '\x1f';
        std::string key = std::to_string(row.organisationId);
        key += kUnit;
        key += row.section;
        key += kUnit;
        key += text::fold(row.text);
        row.dedupeKey = sha256Hex(key);
        result.rows.push_back(std::move(row));
    }

private:
    [[nodiscard]] std::optional<std::int64_t> findOrganisation(std::string_view value) const {
        if (allDigits(value)) {
            const auto it = byId_.find(std::stoll(std::string(value)));
            if (it != byId_.end()) return it->second;
        }
        const auto it = byName_.find(text::nfc(value));
        if (it == byName_.end()) return std::nullopt;
        return it->second;
    }

    std::unordered_map<std::int64_t, std::int64_t> byId_;
    std::unordered_map<std::string, std::int64_t> byName_;
    std::unordered_map<std::string, std::string> sectionByKey_;
};

}  // namespace

GrassrootsImportResult parseGrassrootsCsv(std::istream& in,
                                          const GrassrootsImportOptions& options) {
    const std::vector<CsvColumn> columns = {
        {"organisation", true}, {"section", false}, {"kind", false}, {"text", true}};
    GrassrootsImportResult result;
    const RowChecker checker(options);
    CsvTableCallbacks callbacks;
    callbacks.row = [&](int line, const CsvValues& values) { checker.check(line, values, result); };
    callbacks.refused = [&](int line, std::string reason) {
        result.errors.push_back({line, std::move(reason)});
    };
    result.records = readCsvTable(in, columns, callbacks);
    return result;
}

GrassrootsImportResult parseGrassrootsCsv(std::string_view bytes,
                                          const GrassrootsImportOptions& options) {
    std::istringstream in{std::string(bytes)};
    return parseGrassrootsCsv(in, options);
}

GrassrootsImportResult parseGrassrootsFile(const std::filesystem::path& path,
                                           const GrassrootsImportOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw PublicImportError(PublicFileError::Unreadable, "Không mở được tệp " + path.string());
    }
    return parseGrassrootsCsv(in, options);
}

}  // namespace gopy::intake
