// expat wrapper: namespace-aware parsing of one XML part held in memory.
#include "server/intake/xml_reader.h"

#include <expat.h>

#include <limits>
#include <memory>

namespace gopy::intake {
namespace {

constexpr char kSeparator = '|';
constexpr std::string_view kWordMain =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

struct ParserDeleter {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
};
using ParserPtr = std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserDeleter>;

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    static_cast<XmlHandler*>(data)->startElement(name, attributes);
}

void XMLCALL onEnd(void* data, const XML_Char* name) {
    static_cast<XmlHandler*>(data)->endElement(name);
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
    static_cast<XmlHandler*>(data)->characters(
        std::string_view(text, static_cast<std::size_t>(length)));
}

}  // namespace

std::string parseXml(std::string_view xml, std::string_view part, XmlHandler& handler) {
    ParserPtr parser(XML_ParserCreateNS("UTF-8", kSeparator));
    if (!parser) return std::string(part) + ": không tạo được bộ phân tích XML";
    XML_SetUserData(parser.get(), &handler);
    XML_SetElementHandler(parser.get(), onStart, onEnd);
    XML_SetCharacterDataHandler(parser.get(), onText);
    // Parts larger than INT_MAX are fed in pieces; expat's length is an int.
    constexpr auto kPiece = static_cast<std::size_t>(std::numeric_limits<int>::max() / 2);
    std::size_t offset = 0;
    do {
        const std::size_t n = std::min(kPiece, xml.size() - offset);
        const bool last = offset + n == xml.size();
        if (XML_Parse(parser.get(), xml.data() + offset, static_cast<int>(n), last ? 1 : 0) ==
            XML_STATUS_ERROR) {
            return std::string(part) + ", dòng " +
                   std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                   XML_ErrorString(XML_GetErrorCode(parser.get()));
        }
        offset += n;
    } while (offset < xml.size());
    return {};
}

std::string_view wordLocalName(std::string_view name) {
    const std::size_t bar = name.rfind(kSeparator);
    if (bar == std::string_view::npos) return {};
    const std::string_view ns = name.substr(0, bar);
    if (ns != kWordMain && ns != kWordStrict) return {};
    return name.substr(bar + 1);
}

const char* wordAttribute(const char** attributes, std::string_view local) {
    for (const char** a = attributes; a && a[0]; a += 2) {
        if (wordLocalName(a[0]) == local) return a[1];
    }
    return nullptr;
}

}  // namespace gopy::intake
