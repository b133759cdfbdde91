// Draft import: the draft Political Report from a .docx file or Markdown into a typed outline
// (parts, sections, sub-sections with stable codes) and numbered paragraphs. No database access.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/model.h"

namespace gopy::intake {

/// One body paragraph of the draft, numbered within its section so a comment can point at
/// "II.3 ¶2". Table rows are paragraphs too (cells joined by " | ").
struct DraftParagraph {
    std::string sectionCode;
    int number = 0;  ///< 1, 2, … within the section
    std::string text;
    bool operator==(const DraftParagraph&) const = default;
};

/// The imported draft: the outline in document order and the paragraphs under each heading.
struct DraftOutline {
    std::string title;                       ///< the "Title" paragraph, or empty
    std::vector<Section> sections;           ///< ord is 1, 2, … in document order
    std::vector<DraftParagraph> paragraphs;  ///< in document order
    std::vector<std::string> preamble;       ///< text before the first heading (title page)
    bool operator==(const DraftOutline&) const = default;
};

enum class DraftError {
    Unreadable,     ///< the file cannot be opened or read
    UnknownFormat,  ///< neither .docx nor Markdown
    NotZip,         ///< the bytes are not a zip archive
    NoDocument,     ///< the archive has no word/document.xml
    MalformedXml,   ///< a part of the archive is not well-formed XML
    NoHeadings,     ///< no heading was found, so there is no outline
};

/// A refused draft: the kind of failure and a Vietnamese message for the user.
class DraftImportError : public std::runtime_error {
public:
    DraftImportError(DraftError error, const std::string& message);
    /// The kind of failure.
    [[nodiscard]] DraftError error() const noexcept { return error_; }

private:
    DraftError error_;
};

/// Imports a .docx given as its bytes. Headings are paragraphs whose style (or style chain)
/// is a heading ("heading 1", "Tiêu đề 1", "Heading1", or a w:outlineLvl), or that carry a
/// w:outlineLvl themselves; the three shallowest heading levels become parts, sections and
/// sub-sections, deeper ones are paragraphs. Throws DraftImportError.
DraftOutline importDocx(std::string_view bytes);

/// Imports Markdown: "#", "##", "###" headings (relative: the shallowest used is a part);
/// paragraphs are blocks separated by blank lines, list items and table rows. A lone,
/// unlabelled first level-1 heading above deeper headings is the title.
/// Throws DraftImportError(NoHeadings).
DraftOutline importMarkdown(std::string_view utf8);

/// Imports a file: a zip (by its "PK" signature) as .docx, anything else as Markdown.
/// Throws DraftImportError.
DraftOutline importDraftFile(const std::filesystem::path& path);

}  // namespace gopy::intake
