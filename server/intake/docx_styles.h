// The paragraph styles of a .docx (word/styles.xml): which are headings, which is the title,
// and which carry list numbering.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gopy::intake {

class DocxStyles {
public:
    /// Reads styles.xml. Returns an empty string on success, else the XML error.
    std::string load(std::string_view xml);

    /// Heading depth (1 = "heading 1" or w:outlineLvl 0) of a style, following w:basedOn;
    /// 0 if the style is not a heading. Unknown ids are recognised by name ("Heading2").
    [[nodiscard]] int headingLevel(const std::string& styleId) const;
    /// True for the "Title" style (or a style based on it).
    [[nodiscard]] bool isTitle(const std::string& styleId) const;
    /// The list numbering a style carries (numId, ilvl), following w:basedOn; numId 0 if none.
    [[nodiscard]] std::pair<int, int> numbering(const std::string& styleId) const;

    struct Style {
        std::string name;
        std::string basedOn;
        int outlineLevel = -1;  ///< w:outlineLvl, -1 if absent
        int numId = -1;         ///< -1 if absent
        int ilvl = -1;
    };

private:
    [[nodiscard]] const Style* find(const std::string& styleId) const;
    std::map<std::string, Style, std::less<>> styles_;
};

/// The heading depth a style name or id denotes: "heading 1", "Heading1", "Tiêu đề 2",
/// "Đề mục 3" → 1, 1, 2, 3; 0 for anything else.
int headingLevelFromName(std::string_view name);

}  // namespace gopy::intake
