// DOCX writer: WordprocessingML body built as text, package parts added at the end.
#include "server/docx/docx_writer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "gopy/text.h"
#include "server/docx/zip_package.h"

namespace gopy::docx {
namespace {

constexpr std::string_view kXmlDecl =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

constexpr std::size_t kSpillBytes = std::size_t{1} << 20;

// document.xml as prefix, the spilled body, the in-memory tail and suffix, read in turn.
class DocumentStream : public ZipStream {
public:
    DocumentStream(std::string prefix, std::FILE* file, std::uint64_t fileSize,
                   std::string_view tail, std::string suffix)
        : prefix_(std::move(prefix)),
          file_(file),
          fileSize_(fileSize),
          tail_(tail),
          suffix_(std::move(suffix)) {}

    [[nodiscard]] std::uint64_t size() const override {
        return prefix_.size() + fileSize_ + tail_.size() + suffix_.size();
    }

    bool rewind() override {
        piece_ = 0;
        offset_ = 0;
        return !file_ || std::fseek(file_, 0, SEEK_SET) == 0;
    }

    std::int64_t read(char* out, std::size_t length) override {
        std::size_t done = 0;
        while (done < length && piece_ < 4) {
            std::size_t n = 0;
            if (piece_ == 1) {
                const std::uint64_t left = fileSize_ - offset_;
                const std::size_t want =
                    static_cast<std::size_t>(std::min<std::uint64_t>(left, length - done));
                if (want > 0) {
                    n = std::fread(out + done, 1, want, file_);
                    if (n != want) return -1;
                }
            } else {
                const std::string_view piece = piece_ == 0   ? std::string_view(prefix_)
                                               : piece_ == 2 ? tail_
                                                             : std::string_view(suffix_);
                n = std::min<std::size_t>(piece.size() - offset_, length - done);
                std::copy_n(piece.data() + offset_, n, out + done);
            }
            done += n;
            offset_ += n;
            if (offset_ == pieceSize(piece_)) {
                ++piece_;
                offset_ = 0;
            }
        }
        return static_cast<std::int64_t>(done);
    }

private:
    [[nodiscard]] std::uint64_t pieceSize(int piece) const {
        switch (piece) {
            case 0:
                return prefix_.size();
            case 1:
                return fileSize_;
            case 2:
                return tail_.size();
            default:
                return suffix_.size();
        }
    }

