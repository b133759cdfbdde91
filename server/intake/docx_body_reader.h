// word/document.xml → the draft's blocks: headings (by style or outline level), paragraphs,
// and table rows, with the labels of Word's automatic numbering.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/intake/docx_numbering.h"
#include "server/intake/docx_styles.h"
#include "server/intake/draft_block.h"

namespace gopy::intake {

class DocxBodyReader {
public:
    DocxBodyReader(const DocxStyles& styles, DocxNumbering& numbering)
        : styles_(styles), numbering_(numbering) {}

    /// Reads the body of document.xml into `blocks`. Returns an empty string on success, else
    /// the XML error. Text boxes, deleted text, field codes and alternate content fall-backs
    /// are skipped; a table row becomes one block with its cells joined by " | ".
    std::string read(std::string_view documentXml, std::vector<DraftBlock>& blocks);

private:
    const DocxStyles& styles_;
    DocxNumbering& numbering_;
};

/// NFC, white space runs collapsed to one space, trimmed.
std::string cleanText(std::string_view raw);

}  // namespace gopy::intake
