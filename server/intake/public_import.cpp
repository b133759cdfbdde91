// Public comments: CSV and JSON front ends over one row checker.
#include "server/intake/public_import.h"

#include <array>
#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "gopy/text.h"
#include "server/intake/csv_table.h"
#include "server/intake/field_text.h"
#include "server/intake/iso_datetime.h"

namespace gopy::intake {
namespace {

enum Column : std::size_t { SubmittedAt, Ward, Name, Contact, SectionCol, Text, kColumns };
constexpr std::array<std::string_view, kColumns> kColumnNames = {"submitted_at", "ward",    "name",
                                                                 "contact",      "section", "text"};
constexpr std::array<bool, kColumns> kRequired = {true, true, false, false, false, true};

// Checks one record's values against the campaign and turns them into a PublicRow.
class RowChecker {
public:
    explicit RowChecker(const PublicImportOptions& options) {
        for (const std::string& ward : options.wards) {
            wardByFold_.emplace(text::fold(ward), text::nfc(ward));
        }
        for (const std::string& code : options.sectionCodes) {
            sectionByKey_.emplace(text::fold(code), code);
        }
        from_ = localDayStart(options.publicFrom);
        if (const auto last = localDayStart(options.publicTo)) {
            to_ = *last + 24LL * 3600 * 1000;
        }
    }

    /// `values[c]` is nullopt when the column is absent in this record.
    void check(int line, const CsvValues& values, PublicImportResult& result) {
        std::string reasons;
        auto refuse = [&](std::string_view reason) {
            if (!reasons.empty()) reasons += "; ";
            reasons += reason;
        };
        for (const auto& v : values) {
            if (v && !text::isValidUtf8(*v)) {
                result.errors.push_back(
                    {line, "dòng " + std::to_string(line) + ": dữ liệu không phải UTF-8 hợp lệ"});
                return;
            }
        }
        PublicRow row;
        row.line = line;
        const std::string_view when = values[SubmittedAt] ? trimField(*values[SubmittedAt]) : "";
        if (when.empty()) {
            refuse("thiếu thời điểm gửi");
        } else if (const auto at = parseIsoDateTime(when)) {
            row.submittedAt = *at;
        } else {
            refuse("thời điểm gửi không hợp lệ " + quotedField(when));
        }
        const std::string_view ward = values[Ward] ? trimField(*values[Ward]) : "";
        if (ward.empty()) {
            refuse("thiếu tên phường");
        } else if (const std::string* canonical = findWard(ward)) {
            row.ward = *canonical;
        } else {
            refuse("phường không có trong danh sách " + quotedField(ward));
        }
        if (values[Name]) row.name = cleanField(*values[Name]);
        if (values[Contact]) row.contact = cleanField(*values[Contact]);
        if (values[SectionCol]) {
            const std::string_view section = trimField(*values[SectionCol]);
            if (!section.empty()) {
                const auto it = sectionByKey_.find(text::fold(section));
                if (it == sectionByKey_.end()) {
                    refuse("mục không có trong dự thảo " + quotedField(section));
                } else {
                    row.section = it->second;
                }
            }
        }
        if (values[Text]) row.text = cleanField(*values[Text]);
        if (row.text.empty()) refuse("thiếu nội dung góp ý");
        if (!reasons.empty()) {
            result.errors.push_back({line, "dòng " + std::to_string(line) + ": " + reasons});
            return;
        }
        row.outsideWindow = (from_ && row.submittedAt < *from_) || (to_ && row.submittedAt >= *to_);
        constexpr char kUnit = '\x1f';
        std::string key = std::to_string(row.submittedAt);
        key += kUnit;
        key += text::fold(row.ward);
        key += kUnit;
        key += text::fold(row.name);
        key += kUnit;
        key += text::fold(row.text);
        row.dedupeKey = sha256Hex(key);
        result.rows.push_back(std::move(row));
    }

private:
    const std::string* findWard(std::string_view ward) {
        // Most files repeat a handful of spellings: fold each spelling once.
        const std::string raw(ward);
        if (const auto hit = wardCache_.find(raw); hit != wardCache_.end()) return hit->second;
        const auto it = wardByFold_.find(text::fold(ward));
        const std::string* canonical = it == wardByFold_.end() ? nullptr : &it->second;
        wardCache_.emplace(raw, canonical);
        return canonical;
    }

