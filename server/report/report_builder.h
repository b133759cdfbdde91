// Builds the report models from what the engine hands out (Welcome, Snapshots): who spoke,
// how long, which comments on which section, with what counts, in the draft's order.
#pragma once

#include <vector>

#include "gopy/protocol.h"
#include "server/report/report_model.h"

namespace gopy::server::report {

class ReportBuilder {
public:
    /// The per-meeting synthesis of `snapshot`'s conference, dated `now`.
    static ConferenceReport conference(const proto::Welcome& welcome,
                                       const proto::Snapshot& snapshot, Millis now);

    /// The combined synthesis: every conference of the campaign, the public and grassroots
    /// channels when they hold comments; `acceptance` rows are carried as given.
    static CombinedReport combined(const proto::Welcome& welcome,
                                   const std::vector<proto::Snapshot>& snapshots, Millis now,
                                   std::vector<AcceptanceRow> acceptance = {});

    /// Letterhead, "Số   -BC/<code>" and the dated place line.
    static Heading heading(const Campaign& campaign, Millis now);
};

}  // namespace gopy::server::report
