// Blocks → PDF bytes: lays the blocks out page by page and draws each page into libharu as
// soon as it is full (memory does not grow with the number of pages kept by layout).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "server/report/layout_types.h"
#include "server/report/pdf_document.h"

namespace gopy::server::report {

class PdfRenderer {
public:
    /// The PDF file for `blocks`. Throws PdfError when libharu or a font fails.
    static std::string render(const std::vector<Block>& blocks, const DocumentInfo& info,
                              const PageGeometry& geometry = {},
                              const std::filesystem::path& fontDir = defaultFontDir());
};

}  // namespace gopy::server::report
