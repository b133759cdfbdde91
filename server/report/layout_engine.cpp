#include "server/report/layout_engine.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "gopy/text.h"

namespace gopy::server::report {

namespace {

constexpr double kEpsilon = 1e-6;
// Liberation Serif (like Times New Roman): ascent 0.891 em, descent 0.216 em.
constexpr double kAscent = 0.891;
constexpr double kDescent = 0.216;

// Letter spacing up to this fraction of the size is not seen as spaced-out text.
constexpr double kMaxLetterSpacing = 0.035;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::size_t codePointCount(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

LayoutEngine::LayoutEngine(const TextMeasurer& measurer, PageGeometry geometry, PageSink sink)
    : measurer_(measurer), geometry_(geometry), sink_(std::move(sink)) {
    page_.number = 1;
    y_ = geometry_.bodyTop();
}

double LayoutEngine::baselineFor(double lineTop, double size, double leading) {
    const double pad = std::max(0.0, (size * leading - size * (kAscent + kDescent)) / 2);
    return lineTop - pad - size * kAscent;
}

void LayoutEngine::splitLongWord(Word word, double limit, std::vector<Word>& out) const {
    // Cut between code points; each chunk but the first starts a new line.
    Word chunk;
    chunk.spaceBefore = word.spaceBefore;
    chunk.breakBefore = word.breakBefore;
    for (const Piece& piece : word.pieces) {
        Piece current{std::string(), piece.face, 0};
        for (std::size_t i = 0; i < piece.text.size();) {
            const std::size_t start = i;
            const char32_t cp = nextCodePoint(piece.text, i);
            // measured later at the caller's size: here widths are in thousandths
            const double w = measurer_.advance(cp, piece.face);
            if (chunk.width + current.width + w > limit && (chunk.width + current.width) > 0) {
                if (!current.text.empty()) {
                    chunk.width += current.width;
                    chunk.pieces.push_back(std::move(current));
                }
                out.push_back(std::move(chunk));
                chunk = Word{};
                chunk.breakBefore = true;
                current = Piece{std::string(), piece.face, 0};
            }
            current.text.append(piece.text, start, i - start);
            current.width += w;
        }
        if (!current.text.empty()) {
            chunk.width += current.width;
            chunk.pieces.push_back(std::move(current));
        }
    }
    if (!chunk.pieces.empty()) out.push_back(std::move(chunk));
}

std::vector<LayoutEngine::Line> LayoutEngine::wrap(const std::vector<Run>& runs, double size,
                                                   double width, double firstIndent) const {
    const double scale = size / 1000.0;
    // 1. words across runs
    std::vector<Word> words;
    Word current;
    bool pendingSpace = false;
    bool pendingBreak = false;
    Face spaceFace = Face::Regular;
    auto closeWord = [&] {
        if (current.pieces.empty()) return;
        words.push_back(std::move(current));
        current = Word{};
    };
    for (const Run& run : runs) {
        const std::string text = gopy::text::nfc(run.text);
        std::size_t i = 0;
        while (i < text.size()) {
            if (text[i] == '\n') {
                closeWord();
                pendingBreak = true;
                pendingSpace = false;
                ++i;
                continue;
            }
            if (isSpace(text[i])) {
                closeWord();
                pendingSpace = true;
                spaceFace = run.face;
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < text.size() && !isSpace(text[end]) && text[end] != '\n') ++end;
            if (current.pieces.empty()) {
                current.breakBefore = pendingBreak;
                current.spaceBefore =
                    (pendingSpace && !pendingBreak) ? measurer_.advance(U' ', spaceFace) : 0;
                pendingSpace = false;
                pendingBreak = false;
            }
            Piece piece{text.substr(i, end - i), run.face, 0};
            piece.width = measurer_.width(piece.text, run.face, 1000.0);
            current.width += piece.width;
            current.pieces.push_back(std::move(piece));
            i = end;
        }
    }
    closeWord();

    // 2. over-long words, in thousandths of the size
    const double limitUnits = std::max(1.0, (width - std::max(0.0, firstIndent)) / scale);
    std::vector<Word> fitted;
    fitted.reserve(words.size());
    for (Word& w : words) {
        if (w.width > limitUnits + kEpsilon) {
            splitLongWord(std::move(w), limitUnits, fitted);
        } else {
            fitted.push_back(std::move(w));
        }
    }
    // scale to points
    for (Word& w : fitted) {
        w.width *= scale;
        w.spaceBefore *= scale;
        for (Piece& p : w.pieces) p.width *= scale;
    }

    // 3. greedy line filling
    std::vector<Line> lines;
    Line line;
    line.first = true;
    auto avail = [&](const Line& l) { return l.first ? width - firstIndent : width; };
    for (Word& w : fitted) {
        if (!line.words.empty()) {
            const double space = w.spaceBefore > 0 ? w.spaceBefore : 0;
            const bool fits = line.naturalWidth + space + w.width <= avail(line) + kEpsilon;
            if (w.breakBefore || !fits) {
                line.endsParagraph = w.breakBefore;
                lines.push_back(std::move(line));
                line = Line{};
            } else {
                line.naturalWidth += space + w.width;
                line.words.push_back(std::move(w));
                continue;
            }
        }
        line.naturalWidth = w.width;
        line.words.push_back(std::move(w));
    }
    line.endsParagraph = true;
    if (!line.words.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

void LayoutEngine::placeLine(const Line& line, Align align, double size, double x, double width,
                             double baseline, bool underline, Page& page) const {
    if (line.words.empty()) return;
    double start = x;
    double gapExtra = 0;     // per-word justification: extra width of every space
    double charSpacing = 0;  // letter-spacing justification: extra width after every glyph
    switch (align) {
        case Align::Left:
            break;
        case Align::Centre:
            start = x + std::max(0.0, (width - line.naturalWidth) / 2);
            break;
        case Align::Right:
            start = x + std::max(0.0, width - line.naturalWidth);
            break;
        case Align::Justify:
            if (!line.endsParagraph && line.words.size() > 1) {
                const double extra = std::max(0.0, width - line.naturalWidth);
                // libharu costs a fixed ~2 µs per text string, so a line is one string when the
                // stretch can go, unseen, into letter spacing (Tc); otherwise the spaces stretch.
                // Word spacing (Tw) is no help: PDF applies it to one-byte code 32 only, and
                // UTF-8 text goes out as two-byte CIDs.
                std::size_t glyphs = line.words.size() - 1;  // the spaces
                for (const Word& w : line.words) {
                    for (const Piece& p : w.pieces) glyphs += codePointCount(p.text);
                }
                const double perGlyph =
                    glyphs > 1 ? extra / static_cast<double>(glyphs - 1) : extra;
                if (perGlyph <= kMaxLetterSpacing * size) {
                    charSpacing = perGlyph;
                } else {
                    gapExtra = extra / static_cast<double>(line.words.size() - 1);
                }
            }
            break;
    }
    double pen = start;
    PlacedText* open = nullptr;  // merge same-face text while spaces are plain spaces
    for (std::size_t wi = 0; wi < line.words.size(); ++wi) {
        const Word& w = line.words[wi];
        // a space is one glyph: its advance plus the letter spacing
        const double gap = wi == 0 ? 0 : w.spaceBefore + charSpacing + gapExtra;
        for (std::size_t pi = 0; pi < w.pieces.size(); ++pi) {
            const Piece& p = w.pieces[pi];
            const bool wordStart = pi == 0;
            const double advance =
                p.width + charSpacing * static_cast<double>(codePointCount(p.text));
            const bool canMerge = open != nullptr && open->face == p.face &&
                                  (!wordStart || (gapExtra < kEpsilon && gap > 0));
            if (canMerge) {
                if (wordStart) open->text.push_back(' ');
                open->text += p.text;
                open->width += (wordStart ? gap : 0) + advance;
            } else {
                page.texts.push_back(PlacedText{pen + (wordStart ? gap : 0), baseline, advance,
                                                size, p.face, p.text, charSpacing});
                open = &page.texts.back();
            }
            pen += (wordStart ? gap : 0) + advance;
        }
    }
    if (open != nullptr && charSpacing > 0) {
        // the spacing after the last glyph is not ink
        open->width -= charSpacing;
        pen -= charSpacing;
    }
    if (underline) {
        const double ruleY = baseline - size * kDescent * 0.8;
        page.rules.push_back(PlacedRule{start, ruleY, pen, ruleY, 0.6});
    }
}

void LayoutEngine::add(const Block& block) {
    std::visit(
        [this](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
                addParagraph(b);
            } else if constexpr (std::is_same_v<T, Rule>) {
                addRule(b);
            } else if constexpr (std::is_same_v<T, Table>) {
                addTable(b);
            } else if constexpr (std::is_same_v<T, Columns>) {
                addColumns(b);
            } else {
                if (!atTop_) newPage();
            }
        },
        block);
}

void LayoutEngine::newPage() {
    if (page_.number >= geometry_.firstNumberedPage) {
        const std::string label = std::to_string(page_.number);
        const double w = measurer_.width(label, Face::Regular, geometry_.pageNumberSize);
        const double y = geometry_.height - geometry_.top / 2 - geometry_.pageNumberSize / 3;
        page_.texts.push_back(PlacedText{(geometry_.width - w) / 2, y, w, geometry_.pageNumberSize,
                                         Face::Regular, label});
    }
    const int next = page_.number + 1;
    sink_(std::move(page_));
    ++pagesEmitted_;
    page_ = Page{};
    page_.number = next;
    y_ = geometry_.bodyTop();
    atTop_ = true;
}

void LayoutEngine::finish() {
    if (finished_) return;
    finished_ = true;
    // newPage() numbers and emits the current page; the fresh page it opens is dropped.
    newPage();
}

void LayoutEngine::ensureRoom(double height) {
    if (!atTop_ && y_ - height < bottomLimit() - kEpsilon) newPage();
}

void LayoutEngine::addParagraph(const Paragraph& p) {
    const ParagraphStyle& s = p.style;
    const double width = geometry_.bodyWidth() - s.leftIndent - s.rightIndent;
    const std::vector<Line> lines = wrap(p.runs, s.size, width, s.firstIndent);
    const double lh = s.size * s.leading;
    if (!atTop_) y_ -= s.spaceBefore;
    if (s.keepWithNext) {
        // a heading needs its own lines plus room for about three body lines after it
        ensureRoom(static_cast<double>(lines.size()) * lh + s.spaceAfter + 3 * 14 * 1.25);
    } else if (lines.size() <= 3) {
        ensureRoom(static_cast<double>(lines.size()) * lh);  // short paragraphs stay whole
    } else {
        ensureRoom(2 * lh);  // no single orphan line at a page foot
    }
    for (const Line& line : lines) {
        ensureRoom(lh);
        const double indent = line.first ? s.firstIndent : 0;
        placeLine(line, s.align, s.size, geometry_.left + s.leftIndent + indent, width - indent,
                  baselineFor(y_, s.size, s.leading), s.underline, page_);
        y_ -= lh;
        atTop_ = false;
    }
    y_ -= s.spaceAfter;
}

void LayoutEngine::addRule(const Rule& r) {
    if (!atTop_) y_ -= r.spaceBefore;
    ensureRoom(1);
    const double x = geometry_.left + (geometry_.bodyWidth() - r.width) / 2;
    page_.rules.push_back(PlacedRule{x, y_, x + r.width, y_, 0.6});
    atTop_ = false;
    y_ -= 1 + r.spaceAfter;
}

void LayoutEngine::addColumns(const Columns& c) {
    struct Placed {
        const Columns::Column* column;
        std::vector<std::vector<Line>> lines;
    };
    std::vector<Placed> placed;
    double height = 0;
    for (const Columns::Column& col : c.columns) {
        Placed p{&col, {}};
        double h = 0;
        for (const Paragraph& para : col.paragraphs) {
            const double width = col.width - para.style.leftIndent - para.style.rightIndent;
            p.lines.push_back(wrap(para.runs, para.style.size, width, para.style.firstIndent));
            h += para.style.spaceBefore + para.style.spaceAfter +
                 static_cast<double>(p.lines.back().size()) * para.style.size * para.style.leading;
        }
        height = std::max(height, h);
        placed.push_back(std::move(p));
    }
    ensureRoom(height);
    const double top = y_;
    for (const Placed& p : placed) {
        double y = top;
        for (std::size_t k = 0; k < p.column->paragraphs.size(); ++k) {
            const ParagraphStyle& s = p.column->paragraphs[k].style;
            const double width = p.column->width - s.leftIndent - s.rightIndent;
            y -= s.spaceBefore;
            for (const Line& line : p.lines[k]) {
                const double indent = line.first ? s.firstIndent : 0;
                placeLine(line, s.align, s.size,
                          geometry_.left + p.column->offset + s.leftIndent + indent, width - indent,
                          baselineFor(y, s.size, s.leading), s.underline, page_);
                y -= s.size * s.leading;
            }
            y -= s.spaceAfter;
        }
    }
    atTop_ = false;
    y_ = top - height - c.spaceAfter;
}

std::vector<std::vector<LayoutEngine::Line>> LayoutEngine::wrapCells(
    const std::vector<TableCell>& cells, const Table& t, Face defaultFace) const {
    std::vector<std::vector<Line>> out;
    out.reserve(t.widths.size());
    for (std::size_t c = 0; c < t.widths.size(); ++c) {
        if (c >= cells.size()) {
            out.emplace_back();
            continue;
        }
        std::vector<Run> runs = cells[c].runs;
        if (defaultFace != Face::Regular) {
            for (Run& r : runs) r.face = defaultFace;
        }
        out.push_back(wrap(runs, t.size, t.widths[c] - 2 * t.padding, 0));
    }
    return out;
}

void LayoutEngine::placeRow(const std::vector<std::vector<Line>>& cells,
                            const std::vector<TableCell>& source, const Table& t, std::size_t from,
                            std::size_t to) {
    const double lh = t.size * t.leading;
    const double height = static_cast<double>(to - from) * lh + 2 * t.padding;
    const double top = y_;
    double x = geometry_.left;
    double tableWidth = 0;
    for (double w : t.widths) tableWidth += w;
    for (std::size_t c = 0; c < t.widths.size(); ++c) {
        const Align align = c < source.size() ? source[c].align : Align::Left;
        for (std::size_t i = from; i < to && i < cells[c].size(); ++i) {
            const double lineTop = top - t.padding - static_cast<double>(i - from) * lh;
            placeLine(cells[c][i], align, t.size, x + t.padding, t.widths[c] - 2 * t.padding,
                      baselineFor(lineTop, t.size, t.leading), false, page_);
        }
        page_.rules.push_back(PlacedRule{x, top, x, top - height, 0.5});
        x += t.widths[c];
    }
    page_.rules.push_back(PlacedRule{x, top, x, top - height, 0.5});
    page_.rules.push_back(PlacedRule{geometry_.left, top, geometry_.left + tableWidth, top, 0.5});
    page_.rules.push_back(
        PlacedRule{geometry_.left, top - height, geometry_.left + tableWidth, top - height, 0.5});
    y_ = top - height;
    atTop_ = false;
}

void LayoutEngine::placeHeader(const std::vector<std::vector<Line>>& header, const Table& t) {
    std::size_t n = 0;
    for (const auto& cell : header) n = std::max(n, cell.size());
    if (n > 0) placeRow(header, t.header, t, 0, n);
}

void LayoutEngine::addTable(const Table& t) {
    const double lh = t.size * t.leading;
    const auto header = wrapCells(t.header, t, Face::Bold);
    std::size_t headerLines = 0;
    for (const auto& cell : header) headerLines = std::max(headerLines, cell.size());
    const double headerHeight =
        headerLines > 0 ? static_cast<double>(headerLines) * lh + 2 * t.padding : 0;
    if (!atTop_) y_ -= t.spaceBefore;
    ensureRoom(headerHeight + lh + 2 * t.padding);
    placeHeader(header, t);
    for (const auto& row : t.rows) {
        const auto cells = wrapCells(row, t, Face::Regular);
        std::size_t n = 1;
        for (const auto& cell : cells) n = std::max(n, cell.size());
        const double rowHeight = static_cast<double>(n) * lh + 2 * t.padding;
        if (y_ - rowHeight >= bottomLimit() - kEpsilon) {
            placeRow(cells, row, t, 0, n);
            continue;
        }
        if (rowHeight <= fullBodyHeight() - headerHeight) {
            newPage();
            placeHeader(header, t);
            placeRow(cells, row, t, 0, n);
            continue;
        }
        // taller than a page: split between lines, header repeated on each page
        std::size_t from = 0;
        while (from < n) {
            const auto fit = static_cast<std::size_t>(
                std::floor((y_ - bottomLimit() - 2 * t.padding + kEpsilon) / lh));
            if (fit == 0) {
                newPage();
                placeHeader(header, t);
                continue;
            }
            const std::size_t to = std::min(n, from + fit);
            placeRow(cells, row, t, from, to);
            from = to;
            if (from < n) {
                newPage();
                placeHeader(header, t);
            }
        }
    }
    y_ -= t.spaceAfter;
}

}  // namespace gopy::server::report
