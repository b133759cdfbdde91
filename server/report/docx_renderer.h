// Blocks → DOCX bytes: the same composed document the PDF renderer lays out (report_composer.h),
// written through gopy::docx::DocxWriter so that the editable file and the PDF cannot drift:
// the same paragraphs, faces, sizes, alignment, indents, tables with repeated header rows,
// letterhead and signature blocks, A4 page with the same margins.
#pragma once

#include <string>
#include <vector>

#include "server/report/layout_types.h"
#include "server/report/pdf_document.h"

namespace gopy::server::report {

class DocxRenderer {
public:
    /// The .docx package for `blocks`. Throws gopy::docx::DocxError when the package cannot be
    /// written.
    static std::string render(const std::vector<Block>& blocks, const DocumentInfo& info,
                              const PageGeometry& geometry = {});
};

}  // namespace gopy::server::report