    std::string prefix_;
    std::FILE* file_;
    std::uint64_t fileSize_;
    std::string_view tail_;
    std::string suffix_;
    int piece_ = 0;
    std::uint64_t offset_ = 0;
};

long twips(double mm) { return std::lround(mm * 1440.0 / 25.4); }
long halfPoints(double pt) { return std::lround(pt * 2.0); }
long twipsFromPt(double pt) { return std::lround(pt * 20.0); }

std::string_view styleId(ParagraphStyle s) {
    switch (s) {
        case ParagraphStyle::Normal:
            return "Normal";
        case ParagraphStyle::Title:
            return "Title";
        case ParagraphStyle::Heading1:
            return "Heading1";
        case ParagraphStyle::Heading2:
            return "Heading2";
        case ParagraphStyle::Heading3:
            return "Heading3";
    }
    return "Normal";
}

std::string_view justification(Align a) {
    switch (a) {
        case Align::Left:
            return "left";
        case Align::Centre:
            return "center";
        case Align::Right:
            return "right";
        case Align::Justify:
            return "both";
    }
    return "left";
}

std::string w3cdtf(Millis at) {
    const std::chrono::sys_seconds t{std::chrono::seconds{at / 1000}};
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02uT%02d:%02d:%02dZ",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf.data();
}

// name="value" with a leading space, for building start tags.
std::string attr(std::string_view name, std::string_view value) {
    std::string out = " ";
    out += name;
    out += "=\"";
    out += value;
    out += "\"";
    return out;
}

std::string attr(std::string_view name, long value) { return attr(name, std::to_string(value)); }

std::string relationship(std::string_view id, std::string_view type, std::string_view target) {
    return "<Relationship" + attr("Id", id) +
           attr("Type", std::string(kRelBase) + std::string(type)) + attr("Target", target) + "/>";
}

std::string contentTypes() {
    std::string x(kXmlDecl);
    x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
    auto over = [&](std::string_view part, std::string_view type) {
        x += "<Override" + attr("PartName", part) + attr("ContentType", type) + "/>";
    };
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    over("/word/document.xml", wml + "document.main+xml");
    over("/word/styles.xml", wml + "styles+xml");
    over("/word/settings.xml", wml + "settings+xml");
    over("/word/header1.xml", wml + "header+xml");
    over("/word/header2.xml", wml + "header+xml");
    over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    x += "</Types>";
    return x;
}

std::string packageRels() {
    std::string x(kXmlDecl);
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    x += relationship("rId1", "officeDocument", "word/document.xml");
    x += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
         "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>";
    x += "</Relationships>";
    return x;
}

std::string documentRels() {
    std::string x(kXmlDecl);
    x += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    x += relationship("rId1", "styles", "styles.xml");
    x += relationship("rId2", "settings", "settings.xml");
    x += relationship("rId3", "header", "header1.xml");
    x += relationship("rId4", "header", "header2.xml");
    x += "</Relationships>";
    return x;
}

std::string coreProperties(const DocumentInfo& info) {
    std::string x(kXmlDecl);
    const std::string when = w3cdtf(info.createdAt);
    x +=
        "<cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
    x += "<dc:title>" + xmlEscape(info.title) + "</dc:title>";
    x += "<dc:creator>" + xmlEscape(info.author) + "</dc:creator>";
    x += "<dc:language>vi-VN</dc:language>";
    x += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:created>";
    x += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:modified>";
    x += "</cp:coreProperties>";
    return x;
}

std::string settings() {
    std::string x(kXmlDecl);
    x += "<w:settings" + attr("xmlns:w", kW) + ">";
    x += "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
         "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>";
    x += "</w:settings>";
    return x;
}

std::string styles(const PageSetup& page) {
    const std::string font = xmlEscape(page.fontFamily);
    const long size = halfPoints(page.fontSizePt);
    std::string x(kXmlDecl);
    x += "<w:styles" + attr("xmlns:w", kW) + ">";
    x += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts" + attr("w:ascii", font) +
         attr("w:hAnsi", font) + attr("w:eastAsia", font) + attr("w:cs", font) + "/>";
    x += "<w:sz" + attr("w:val", size) + "/><w:szCs" + attr("w:val", size) + "/>";
    x += "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"264\" "
         "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>";
    x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
         "w:val=\"Normal\"/>"
         "<w:qFormat/></w:style>";
    x += "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
         "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"240\"/><w:jc "
         "w:val=\"center\"/></w:pPr>"
         "<w:rPr><w:b/><w:bCs/><w:sz" +
         attr("w:val", size + 4) + "/><w:szCs" + attr("w:val", size + 4) + "/></w:rPr></w:style>";
    for (long level = 1; level <= 3; ++level) {
        x += "<w:style w:type=\"paragraph\"" +
             attr("w:styleId", "Heading" + std::to_string(level)) + "><w:name" +
             attr("w:val", "heading " + std::to_string(level)) +
             "/>"
             "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
             "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing" +
             attr("w:before", level == 1 ? 240L : 160L) + " w:after=\"120\"/><w:outlineLvl" +
             attr("w:val", level - 1) + "/></w:pPr><w:rPr><w:b/><w:bCs/>" +
             (level == 3 ? "<w:i/><w:iCs/>" : "") + "</w:rPr></w:style>";
    }
    x += "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/><w:jc "
         "w:val=\"center\"/></w:pPr></w:style>";
    x += "</w:styles>";
    return x;
}

std::string header(bool withPageNumber) {
    std::string x(kXmlDecl);
    x += "<w:hdr" + attr("xmlns:w", kW) +
         "><w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>";
    if (withPageNumber) {
        x += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
             "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
             "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
             "<w:r><w:t>2</w:t></w:r>"
             "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    }
    x += "</w:p></w:hdr>";
    return x;
}

void appendRunText(std::string& out, std::string_view text) {
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        if (end > start) {
            out += "<w:t xml:space=\"preserve\">";
            out += xmlEscape(text.substr(start, end - start));
            out += "</w:t>";
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            flush(i);
            out += "<w:br/>";
            start = i + 1;
        } else if (text[i] == '\t') {
            flush(i);
            out += "<w:tab/>";
            start = i + 1;
        }
    }
    flush(text.size());
}

}  // namespace

std::string xmlEscape(std::string_view raw) {
    const std::string s = text::nfc(raw);
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                // XML 1.0 allows no C0 controls besides tab, LF and CR.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    break;
                out.push_back(c);
        }
    }
    return out;
}

DocxWriter::DocxWriter(DocumentInfo info, PageSetup page)
    : info_(std::move(info)), page_(std::move(page)) {
    if (info_.createdAt == 0) {
        info_.createdAt = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    }
}

