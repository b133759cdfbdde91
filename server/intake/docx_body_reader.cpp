// document.xml event handling: paragraph properties, runs, tables.
#include "server/intake/docx_body_reader.h"

#include <charconv>

#include "gopy/text.h"
#include "server/intake/xml_reader.h"

namespace gopy::intake {
namespace {

constexpr std::string_view kMarkupCompat =
    "http://schemas.openxmlformats.org/markup-compatibility/2006|Fallback";

int toInt(const char* s, int fallback) {
    if (!s) return fallback;
    int value = fallback;
    const std::string_view v(s);
    const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || ptr != v.data() + v.size()) return fallback;
    return value;
}

bool isSkippedSubtree(std::string_view local) {
    return local == "delText" || local == "instrText" || local == "delInstrText" ||
           local == "txbxContent" || local == "pPrChange" || local == "rPrChange" ||
           local == "footnoteReference" || local == "endnoteReference" || local == "del";
}

class BodyHandler : public XmlHandler {
public:
    BodyHandler(const DocxStyles& styles, DocxNumbering& numbering, std::vector<DraftBlock>& blocks)
        : styles_(styles), numbering_(numbering), blocks_(blocks) {}

    void startElement(std::string_view name, const char** attributes) override {
        if (skipDepth_ > 0) {
            ++skipDepth_;
            return;
        }
        const std::string_view local = wordLocalName(name);
        if (name == kMarkupCompat || isSkippedSubtree(local)) {
            skipDepth_ = 1;
            return;
        }
        if (local.empty()) return;
        if (local == "tbl") {
            ++tableDepth_;
            return;
        }
        if (tableDepth_ == 1 && local == "tr") {
            cells_.clear();
            return;
        }
        if (tableDepth_ == 1 && local == "tc") {
            cell_.clear();
            return;
        }
        if (local == "p") {
            ++paragraphDepth_;
            if (paragraphDepth_ == 1) startParagraph();
            return;
        }
        if (paragraphDepth_ == 0) return;
        if (local == "pPr") inPPr_ = true;
        const char* val = wordAttribute(attributes, "val");
        if (inPPr_) {
            if (local == "pStyle" && val)
                styleId_ = val;
            else if (local == "outlineLvl")
                outlineLevel_ = toInt(val, -1);
            else if (local == "numId")
                numId_ = toInt(val, 0);
            else if (local == "ilvl")
                ilvl_ = toInt(val, 0);
            return;
        }
        if (local == "t")
            inText_ = true;
        else if (local == "tab" || local == "br" || local == "cr")
            text_.push_back(' ');
        else if (local == "noBreakHyphen")
            text_.push_back('-');
    }

    void endElement(std::string_view name) override {
        if (skipDepth_ > 0) {
            --skipDepth_;
            return;
        }
        const std::string_view local = wordLocalName(name);
        if (local.empty()) return;
        if (local == "t")
            inText_ = false;
        else if (local == "pPr")
            inPPr_ = false;
        else if (local == "p") {
            if (paragraphDepth_ == 1) endParagraph();
            if (paragraphDepth_ > 0) --paragraphDepth_;
        } else if (tableDepth_ == 1 && local == "tc") {
            cells_.push_back(cleanText(cell_));
        } else if (tableDepth_ == 1 && local == "tr") {
            endRow();
        } else if (local == "tbl" && tableDepth_ > 0) {
            --tableDepth_;
        }
    }

    void characters(std::string_view text) override {
        if (skipDepth_ == 0 && inText_ && paragraphDepth_ > 0) text_.append(text);
    }

private:
    void startParagraph() {
        styleId_.clear();
        outlineLevel_ = -1;
        numId_ = -1;
        ilvl_ = 0;
        text_.clear();
    }

    void endParagraph() {
        // Numbering counts every numbered paragraph, as Word does, even in tables.
        int numId = numId_;
        int ilvl = ilvl_;
        if (numId < 0) {
            const auto [styleNum, styleLevel] = styles_.numbering(styleId_);
            numId = styleNum;
            ilvl = styleLevel;
        }
        const std::string label = numId > 0 ? numbering_.next(numId, ilvl) : std::string();
        std::string text = cleanText(text_);
        if (tableDepth_ > 0) {
            std::string item = label.empty() ? text : label + " " + text;
            if (item.empty()) return;
            if (!cell_.empty()) cell_.push_back(' ');
            cell_ += item;
            return;
        }
        DraftBlock block;
        block.title = styles_.isTitle(styleId_);
        if (outlineLevel_ >= 0 && outlineLevel_ < 9)
            block.headingLevel = outlineLevel_ + 1;
        else if (outlineLevel_ < 0)
            block.headingLevel = styles_.headingLevel(styleId_);
        if (block.title) block.headingLevel = 0;
        if (text.empty() && (label.empty() || block.headingLevel == 0)) return;
        if (block.headingLevel > 0) {
            block.label = label;
            block.text = std::move(text);
        } else {
            block.text = label.empty() ? std::move(text) : label + " " + text;
        }
        blocks_.push_back(std::move(block));
    }

    void endRow() {
        std::string row;
        for (const std::string& cell : cells_) {
            if (cell.empty()) continue;
            if (!row.empty()) row += " | ";
            row += cell;
        }
        cells_.clear();
        if (row.empty()) return;
        DraftBlock block;
        block.text = std::move(row);
        blocks_.push_back(std::move(block));
    }

    const DocxStyles& styles_;
    DocxNumbering& numbering_;
    std::vector<DraftBlock>& blocks_;
    int skipDepth_ = 0;
    int tableDepth_ = 0;
    int paragraphDepth_ = 0;
    bool inPPr_ = false;
    bool inText_ = false;
    std::string styleId_;
    int outlineLevel_ = -1;
    int numId_ = -1;
    int ilvl_ = 0;
    std::string text_;
    std::string cell_;
    std::vector<std::string> cells_;
};

}  // namespace

std::string cleanText(std::string_view raw) {
    const std::string normalised = text::nfc(raw);
    std::string out;
    out.reserve(normalised.size());
    bool space = false;
    for (std::size_t i = 0; i < normalised.size(); ++i) {
        const char c = normalised[i];
        // U+00A0 NO-BREAK SPACE counts as white space here.
        const bool nbsp = c == '\xC2' && i + 1 < normalised.size() && normalised[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || nbsp) {
            if (nbsp) ++i;
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string DocxBodyReader::read(std::string_view documentXml, std::vector<DraftBlock>& blocks) {
    BodyHandler handler(styles_, numbering_, blocks);
    return parseXml(documentXml, "word/document.xml", handler);
}

}  // namespace gopy::intake
