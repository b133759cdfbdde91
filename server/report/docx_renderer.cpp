#include "server/report/docx_renderer.h"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "server/docx/docx_writer.h"

namespace gopy::server::report {

namespace {

double mm(double points) { return points * 25.4 / 72; }

docx::Align alignOf(Align a) {
    switch (a) {
        case Align::Left:
            return docx::Align::Left;
        case Align::Centre:
            return docx::Align::Centre;
        case Align::Right:
            return docx::Align::Right;
        case Align::Justify:
            return docx::Align::Justify;
    }
    return docx::Align::Left;
}

docx::Run runOf(const Run& run, double size, bool underline) {
    docx::Run r;
    r.text = run.text;
    r.bold = run.face == Face::Bold || run.face == Face::BoldItalic;
    r.italic = run.face == Face::Italic || run.face == Face::BoldItalic;
    r.underline = underline;
    r.sizePt = size;
    return r;
}

docx::Paragraph paragraphOf(const Paragraph& p) {
    docx::Paragraph out;
    const ParagraphStyle& s = p.style;
    for (const Run& run : p.runs) out.runs.push_back(runOf(run, s.size, s.underline));
    docx::ParagraphFormat& f = out.format;
    f.align = alignOf(s.align);
    f.firstLineIndentMm = mm(s.firstIndent);
    f.leftIndentMm = mm(s.leftIndent);
    f.rightIndentMm = mm(s.rightIndent);
    f.spaceBeforePt = s.spaceBefore;
    f.spaceAfterPt = s.spaceAfter;
    // the PDF's leading as a minimum line height: the same lines per page, and tall stacked
    // Vietnamese marks still fit
    f.lineHeightPt = s.size * s.leading;
    f.keepWithNext = s.keepWithNext;
    f.outlineLevel = s.outlineLevel;
    return out;
}

/// An empty paragraph exactly `height` points high: spacing around tables, and the paragraph
/// Word needs between two tables so that they stay apart.
docx::Paragraph spacer(double height) {
    docx::Paragraph p;
    p.format.spaceBeforePt = 0;
    p.format.spaceAfterPt = 0;
    p.format.lineHeightPt = std::max(height, 1.0);
    p.format.exactLineHeight = true;
    return p;
}

docx::TableCell cellOf(const TableCell& cell, const Table& table, bool header) {
    docx::Paragraph p;
    for (const Run& run : cell.runs) {
        docx::Run r = runOf(run, table.size, false);
        // header cells are bold, as the layout engine draws them
        if (header) r.bold = true;
        p.runs.push_back(std::move(r));
    }
    p.format.align = alignOf(cell.align);
    p.format.spaceBeforePt = 0;
    p.format.spaceAfterPt = 0;
    p.format.lineHeightPt = table.size * table.leading;
    return docx::TableCell{{std::move(p)}};
}

class Writer {
public:
    Writer(const DocumentInfo& info, const PageGeometry& g)
        : geometry_(g), writer_(docxInfo(info), pageSetup(g)) {}

    void operator()(const Paragraph& p) { writer_.add(paragraphOf(p)); }

    void operator()(const Rule& rule) {
        // a paragraph as wide as the rule, centred, with a bottom border
        docx::Paragraph p = spacer(2);
        p.format.spaceBeforePt = rule.spaceBefore;
        p.format.spaceAfterPt = rule.spaceAfter;
        const double side = std::max(0.0, (geometry_.bodyWidth() - rule.width) / 2);
        p.format.leftIndentMm = mm(side);
        p.format.rightIndentMm = mm(side);
        p.format.bottomBorder = true;
        writer_.add(p);
    }

    void operator()(const Table& table) {
        if (table.spaceBefore > 0) writer_.add(spacer(table.spaceBefore));
        docx::Table t;
        for (const double w : table.widths) t.columnWidthsMm.push_back(mm(w));
        t.headerRows = table.header.empty() ? 0 : 1;
        t.cellMarginPt = table.padding;
        if (!table.header.empty()) {
            std::vector<docx::TableCell> row;
            for (const TableCell& c : table.header) row.push_back(cellOf(c, table, true));
            t.rows.push_back(std::move(row));
        }
        for (const auto& source : table.rows) {
            std::vector<docx::TableCell> row;
            row.reserve(source.size());
            for (const TableCell& c : source) row.push_back(cellOf(c, table, false));
            t.rows.push_back(std::move(row));
        }
        writer_.add(t);
        writer_.add(spacer(table.spaceAfter));
    }

    void operator()(const Columns& columns) {
        // a borderless one-row table; gaps between columns become empty cells
        std::vector<const Columns::Column*> sorted;
        for (const Columns::Column& c : columns.columns) sorted.push_back(&c);
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto* a, const auto* b) { return a->offset < b->offset; });
        docx::Table t;
        t.headerRows = 0;
        t.borders = false;
        t.cantSplitRows = true;
        std::vector<docx::TableCell> row;
        double x = 0;
        for (const Columns::Column* c : sorted) {
            if (c->offset > x + 0.5) {
                t.columnWidthsMm.push_back(mm(c->offset - x));
                row.emplace_back();
            }
            t.columnWidthsMm.push_back(mm(c->width));
            docx::TableCell cell;
            for (const Paragraph& p : c->paragraphs) cell.paragraphs.push_back(paragraphOf(p));
            row.push_back(std::move(cell));
            x = c->offset + c->width;
        }
        t.rows.push_back(std::move(row));
        writer_.add(t);
        writer_.add(spacer(columns.spaceAfter));
    }

    void operator()(const PageBreak&) { writer_.pageBreak(); }

    [[nodiscard]] std::string bytes() const { return writer_.bytes(); }

private:
    static docx::DocumentInfo docxInfo(const DocumentInfo& info) {
        return docx::DocumentInfo{info.title, info.author, info.created};
    }
    static docx::PageSetup pageSetup(const PageGeometry& g) {
        docx::PageSetup page;
        page.widthMm = mm(g.width);
        page.heightMm = mm(g.height);
        page.topMm = mm(g.top);
        page.bottomMm = mm(g.bottom);
        page.leftMm = mm(g.left);
        page.rightMm = mm(g.right);
        page.pageNumbers = g.firstNumberedPage == 2;
        return page;
    }

    PageGeometry geometry_;
    docx::DocxWriter writer_;
};

}  // namespace

std::string DocxRenderer::render(const std::vector<Block>& blocks, const DocumentInfo& info,
                                 const PageGeometry& geometry) {
    Writer writer(info, geometry);
    for (const Block& block : blocks) std::visit(writer, block);
    return writer.bytes();
}

}  // namespace gopy::server::report
