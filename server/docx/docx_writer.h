// A small DOCX writer: paragraphs, runs, tables and an A4 page in the format of Party
// documents (Times New Roman, margins in mm, page numbers centred in the header from page 2).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/model.h"

namespace gopy::docx {

enum class Align { Left, Centre, Right, Justify };
enum class ParagraphStyle { Normal, Title, Heading1, Heading2, Heading3 };

/// A run of text with one character format. Line breaks in `text` become w:br, tabs w:tab.
struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    double sizePt = 0;  ///< 0: the paragraph style's size
};

struct ParagraphFormat {
    ParagraphStyle style = ParagraphStyle::Normal;
    Align align = Align::Left;
    double firstLineIndentMm = 0;
    double spaceBeforePt = -1;  ///< -1: the style's spacing
    double spaceAfterPt = -1;
    bool keepWithNext = false;
    double leftIndentMm = 0;
    double rightIndentMm = 0;
    double lineHeightPt = 0;       ///< 0: the style's line spacing; else at least this high
    bool exactLineHeight = false;  ///< lineHeightPt exactly (spacers and rules)
    int outlineLevel = 0;          ///< 1–9: a heading in the navigation pane, style unchanged
    bool bottomBorder = false;     ///< a 0.5 pt rule under the paragraph, between its indents
};

struct Paragraph {
    std::vector<Run> runs;
    ParagraphFormat format;
};

struct TableCell {
    std::vector<Paragraph> paragraphs;  ///< an empty cell still gets one empty paragraph
};

struct Table {
    std::vector<double> columnWidthsMm;
    std::vector<std::vector<TableCell>> rows;  ///< each row has one cell per column
    int headerRows = 1;          ///< leading rows repeated at the top of each page (w:tblHeader)
    bool borders = true;         ///< single 0.5 pt lines around and between all cells
    bool cantSplitRows = false;  ///< no row breaks across a page (letterheads, signatures)
    double cellMarginPt = 4.25;  ///< left and right padding inside every cell
};

struct PageSetup {
    double widthMm = 210;
    double heightMm = 297;
    double topMm = 20;
    double bottomMm = 20;
    double leftMm = 30;
    double rightMm = 15;
    double headerMm = 10;     ///< distance from the page edge to the header
    bool pageNumbers = true;  ///< centred number in the header, from page 2 on
    std::string fontFamily = "Times New Roman";
    double fontSizePt = 14;  ///< Normal text
};

struct DocumentInfo {
    std::string title;
    std::string author;
    Millis createdAt = 0;  ///< UTC; docProps/core.xml dcterms:created
};

/// A refused write (I/O or zip failure).
class DocxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Builds a document body in order, then writes the package. Text is NFC-normalised and
/// XML-escaped; characters XML 1.0 forbids are dropped. A long body goes to an anonymous
/// temporary file (removed when the writer is destroyed, or by the system if the process
/// dies) in pieces of 1 MiB, and is streamed from there into the package, so a document of
/// hundreds of megabytes is never held in memory; if no temporary file can be made, it stays
/// in memory. Adding throws DocxError if writing the temporary file fails.
class DocxWriter {
public:
    explicit DocxWriter(DocumentInfo info, PageSetup page = {});

    /// Appends a paragraph.
    void add(const Paragraph& paragraph);
    /// Appends a paragraph of one plain run.
    void add(std::string_view text, ParagraphFormat format = {});
    /// Appends a heading (level 1–3) or, for level 0, a Title paragraph.
    void heading(int level, std::string_view text);
    /// Appends a table; rows shorter than the column list are padded with empty cells.
    void add(const Table& table);
    /// Appends a page break.
    void pageBreak();

    /// The .docx package as bytes. Throws DocxError.
    [[nodiscard]] std::string bytes() const;
    /// Writes the package to `path`. Throws DocxError.
    void save(const std::filesystem::path& path) const;

    /// A borderless two-column table for letterheads (left: issuing body; right: the Party's
    /// name, place and date), each column `widthMm` wide.
    static Table twoColumnLayout(std::vector<Paragraph> left, std::vector<Paragraph> right,
                                 double leftWidthMm, double rightWidthMm);

private:
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };

    void appendParagraph(std::string& out, const Paragraph& paragraph) const;
    void spillIfLarge();

    DocumentInfo info_;
    PageSetup page_;
    std::string body_;  // the body's tail not yet in spill_
    std::unique_ptr<std::FILE, FileCloser> spill_;
    std::uint64_t spilled_ = 0;
    bool spillUnavailable_ = false;
    bool endsWithTable_ = false;
};

/// Text escaped for XML character data and attribute values (&, <, >, ", ') after NFC;
/// control characters other than tab and line ends are dropped.
std::string xmlEscape(std::string_view text);

}  // namespace gopy::docx
