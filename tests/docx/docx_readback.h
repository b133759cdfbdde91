// Reads a .docx back for tests: zip entries (libzip) and the body of document.xml (expat).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace gopy::test {

struct RunInfo {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    int halfPoints = 0;  ///< w:sz, 0 if absent
};

struct ParagraphInfo {
    std::string style;
    std::string justification;
    int firstLineTwips = 0;
    bool keepNext = false;
    bool pageBreak = false;
    std::vector<RunInfo> runs;
    int tableDepth = 0;  ///< 1 inside a table cell
    [[nodiscard]] std::string text() const;
};

struct TableInfo {
    std::vector<int> gridTwips;
    std::string borderTop;  ///< w:val of tblBorders/top
    int headerRows = 0;     ///< rows with w:tblHeader
    int rows = 0;
    int cells = 0;
};

struct DocxReadback {
    std::vector<std::string> entryNames;  ///< in archive order
    std::map<std::string, std::string> entries;
    std::vector<ParagraphInfo> paragraphs;  ///< document order, table cells included
    std::vector<TableInfo> tables;
    std::map<std::string, std::string> sectionAttributes;  ///< "pgSz/w", "pgMar/left", …
    std::vector<std::string> headerReferences;             ///< "default", "first"
    bool titlePage = false;
    std::string parseError;  ///< empty when every XML part was well-formed
};

/// Opens `bytes` as a zip (throws std::runtime_error if it is not), checks every .xml and
/// .rels entry for well-formedness with expat, and reads document.xml.
DocxReadback readDocx(const std::string& bytes);

/// Concatenated character data of an XML document (all w:t and other text nodes).
std::string xmlText(const std::string& xml);

}  // namespace gopy::test
