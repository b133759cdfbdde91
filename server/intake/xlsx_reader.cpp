#include "server/intake/xlsx_reader.h"

#include <cstring>
#include <map>
#include <optional>

#include "gopy/text.h"
#include "server/intake/xml_reader.h"
#include "server/intake/zip_reader.h"

namespace gopy::intake {

namespace {

constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main|";
constexpr std::string_view kStrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main|";
constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships|";
constexpr std::string_view kStrictRelNs = "http://purl.oclc.org/ooxml/officeDocument/relationships|";
constexpr std::string_view kPackageRels = "http://schemas.openxmlformats.org/package/2006/relationships|";

/// The local name of a SpreadsheetML element (transitional or strict), else empty.
std::string_view sheetName(std::string_view name) {
    for (const auto ns : {kMain, kStrictMain}) {
        if (name.substr(0, ns.size()) == ns) return name.substr(ns.size());
    }
    return {};
}

const char* attribute(const char** attributes, std::string_view wanted) {
    for (int i = 0; attributes[i] != nullptr; i += 2) {
        if (wanted == attributes[i]) return attributes[i + 1];
    }
    return nullptr;
}

/// r:id of a <sheet>, in the transitional or strict relationships namespace.
const char* relationshipId(const char** attributes) {
    for (int i = 0; attributes[i] != nullptr; i += 2) {
        const std::string_view name = attributes[i];
        for (const auto ns : {kRelNs, kStrictRelNs}) {
            if (name.substr(0, ns.size()) == ns && name.substr(ns.size()) == "id") return attributes[i + 1];
        }
    }
    return nullptr;
}

std::string readPart(const ZipReader& zip, const std::string& name) {
    auto part = zip.read(name);
    if (!part) throw XlsxError("Tệp Excel thiếu phần " + name);
    return *part;
}

/// Handlers record their first fault here (they must not throw through expat).
class CheckedHandler : public XmlHandler {
public:
    std::string fault;
};

void parseOrThrow(std::string_view xml, std::string_view part, CheckedHandler& handler) {
    const std::string error = parseXml(xml, part, handler);
    if (!error.empty()) throw XlsxError("Tệp Excel hỏng (" + error + ")");
    if (!handler.fault.empty()) throw XlsxError(handler.fault);
}

/// xl/workbook.xml: the r:id of the first <sheet>.
class WorkbookHandler : public CheckedHandler {
public:
    void startElement(std::string_view name, const char** attributes) override {
        if (firstSheet || sheetName(name) != "sheet") return;
        if (const char* id = relationshipId(attributes)) firstSheet = id;
    }
    void endElement(std::string_view) override {}
    void characters(std::string_view) override {}
    std::optional<std::string> firstSheet;
};

/// xl/_rels/workbook.xml.rels: Id → Target.
class RelationshipsHandler : public CheckedHandler {
public:
    void startElement(std::string_view name, const char** attributes) override {
        if (name.substr(0, kPackageRels.size()) != kPackageRels ||
            name.substr(kPackageRels.size()) != "Relationship") {
            return;
        }
        const char* id = attribute(attributes, "Id");
        const char* target = attribute(attributes, "Target");
        if (id != nullptr && target != nullptr) targets[id] = target;
    }
    void endElement(std::string_view) override {}
    void characters(std::string_view) override {}
    std::map<std::string, std::string> targets;
};

/// xl/sharedStrings.xml: every <si>, its <t> texts joined (rich text runs included, phonetic
/// runs <rPh> left out).
class SharedStringsHandler : public CheckedHandler {
public:
    void startElement(std::string_view name, const char**) override {
        const auto local = sheetName(name);
        if (local == "si") current.clear();
        else if (local == "rPh") ++phonetic;
        else if (local == "t" && phonetic == 0) inText = true;
    }
    void endElement(std::string_view name) override {
        const auto local = sheetName(name);
        if (local == "si") strings.push_back(text::nfc(current));
        else if (local == "rPh") --phonetic;
        else if (local == "t") inText = false;
    }
    void characters(std::string_view text) override {
        if (inText) current.append(text);
    }
    std::vector<std::string> strings;

private:
    std::string current;
    int phonetic = 0;
    bool inText = false;
};

/// Columns kept per row: a list of people needs a handful; cells further right are left out, so
/// a stray or hostile reference cannot make the reader allocate 16,384 strings per row.
constexpr int kMaxColumns = 64;

/// A worksheet's <sheetData>: rows of cells.
class SheetHandler : public CheckedHandler {
public:
    explicit SheetHandler(const std::vector<std::string>& shared) : shared_(shared) {}

