#include "server/report/pdf_renderer.h"

#include "server/report/layout_engine.h"

namespace gopy::server::report {

std::string PdfRenderer::render(const std::vector<Block>& blocks, const DocumentInfo& info,
                                   const PageGeometry& geometry,
                                   const std::filesystem::path& fontDir) {
    PdfDocument pdf(fontDir);
    pdf.setInfo(info);
    LayoutEngine layout(pdf, geometry, [&](Page&& page) { pdf.drawPage(page, geometry); });
    for (const Block& block : blocks) layout.add(block);
    layout.finish();
    return pdf.save();
}

}  // namespace gopy::server::report