void DocxWriter::appendParagraph(std::string& out, const Paragraph& p) const {
    const ParagraphFormat& f = p.format;
    out += "<w:p><w:pPr>";
    out += "<w:pStyle" + attr("w:val", styleId(f.style)) + "/>";
    if (f.keepWithNext) out += "<w:keepNext/>";
    if (f.bottomBorder) {
        out +=
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
            "w:color=\"000000\"/></w:pBdr>";
    }
    if (f.spaceBeforePt >= 0 || f.spaceAfterPt >= 0 || f.lineHeightPt > 0) {
        out += "<w:spacing";
        if (f.spaceBeforePt >= 0) out += attr("w:before", twipsFromPt(f.spaceBeforePt));
        if (f.spaceAfterPt >= 0) out += attr("w:after", twipsFromPt(f.spaceAfterPt));
        if (f.lineHeightPt > 0) {
            out += attr("w:line", twipsFromPt(f.lineHeightPt)) +
                   attr("w:lineRule", f.exactLineHeight ? "exact" : "atLeast");
        }
        out += "/>";
    }
    if (f.firstLineIndentMm > 0 || f.leftIndentMm > 0 || f.rightIndentMm > 0) {
        out += "<w:ind";
        if (f.leftIndentMm > 0) out += attr("w:left", twips(f.leftIndentMm));
        if (f.rightIndentMm > 0) out += attr("w:right", twips(f.rightIndentMm));
        if (f.firstLineIndentMm > 0) out += attr("w:firstLine", twips(f.firstLineIndentMm));
        out += "/>";
    }
    out += "<w:jc" + attr("w:val", justification(f.align)) + "/>";
    if (f.outlineLevel >= 1 && f.outlineLevel <= 9)
        out += "<w:outlineLvl" + attr("w:val", static_cast<long>(f.outlineLevel - 1)) + "/>";
    out += "</w:pPr>";
    for (const Run& run : p.runs) {
        out += "<w:r>";
        if (run.bold || run.italic || run.underline || run.sizePt > 0) {
            out += "<w:rPr>";
            if (run.bold) out += "<w:b/><w:bCs/>";
            if (run.italic) out += "<w:i/><w:iCs/>";
            if (run.sizePt > 0) {
                const long size = halfPoints(run.sizePt);
                out += "<w:sz" + attr("w:val", size) + "/><w:szCs" + attr("w:val", size) + "/>";
            }
            if (run.underline) out += "<w:u w:val=\"single\"/>";
            out += "</w:rPr>";
        }
        appendRunText(out, run.text);
        out += "</w:r>";
    }
    out += "</w:p>";
}

void DocxWriter::add(const Paragraph& paragraph) {
    appendParagraph(body_, paragraph);
    endsWithTable_ = false;
    spillIfLarge();
}

void DocxWriter::spillIfLarge() {
    if (body_.size() < kSpillBytes || spillUnavailable_) return;
    if (!spill_) {
        spill_.reset(std::tmpfile());
        // Without a temporary file the body simply stays in memory.
        if (!spill_) {
            spillUnavailable_ = true;
            return;
        }
    }
    // bytes() may have read the file since the last write.
    if (std::fseek(spill_.get(), 0, SEEK_END) != 0 ||
        std::fwrite(body_.data(), 1, body_.size(), spill_.get()) != body_.size()) {
        throw DocxError("Không ghi được tệp tạm của văn bản DOCX");
    }
    spilled_ += body_.size();
    body_.clear();
}

void DocxWriter::add(std::string_view text, ParagraphFormat format) {
    add(Paragraph{{Run{std::string(text)}}, format});
}

void DocxWriter::heading(int level, std::string_view text) {
    ParagraphFormat format;
    switch (level) {
        case 0:
            format.style = ParagraphStyle::Title;
            format.align = Align::Centre;
            break;
        case 1:
            format.style = ParagraphStyle::Heading1;
            break;
        case 2:
            format.style = ParagraphStyle::Heading2;
            break;
        default:
            format.style = ParagraphStyle::Heading3;
            break;
    }
    format.keepWithNext = true;
    add(text, format);
}

