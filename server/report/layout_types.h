// What the layout engine consumes (blocks of styled text) and what it produces (pages of
// positioned text and rules). Units are PDF points (1/72 inch); y grows upwards as in PDF.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace gopy::server::report {

enum class Face { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };
enum class Align { Left, Centre, Right, Justify };

/// A stretch of text in one face. Words may continue across runs ("**Tên**:" stays one word).
struct Run {
    std::string text;
    Face face = Face::Regular;
};

struct ParagraphStyle {
    double size = 14;
    Align align = Align::Justify;
    double firstIndent = 0;  ///< extra indent of the first line
    double leftIndent = 0;
    double rightIndent = 0;
    double spaceBefore = 0;
    double spaceAfter = 0;
    double leading = 1.25;      ///< line height as a multiple of size
    bool keepWithNext = false;  ///< headings: never the last thing on a page
    bool underline = false;     ///< a rule under each line, as long as the line's text
    int outlineLevel = 0;       ///< 1–3: a heading of the document's outline (DOCX navigation)
};

struct Paragraph {
    std::vector<Run> runs;
    ParagraphStyle style;
};

/// A short centred horizontal rule (under a document's subject).
struct Rule {
    double width = 60;
    double spaceBefore = 0;
    double spaceAfter = 0;
};

struct TableCell {
    std::vector<Run> runs;
    Align align = Align::Left;
};

/// A bordered table. Rows never overlap a page edge: a row that does not fit moves to the next
/// page, a row taller than a page is split between lines; the header row repeats on each page.
struct Table {
    std::vector<double> widths;     ///< column widths; their sum is the table width
    std::vector<TableCell> header;  ///< one cell per column (bold, centred)
    std::vector<std::vector<TableCell>> rows;
    double size = 12;
    double padding = 3;
    double leading = 1.2;
    double spaceBefore = 0;
    double spaceAfter = 6;
};

/// Side-by-side stacks of paragraphs kept together on one page (letterhead, signature block).
struct Columns {
    struct Column {
        double offset = 0;  ///< from the left margin
        double width = 0;
        std::vector<Paragraph> paragraphs;
    };
    std::vector<Column> columns;
    double spaceAfter = 0;
};

struct PageBreak {};

using Block = std::variant<Paragraph, Rule, Table, Columns, PageBreak>;

/// A4 with the Party document margins (Hướng dẫn 36-HD/VPTW: top/bottom 20–25 mm, left
/// 30–35 mm, right 15–20 mm).
struct PageGeometry {
    double width = 595.276;
    double height = 841.890;
    double top = 20 * 72 / 25.4;
    double bottom = 20 * 72 / 25.4;
    double left = 30 * 72 / 25.4;
    double right = 15 * 72 / 25.4;
    double pageNumberSize = 13;
    int firstNumberedPage = 2;

    [[nodiscard]] double bodyWidth() const { return width - left - right; }
    [[nodiscard]] double bodyTop() const { return height - top; }
};

struct PlacedText {
    double x = 0;      ///< left of the text
    double y = 0;      ///< baseline
    double width = 0;  ///< advance width as measured
    double size = 0;
    Face face = Face::Regular;
    std::string text;
    double charSpacing = 0;  ///< extra space after every glyph (justified lines), points
};

struct PlacedRule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thickness = 0.5;
};

struct Page {
    int number = 0;  ///< 1-based
    std::vector<PlacedText> texts;
    std::vector<PlacedRule> rules;
};

}  // namespace gopy::server::report
