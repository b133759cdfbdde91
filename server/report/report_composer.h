// Turns a report model into typeset blocks in the Party document format (Hướng dẫn
// 36-HD/VPTW): letterhead, title, numbered parts, justified body, appendix tables, "Nơi nhận"
// and signature. All wording of the reports lives here.
#pragma once

#include <array>
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
    /// Blocks of the combined synthesis: I. sources (conferences, the public, grassroots
    /// organisations sent / not sent), II. comments per section with counts per source,
    /// III. the acceptance summary, signature, and the acceptance table as an appendix (only
    /// when rows exist).
    static std::vector<Block> combined(const CombinedReport& report,
                                       const PageGeometry& geometry = {});
    /// Blocks of the acceptance table on its own, with letterhead and signature.
    static std::vector<Block> acceptance(const AcceptanceReport& report,
                                         const PageGeometry& geometry = {});
    /// The table of rows (STT, location, comment, who (how many), decision, reason) with a
    /// header row that repeats on every page; comments cut to their first `excerptWords`
    /// words (0: in full).
    static Table acceptanceTable(const std::vector<AcceptanceRow>& rows,
                                 const PageGeometry& geometry = {}, std::size_t excerptWords = 0);
    /// "Bảng tổng hợp có 12 dòng (3 nhóm …): 5 tiếp thu; …" from rows per decision.
    static std::string acceptanceSummary(const std::array<int, 4>& byDecision, int groups);
    /// "Tiếp thu", "Tiếp thu một phần", "Không tiếp thu", "Chưa xem xét".
    static std::string decisionLabel(Acceptance decision);

    /// "Phần II, mục 3, điểm a" for a section code, from the outline; the code itself if unknown.
    static std::string location(const std::vector<Section>& outline, const std::string& code);
    /// "nhất trí", "đề nghị bổ sung", … as the report's sentences use them.
    static std::string kindPhrase(CommentKind kind);
    /// "Nhất trí", "Bổ sung", … for table cells and list labels.
    static std::string kindLabel(CommentKind kind);
};

}  // namespace gopy::server::report
