// Typesetting: breaks styled text into lines (greedy, with justification), stacks paragraphs,
// tables and column blocks on A4 pages, breaks pages, repeats table header rows and numbers
// pages. Knows nothing about PDF: pages go to a sink as positioned text and rules.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "server/report/layout_types.h"
#include "server/report/text_measurer.h"

namespace gopy::server::report {

class LayoutEngine {
public:
    using PageSink = std::function<void(Page&&)>;

    /// One piece of a word in one face, with its measured width.
    struct Piece {
        std::string text;
        Face face = Face::Regular;
        double width = 0;
    };
    /// A word: what lies between two spaces, possibly in several faces.
    struct Word {
        std::vector<Piece> pieces;
        double width = 0;
        double spaceBefore = 0;  ///< width of the space that separates it from the previous word
        bool breakBefore =
            false;  ///< a hard line break (newline, or the rest of an over-long word)
    };
    struct Line {
        std::vector<Word> words;
        double naturalWidth = 0;  ///< words plus single spaces
        bool first = false;       ///< first line of the paragraph (gets the first-line indent)
        bool endsParagraph =
            false;  ///< last line of a paragraph or before a hard break: not justified
    };

    /// Pages are handed to `sink` as soon as they are full, so memory stays flat however long
    /// the document is. `measurer` must outlive the engine.
    LayoutEngine(const TextMeasurer& measurer, PageGeometry geometry, PageSink sink);

    /// Lays out one block after the previous ones.
    void add(const Block& block);
    /// Emits the last page (even if empty, so a document always has a page). Call once.
    void finish();
    /// Pages emitted so far.
    [[nodiscard]] int pageCount() const { return pagesEmitted_; }

    /// Breaks `runs` (NFC-normalised here) into lines at most `width` wide, the first line
    /// `firstIndent` narrower. A word wider than a line is split between characters.
    [[nodiscard]] std::vector<Line> wrap(const std::vector<Run>& runs, double size, double width,
                                         double firstIndent) const;

    /// Positions one line's text on `page`: `x` is the left of the text box, `width` its width,
    /// `baseline` the baseline. Justified lines spread the spaces so the text fills `width`.
    void placeLine(const Line& line, Align align, double size, double x, double width,
                   double baseline, bool underline, Page& page) const;

    /// Baseline of a line whose box starts at `lineTop` (glyphs stay inside the box).
    static double baselineFor(double lineTop, double size, double leading);

private:
    void addParagraph(const Paragraph& paragraph);
    void addRule(const Rule& rule);
    void addTable(const Table& table);
    void addColumns(const Columns& columns);
    void newPage();
    void ensureRoom(double height);
    [[nodiscard]] double bottomLimit() const { return geometry_.bottom; }
    [[nodiscard]] double fullBodyHeight() const { return geometry_.bodyTop() - geometry_.bottom; }
    [[nodiscard]] std::vector<std::vector<Line>> wrapCells(const std::vector<TableCell>& cells,
                                                           const Table& table,
                                                           Face defaultFace) const;
    void placeRow(const std::vector<std::vector<Line>>& cells, const std::vector<TableCell>& source,
                  const Table& table, std::size_t from, std::size_t to);
    void placeHeader(const std::vector<std::vector<Line>>& header, const Table& table);
    void splitLongWord(Word word, double limit, std::vector<Word>& out) const;

    const TextMeasurer& measurer_;
    PageGeometry geometry_;
    PageSink sink_;
    Page page_;
    double y_ = 0;       ///< top of the next line box on the current page
    bool atTop_ = true;  ///< nothing placed yet on this page
    int pagesEmitted_ = 0;
    bool finished_ = false;
};

}  // namespace gopy::server::report
