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

    /// What the combined synthesis reads besides the conferences' snapshots (store tables).
    struct ChannelData {
        std::vector<GrassrootsOrganisation> organisations;  ///< every grassroots organisation
        std::vector<CommentGroup> groups;                   ///< the drafting team's groups
    };

    /// How the acceptance table lists comments the drafting team has not answered yet (not in
    /// a group, decision Pending).
    enum class PendingRows {
        PerSection,  ///< one row per section counting them (the combined synthesis's appendix)
        Each,        ///< one row each (the table on its own, the drafting team's work list)
    };

    /// The combined synthesis: every conference of the campaign in order, then the public
    /// channel, then the grassroots channel (each listed even without comments); the
    /// acceptance table with one row per group and per answered ungrouped comment that has a
    /// section, and the unanswered ones as `pending` says.
    static CombinedReport combined(const proto::Welcome& welcome,
                                   const std::vector<proto::Snapshot>& snapshots, Millis now,
                                   const ChannelData& channels = {},
                                   PendingRows pending = PendingRows::PerSection);

    /// The acceptance table on its own, from the same data as `combined`.
    static AcceptanceReport acceptance(const proto::Welcome& welcome,
                                       const std::vector<proto::Snapshot>& snapshots, Millis now,
                                       const ChannelData& channels = {});

    /// Letterhead, "Số   -BC/<code>" and the dated place line.
    static Heading heading(const Campaign& campaign, Millis now);
};

}  // namespace gopy::server::report