    void startElement(std::string_view name, const char** attributes) override {
        const auto local = sheetName(name);
        if (local == "row") {
            const char* r = attribute(attributes, "r");
            const int number = r != nullptr ? std::atoi(r) : 0;
            row_ = XlsxRow{number > 0 ? number : lastRow_ + 1, {}};
            nextColumn_ = 0;
        } else if (local == "c") {
            const char* r = attribute(attributes, "r");
            column_ = r != nullptr ? xlsxColumnIndex(r) : nextColumn_;
            if (column_ < 0) column_ = nextColumn_;
            nextColumn_ = column_ + 1;
            if (column_ >= kMaxColumns) column_ = -1;  // read, then left out
            const char* t = attribute(attributes, "t");
            type_ = t != nullptr ? t : "n";
            value_.clear();
            inline_.clear();
        } else if (local == "v") {
            inValue_ = true;
        } else if (local == "is") {
            inInline_ = true;
        } else if (local == "rPh") {
            ++phonetic_;
        } else if (local == "t" && inInline_ && phonetic_ == 0) {
            inInlineText_ = true;
        }
    }

    void endElement(std::string_view name) override {
        const auto local = sheetName(name);
        if (local == "v") {
            inValue_ = false;
        } else if (local == "is") {
            inInline_ = false;
        } else if (local == "rPh") {
            --phonetic_;
        } else if (local == "t") {
            inInlineText_ = false;
        } else if (local == "c") {
            std::string text = cellText();
            if (column_ < 0) return;
            if (column_ >= static_cast<int>(row_.cells.size())) row_.cells.resize(column_ + 1);
            row_.cells[column_] = text::nfc(text);
        } else if (local == "row") {
            lastRow_ = row_.number;
            bool empty = true;
            for (const auto& cell : row_.cells) empty = empty && cell.empty();
            if (!empty) rows.push_back(std::move(row_));
            row_ = {};
        }
    }

    void characters(std::string_view text) override {
        if (inValue_) value_.append(text);
        if (inInlineText_) inline_.append(text);
    }

    std::vector<XlsxRow> rows;

private:
    std::string cellText() {
        if (type_ == "s") {
            char* end = nullptr;
            const long index = std::strtol(value_.c_str(), &end, 10);
            if (value_.empty() || *end != '\0' || index < 0 ||
                index >= static_cast<long>(shared_.size())) {
                if (fault.empty()) {
                    fault = "Tệp Excel hỏng: ô dòng " + std::to_string(row_.number) +
                            " trỏ tới chuỗi dùng chung không tồn tại (" + value_ + ")";
                }
                return {};
            }
            return shared_[static_cast<std::size_t>(index)];
        }
        if (type_ == "inlineStr") return inline_;
        if (type_ == "b") return value_ == "1" ? "TRUE" : "FALSE";
        return value_;  // n, str (a formula's cached text), e (an error such as #N/A), d
    }

    const std::vector<std::string>& shared_;
    XlsxRow row_;
    int lastRow_ = 0;
    int column_ = 0;
    int nextColumn_ = 0;
    std::string type_;
    std::string value_;
    std::string inline_;
    int phonetic_ = 0;
    bool inValue_ = false;
    bool inInline_ = false;
    bool inInlineText_ = false;
};

/// "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" → a zip entry name.
std::string partName(const std::string& target) {
    if (!target.empty() && target.front() == '/') return target.substr(1);
    return "xl/" + target;
}

}  // namespace

int xlsxColumnIndex(std::string_view reference) {
    int column = 0;
    std::size_t i = 0;
    while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z') {
        column = column * 26 + (reference[i] - 'A' + 1);
        if (column > 16384) return -1;  // Excel's last column is XFD
        ++i;
    }
    if (i == 0 || i == reference.size()) return -1;
    for (std::size_t j = i; j < reference.size(); ++j) {
        if (reference[j] < '0' || reference[j] > '9') return -1;
    }
    return column - 1;
}

std::vector<XlsxRow> readXlsxFirstSheet(std::string_view bytes) {
    const ZipReader zip(bytes);
    if (!zip.ok()) throw XlsxError("Tệp không phải bảng tính Excel (.xlsx): không đọc được tệp nén");

    WorkbookHandler workbook;
    parseOrThrow(readPart(zip, "xl/workbook.xml"), "xl/workbook.xml", workbook);
    if (!workbook.firstSheet) throw XlsxError("Bảng tính Excel không có trang tính nào");
    RelationshipsHandler relationships;
    parseOrThrow(readPart(zip, "xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels",
                 relationships);
    const auto target = relationships.targets.find(*workbook.firstSheet);
    if (target == relationships.targets.end()) {
        throw XlsxError("Tệp Excel hỏng: không tìm thấy trang tính " + *workbook.firstSheet);
    }

    SharedStringsHandler shared;
    if (auto strings = zip.read("xl/sharedStrings.xml")) {
        parseOrThrow(*strings, "xl/sharedStrings.xml", shared);
    }
    const std::string sheetPart = partName(target->second);
    SheetHandler sheet(shared.strings);
    parseOrThrow(readPart(zip, sheetPart), sheetPart, sheet);
    return std::move(sheet.rows);
}

}  // namespace gopy::intake
