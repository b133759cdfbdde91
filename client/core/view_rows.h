// What the list models show, computed from ConferenceData in plain C++ (testable without Qt
// views): joined names, grouping labels, draft order, counts. All business rules of the views.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "client/core/conference_data.h"
#include "client/core/outline.h"
#include "gopy/model.h"

namespace gopy::client {

struct ParticipantRow {
    Participant participant;
    std::string sortKey;  ///< text::personSortKey of the full name
    std::string searchText;  ///< name, title, organisation, group (matched with text::matches)
    bool operator==(const ParticipantRow&) const = default;
};

struct TurnRow {
    Turn turn;
    std::string fullName;
    std::string title;
    std::int64_t secondsUsed = 0;  ///< so far for a speaking turn (at `now`), total when done
    bool pending = false;
    bool operator==(const TurnRow&) const = default;
};

struct CommentRow {
    Comment comment;
    std::string speakerName;
    std::string speakerTitle;
    std::string speakerGroup;
    std::string sectionLabel;  ///< first section "II.3 — title"; "Chung" when untagged
    int sectionOrder = 0;      ///< draft order of the first section
    bool pending = false;      ///< an unacknowledged local edit touches it
    bool hasConflict = false;  ///< an unresolved conflict exists
    bool operator==(const CommentRow&) const = default;
};

struct SectionSummaryRow {
    std::string code;
    std::string label;
    std::string title;
    int order = 0;
    int total = 0;
    int byKind[6] = {};  ///< indexed by CommentKind
    bool operator==(const SectionSummaryRow&) const = default;
};

struct GroupCount {
    std::string group;  ///< "" shown as "Khác"
    int comments = 0;
    int speakers = 0;
    bool operator==(const GroupCount&) const = default;
};

struct ConflictRow {
    CommentConflict conflict;
    std::string currentText;
    /// What else the losing edit carried that differs from the comment now, for people:
    /// "Phân loại của bản này: mục II.1; loại: sửa đổi." — or, for a comment deleted
    /// meanwhile, that saving restores it. Empty when only the texts differ.
    std::string detail;
    bool deleted = false;  ///< the comment was deleted; resolving restores it
    bool operator==(const ConflictRow&) const = default;
};

/// Label of the group of comments without a section.
inline constexpr const char* kGeneralSectionLabel = "Chung";

std::vector<ParticipantRow> participantRows(const ConferenceData& data);
/// Queue in position order; secondsUsed of a speaking turn measured up to `now`.
std::vector<TurnRow> turnRows(const ConferenceData& data, const std::set<std::string>& pending,
                              Millis now);
/// Sorted by the draft order of the first section (untagged first), then creation time.
std::vector<CommentRow> commentRows(const ConferenceData& data, const Outline& outline,
                                    const std::set<std::string>& pending);
/// One row per section with comments, in draft order; a comment counts in every section it
/// is tagged with.
std::vector<SectionSummaryRow> sectionSummary(const ConferenceData& data, const Outline& outline);
/// Comments and distinct speakers per delegate group, largest first.
std::vector<GroupCount> groupCounts(const ConferenceData& data);
std::vector<ConflictRow> conflictRows(const ConferenceData& data);
/// Position for a turn moved to `toIndex` of the position-ordered queue (fractional, so only
/// the moved turn changes).
double positionForMove(const std::vector<Turn>& turns, const std::string& turnId, int toIndex);
/// Position after the last turn.
double positionAtEnd(const std::vector<Turn>& turns);

}  // namespace gopy::client