void DocxWriter::add(const Table& table) {
    long total = 0;
    for (const double w : table.columnWidthsMm) total += twips(w);
    std::string& out = body_;
    out += "<w:tbl><w:tblPr><w:tblW" + attr("w:w", total) + " w:type=\"dxa\"/>";
    const std::string_view line =
        table.borders ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
                      : "w:val=\"nil\"";
    out += "<w:tblBorders>";
    for (const std::string_view edge : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
        out += "<w:" + std::string(edge) + " " + std::string(line) + "/>";
    }
    out +=
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        "<w:tblCellMar><w:left" +
        attr("w:w", twipsFromPt(table.cellMarginPt)) + " w:type=\"dxa\"/><w:right" +
        attr("w:w", twipsFromPt(table.cellMarginPt)) +
        " w:type=\"dxa\"/></w:tblCellMar>"
        "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
        "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (const double w : table.columnWidthsMm) out += "<w:gridCol" + attr("w:w", twips(w)) + "/>";
    out += "</w:tblGrid>";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out += "<w:tr>";
        if (static_cast<int>(r) < table.headerRows)
            out += "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
        else if (table.cantSplitRows)
            out += "<w:trPr><w:cantSplit/></w:trPr>";
        for (std::size_t c = 0; c < table.columnWidthsMm.size(); ++c) {
            out += "<w:tc><w:tcPr><w:tcW" + attr("w:w", twips(table.columnWidthsMm[c])) +
                   " w:type=\"dxa\"/></w:tcPr>";
            const std::vector<Paragraph>* paragraphs =
                c < table.rows[r].size() ? &table.rows[r][c].paragraphs : nullptr;
            if (!paragraphs || paragraphs->empty()) {
                // Every cell must end with a paragraph.
                out += "<w:p/>";
            } else {
                for (const Paragraph& p : *paragraphs) appendParagraph(out, p);
            }
            out += "</w:tc>";
        }
        out += "</w:tr>";
        spillIfLarge();
    }
    out += "</w:tbl>";
    endsWithTable_ = true;
    spillIfLarge();
}

void DocxWriter::pageBreak() {
    body_ += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    endsWithTable_ = false;
    spillIfLarge();
}

Table DocxWriter::twoColumnLayout(std::vector<Paragraph> left, std::vector<Paragraph> right,
                                  double leftWidthMm, double rightWidthMm) {
    Table t;
    t.columnWidthsMm = {leftWidthMm, rightWidthMm};
    t.headerRows = 0;
    t.borders = false;
    t.rows.push_back({TableCell{std::move(left)}, TableCell{std::move(right)}});
    return t;
}

std::string DocxWriter::bytes() const {
    std::string prefix(kXmlDecl);
    prefix += "<w:document" + attr("xmlns:w", kW) + attr("xmlns:r", kR) + "><w:body>";
    // The body itself is streamed between prefix and suffix, never copied.
    std::string document;
    // Word wants a paragraph between a final table and the section properties.
    if (endsWithTable_ || (body_.empty() && spilled_ == 0)) document += "<w:p/>";
    document += "<w:sectPr>";
    if (page_.pageNumbers) {
        document +=
            "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>"
            "<w:headerReference w:type=\"first\" r:id=\"rId4\"/>";
    }
    document +=
        "<w:pgSz" + attr("w:w", twips(page_.widthMm)) + attr("w:h", twips(page_.heightMm)) + "/>";
    document += "<w:pgMar" + attr("w:top", twips(page_.topMm)) +
                attr("w:right", twips(page_.rightMm)) + attr("w:bottom", twips(page_.bottomMm)) +
                attr("w:left", twips(page_.leftMm)) + attr("w:header", twips(page_.headerMm)) +
                attr("w:footer", twips(page_.headerMm)) + " w:gutter=\"0\"/>";
    // titlePg: the first page uses the empty "first" header, so numbers start on page 2.
    if (page_.pageNumbers) document += "<w:titlePg/>";
    document += "</w:sectPr></w:body></w:document>";

    ZipPackage zip;
    zip.add("[Content_Types].xml", contentTypes());
    zip.add("_rels/.rels", packageRels());
    zip.add("docProps/core.xml", coreProperties(info_));
    if (spill_ && std::fflush(spill_.get()) != 0) {
        throw DocxError("Không ghi được tệp tạm của văn bản DOCX");
    }
    zip.add("word/document.xml",
            std::make_unique<DocumentStream>(std::move(prefix), spill_.get(), spilled_, body_,
                                             std::move(document)));
    zip.add("word/_rels/document.xml.rels", documentRels());
    zip.add("word/styles.xml", styles(page_));
    zip.add("word/settings.xml", settings());
    zip.add("word/header1.xml", header(true));
    zip.add("word/header2.xml", header(false));
    return zip.bytes();
}

void DocxWriter::save(const std::filesystem::path& path) const {
    const std::string data = bytes();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw DocxError("Không ghi được tệp " + path.string());
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) throw DocxError("Lỗi khi ghi tệp " + path.string());
}

}  // namespace gopy::docx