    std::unordered_map<std::string, std::string> wardByFold_;
    std::unordered_map<std::string, const std::string*> wardCache_;
    std::unordered_map<std::string, std::string> sectionByKey_;
    std::optional<Millis> from_;
    std::optional<Millis> to_;
};

void reportProgress(const PublicImportOptions& options, std::size_t done, bool final) {
    if (!options.progress) return;
    const std::size_t every = options.progressEvery == 0 ? 1 : options.progressEvery;
    if (final || done % every == 0) options.progress(done);
}

// Line number where each top-level element of a JSON array starts, in order.
std::vector<int> elementLines(std::string_view json) {
    std::vector<int> lines;
    int line = 1;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool expectElement = false;
    for (const char c : json) {
        if (c == '\n') ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (depth == 1 && expectElement && c != ' ' && c != '\t' && c != '\r' && c != '\n' &&
            c != ',' && c != ']') {
            lines.push_back(line);
            expectElement = false;
        }
        switch (c) {
            case '"':
                inString = true;
                break;
            case '[':
            case '{':
                ++depth;
                if (depth == 1) expectElement = true;
                break;
            case ']':
            case '}':
                --depth;
                break;
            case ',':
                if (depth == 1) expectElement = true;
                break;
            default:
                break;
        }
    }
    return lines;
}

}  // namespace

PublicImportError::PublicImportError(PublicFileError error, const std::string& message)
    : std::runtime_error(message), error_(error) {}

PublicImportResult parsePublicCsv(std::istream& in, const PublicImportOptions& options) {
    std::vector<CsvColumn> columns;
    for (std::size_t c = 0; c < kColumns; ++c) columns.push_back({kColumnNames[c], kRequired[c]});
    PublicImportResult result;
    RowChecker checker(options);
    CsvTableCallbacks callbacks;
    callbacks.row = [&](int line, const CsvValues& values) { checker.check(line, values, result); };
    callbacks.refused = [&](int line, std::string reason) {
        result.errors.push_back({line, std::move(reason)});
    };
    callbacks.progress = [&](std::size_t records) { reportProgress(options, records, false); };
    result.records = readCsvTable(in, columns, callbacks);
    reportProgress(options, result.records, true);
    return result;
}

PublicImportResult parsePublicCsv(std::string_view bytes, const PublicImportOptions& options) {
    std::istringstream in{std::string(bytes)};
    return parsePublicCsv(in, options);
}

PublicImportResult parsePublicJson(std::string_view bytes, const PublicImportOptions& options) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    boost::json::parse_options parseOptions;
    // Invalid UTF-8 refuses only the row that holds it, so the parser must let it through.
    parseOptions.allow_invalid_utf8 = true;
    boost::json::error_code ec;
    const boost::json::value doc = boost::json::parse(bytes, ec, {}, parseOptions);
    if (ec) {
        throw PublicImportError(PublicFileError::MalformedJson,
                                "Tệp JSON không hợp lệ: " + ec.message());
    }
    if (!doc.is_array()) {
        throw PublicImportError(PublicFileError::MalformedJson,
                                "Tệp JSON phải là một mảng các đối tượng góp ý");
    }
    const std::vector<int> lines = elementLines(bytes);
    PublicImportResult result;
    RowChecker checker(options);
    const boost::json::array& array = doc.as_array();
    for (std::size_t i = 0; i < array.size(); ++i) {
        const int line = i < lines.size() ? lines[i] : 0;
        ++result.records;
        const std::string where = "dòng " + std::to_string(line) + ": ";
        if (!array[i].is_object()) {
            result.errors.push_back({line, where + "phần tử không phải đối tượng JSON"});
            reportProgress(options, result.records, false);
            continue;
        }
        CsvValues values(kColumns);
        std::string wrongType;
        for (const auto& member : array[i].as_object()) {
            const std::string key = asciiLower(member.key());
            for (std::size_t c = 0; c < kColumns; ++c) {
                if (key != kColumnNames[c] || values[c]) continue;
                if (member.value().is_string()) {
                    const boost::json::string& s = member.value().get_string();
                    values[c] = std::string_view(s.data(), s.size());
                } else if (!member.value().is_null()) {
                    wrongType = kColumnNames[c];
                }
            }
        }
        if (!wrongType.empty()) {
            result.errors.push_back({line, where + "trường " + wrongType + " phải là chuỗi"});
        } else {
            checker.check(line, values, result);
        }
        reportProgress(options, result.records, false);
    }
    reportProgress(options, result.records, true);
    return result;
}

PublicImportResult parsePublicFile(const std::filesystem::path& path,
                                   const PublicImportOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw PublicImportError(PublicFileError::Unreadable, "Không mở được tệp " + path.string());
    }
    std::string ext = asciiLower(path.extension().string());
    if (ext == ".json") {
        const std::string bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        if (in.bad()) {
            throw PublicImportError(PublicFileError::Unreadable,
                                    "Không đọc được tệp " + path.string());
        }
        return parsePublicJson(bytes, options);
    }
    return parsePublicCsv(in, options);
}

}  // namespace gopy::intake
