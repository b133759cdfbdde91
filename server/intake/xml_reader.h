// A thin RAII wrapper around expat with namespace processing: element names arrive as
// "namespace-uri|local-name", so prefixes chosen by the writer do not matter.
#pragma once

#include <string>
#include <string_view>

namespace gopy::intake {

/// Receives the events of one parse. Implementations must not throw.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    /// An element starts; `attributes` is expat's null-terminated name/value array.
    virtual void startElement(std::string_view name, const char** attributes) = 0;
    /// An element ends.
    virtual void endElement(std::string_view name) = 0;
    /// Character data (may arrive in several pieces).
    virtual void characters(std::string_view text) = 0;
};

/// Parses `xml` completely, sending events to `handler`. Returns an empty string on success,
/// else expat's message with the line number. `part` names the part in the message.
std::string parseXml(std::string_view xml, std::string_view part, XmlHandler& handler);

/// The local name when `name` is in the WordprocessingML main namespace (transitional or
/// strict), else an empty view.
std::string_view wordLocalName(std::string_view name);

/// The value of the WordprocessingML attribute `local` ("val", "styleId"), or nullptr.
const char* wordAttribute(const char** attributes, std::string_view local);

}  // namespace gopy::intake
