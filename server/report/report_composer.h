// Turns a report model into typeset blocks in the Party document format (Hướng dẫn
// 36-HD/VPTW): letterhead, title, numbered parts, justified body, appendix tables, "Nơi nhận"
// and signature. All wording of the reports lives here.
#pragma once

#include <string>
#include <vector>

#include "server/report/layout_types.h"
#include "server/report/report_model.h"

namespace gopy::server::report {

class ReportComposer {
public:
    /// Blocks of the per-meeting synthesis.
    static std::vector<Block> conference(const ConferenceReport& report,
                                         const PageGeometry& geometry = {});
    /// Blocks of the combined synthesis (acceptance table only when rows exist).
    static std::vector<Block> combined(const CombinedReport& report,
                                       const PageGeometry& geometry = {});

    /// "Phần II, mục 3, điểm a" for a section code, from the outline; the code itself if unknown.
    static std::string location(const std::vector<Section>& outline, const std::string& code);
    /// "nhất trí", "đề nghị bổ sung", … as the report's sentences use them.
    static std::string kindPhrase(CommentKind kind);
    /// "Nhất trí", "Bổ sung", … for table cells and list labels.
    static std::string kindLabel(CommentKind kind);
};

}  // namespace gopy::server::report
