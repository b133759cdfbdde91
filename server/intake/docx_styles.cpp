// styles.xml: style ids, names, w:basedOn, w:outlineLvl and w:numPr of paragraph styles.
#include "server/intake/docx_styles.h"

#include <array>
#include <cctype>
#include <charconv>

#include "gopy/text.h"
#include "server/intake/xml_reader.h"

namespace gopy::intake {
namespace {

int toInt(const char* s, int fallback) {
    if (!s) return fallback;
    int value = fallback;
    const std::string_view v(s);
    const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || ptr != v.data() + v.size()) return fallback;
    return value;
}

class StylesHandler : public XmlHandler {
public:
    explicit StylesHandler(std::map<std::string, DocxStyles::Style, std::less<>>& styles)
        : styles_(styles) {}

    void startElement(std::string_view name, const char** attributes) override {
        const std::string_view local = wordLocalName(name);
        if (local == "style") {
            const char* type = wordAttribute(attributes, "type");
            const char* id = wordAttribute(attributes, "styleId");
            inParagraphStyle_ = id && (!type || std::string_view(type) == "paragraph");
            if (inParagraphStyle_) {
                currentId_ = id;
                current_ = {};
            }
            return;
        }
        if (!inParagraphStyle_) return;
        // Only the style's own pPr counts; a tracked change (pPrChange) holds the old one.
        if (local == "pPrChange") ++ignoreDepth_;
        if (ignoreDepth_ > 0) return;
        const char* val = wordAttribute(attributes, "val");
        if (local == "name" && val)
            current_.name = val;
        else if (local == "basedOn" && val)
            current_.basedOn = val;
        else if (local == "outlineLvl")
            current_.outlineLevel = toInt(val, -1);
        else if (local == "numId")
            current_.numId = toInt(val, -1);
        else if (local == "ilvl")
            current_.ilvl = toInt(val, -1);
    }

    void endElement(std::string_view name) override {
        const std::string_view local = wordLocalName(name);
        if (local == "pPrChange" && ignoreDepth_ > 0) --ignoreDepth_;
        if (local == "style" && inParagraphStyle_) {
            styles_[currentId_] = current_;
            inParagraphStyle_ = false;
        }
    }

    void characters(std::string_view) override {}

private:
    std::map<std::string, DocxStyles::Style, std::less<>>& styles_;
    bool inParagraphStyle_ = false;
    int ignoreDepth_ = 0;
    std::string currentId_;
    DocxStyles::Style current_;
};

constexpr int kMaxChain = 16;  // w:basedOn chains are short; a cycle must not loop forever

}  // namespace

int headingLevelFromName(std::string_view name) {
    // "Heading1", "heading 1", "Tiêu đề 1", "Đề mục 1": a known word, then one digit 1–9.
    std::string folded = text::fold(name);
    std::string compact;
    for (const char c : folded) {
        if (c != ' ') compact.push_back(c);
    }
    static constexpr std::array<std::string_view, 4> kPrefixes = {"heading", "tieude", "demuc",
                                                                  "daude"};
    for (const std::string_view prefix : kPrefixes) {
        if (compact.size() == prefix.size() + 1 && compact.starts_with(prefix) &&
            std::isdigit(static_cast<unsigned char>(compact.back())) && compact.back() != '0') {
            return compact.back() - '0';
        }
    }
    return 0;
}

std::string DocxStyles::load(std::string_view xml) {
    StylesHandler handler(styles_);
    return parseXml(xml, "word/styles.xml", handler);
}

const DocxStyles::Style* DocxStyles::find(const std::string& styleId) const {
    const auto it = styles_.find(styleId);
    return it == styles_.end() ? nullptr : &it->second;
}

int DocxStyles::headingLevel(const std::string& styleId) const {
    std::string id = styleId;
    for (int i = 0; i < kMaxChain && !id.empty(); ++i) {
        const Style* style = find(id);
        if (!style) return headingLevelFromName(id);
        if (const int byName = headingLevelFromName(style->name); byName > 0) return byName;
        if (style->outlineLevel >= 0 && style->outlineLevel < 9) return style->outlineLevel + 1;
        if (style->outlineLevel == 9) return 0;
        if (const int byId = headingLevelFromName(id); byId > 0) return byId;
        id = style->basedOn;
    }
    return 0;
}

bool DocxStyles::isTitle(const std::string& styleId) const {
    std::string id = styleId;
    for (int i = 0; i < kMaxChain && !id.empty(); ++i) {
        const Style* style = find(id);
        const std::string name = text::fold(style ? style->name : id);
        if (name == "title" || text::fold(id) == "title") return true;
        if (!style) return false;
        id = style->basedOn;
    }
    return false;
}

std::pair<int, int> DocxStyles::numbering(const std::string& styleId) const {
    std::string id = styleId;
    for (int i = 0; i < kMaxChain && !id.empty(); ++i) {
        const Style* style = find(id);
        if (!style) return {0, 0};
        if (style->numId >= 0) return {style->numId, style->ilvl < 0 ? 0 : style->ilvl};
        id = style->basedOn;
    }
    return {0, 0};
}

}  // namespace gopy::intake
