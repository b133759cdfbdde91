// What the drafting team's work list shows, computed in plain C++ from the state of every
// conference of the campaign (testable without Qt views): one row per comment of every
// channel with its source and answer, the groups, the per-section counts.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "client/core/conference_data.h"
#include "client/core/outline.h"
#include "gopy/model.h"

namespace gopy::client {

/// The campaign as the drafting team sees it: every conference's state, the outline and the
/// grassroots organisations (for the names of their comments' senders).
struct CampaignState {
    std::map<std::int64_t, ConferenceData> conferences;
    std::vector<GrassrootsOrganisation> organisations;
};

struct WorkItemRow {
    Comment comment;
    Channel channel = Channel::Conference;
    std::string source;        ///< "Hội nghị 2", "Nhân dân", "Tổ chức cơ sở đảng"
    std::string who;           ///< speaker, author (and ward) or organisation
    std::string sectionLabel;  ///< group's or first section "II.3 — title"; "Chưa phân mục" without one
    int sectionOrder = -1;     ///< draft order of the group's or first section; -1 unassigned
    std::string groupId;       ///< the group it belongs to, "" when none
    std::int64_t groupConferenceId = 0;
    std::string groupSection;
    Acceptance acceptance = Acceptance::Pending;  ///< the group's answer, else its own
    std::string acceptanceNote;
    std::string searchFolded;  ///< text, who, source, sections; folded for case and diacritics
    bool pending = false;      ///< an unacknowledged local edit touches it
    bool operator==(const WorkItemRow&) const = default;
};

struct GroupRow {
    CommentGroup group;
    std::int64_t conferenceId = 0;  ///< where it was set (its operations go there)
    std::string sectionLabel;
    int sectionOrder = -1;
    std::string gist;               ///< the first member's text
    bool operator==(const GroupRow&) const = default;
};

struct SectionCountRow {
    Section section;
    std::string label;   ///< "II.3 — title"
    int total = 0;       ///< comments tagged with it or a section below it
    int pending = 0;     ///< of those, not answered yet
    int groups = 0;      ///< groups of it or a section below it
    bool operator==(const SectionCountRow&) const = default;
};

/// Label of the comments without a section in the drafting team's list.
inline constexpr const char* kUnassignedLabel = "Chưa phân mục";
/// Filter value of WorkItemModel::setSection for comments without a section.
inline constexpr const char* kUnassignedFilter = "__unassigned";

/// "Hội nghị 2" (the conference's place among the conference channel's, by id), "Nhân dân",
/// "Tổ chức cơ sở đảng".
std::string sourceLabel(const CampaignState& state, std::int64_t conferenceId);
/// Every comment of every conference: sorted by the draft order of the group's section (or
/// the first section; unassigned first), members of a group together, then conference and
/// creation order.
std::vector<WorkItemRow> workItems(const CampaignState& state, const Outline& outline,
                                   const std::set<std::string>& pending);
/// Every group of every conference, in draft order of their section.
std::vector<GroupRow> groupRows(const CampaignState& state, const Outline& outline);
/// One row per outline section in draft order, counting its subtree.
std::vector<SectionCountRow> sectionCounts(const Outline& outline, const std::vector<WorkItemRow>& items,
                                           const std::vector<GroupRow>& groups);
/// True when `code` is `ancestor` or a section below it in the outline ("II.3.a" is under "II").
bool inSubtree(const Outline& outline, const std::string& code, const std::string& ancestor);
/// Vietnamese label for people: "Tiếp thu", "Tiếp thu một phần", "Không tiếp thu", "Chưa trả lời".
std::string acceptanceLabel(Acceptance acceptance);

}  // namespace gopy::client
