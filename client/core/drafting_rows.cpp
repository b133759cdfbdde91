#include "client/core/drafting_rows.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "gopy/text.h"

namespace gopy::client {

namespace {

std::string whoOf(const CampaignState& state, const ConferenceData& data, const Comment& comment)
{
    if (data.conference.channel == Channel::Conference || !comment.origin) {
        const Participant* p = data.participant(comment.participantId);
        return p != nullptr ? p->fullName : std::string();
    }
    const CommentOrigin& origin = *comment.origin;
    if (data.conference.channel == Channel::Grassroots || origin.organisationId != 0) {
        for (const GrassrootsOrganisation& o : state.organisations) {
            if (o.id == origin.organisationId)
                return o.name;
        }
        return "Tổ chức cơ sở đảng số " + std::to_string(origin.organisationId);
    }
    if (origin.authorName.empty())
        return origin.ward.empty() ? std::string("Nhân dân") : "Nhân dân phường " + origin.ward;
    return origin.ward.empty() ? origin.authorName : origin.authorName + " (phường " + origin.ward + ")";
}

}  // namespace

bool inSubtree(const Outline& outline, const std::string& code, const std::string& ancestor)
{
    std::string current = code;
    // Bounded by the outline's depth; the guard stops a malformed parent loop.
    for (std::size_t steps = 0; !current.empty() && steps <= outline.sections().size(); ++steps) {
        if (current == ancestor)
            return true;
        const Section* section = outline.find(current);
        current = section != nullptr ? section->parentCode : std::string();
    }
    return false;
}

std::string acceptanceLabel(Acceptance acceptance)
{
    switch (acceptance) {
    case Acceptance::Accepted: return "Tiếp thu";
    case Acceptance::Partly: return "Tiếp thu một phần";
    case Acceptance::NotAccepted: return "Không tiếp thu";
    case Acceptance::Pending: return "Chưa trả lời";
    }
    return "Chưa trả lời";
}

std::string sourceLabel(const CampaignState& state, std::int64_t conferenceId)
{
    auto it = state.conferences.find(conferenceId);
    if (it == state.conferences.end())
        return {};
    switch (it->second.conference.channel) {
    case Channel::Public: return "Nhân dân";
    case Channel::Grassroots: return "Tổ chức cơ sở đảng";
    case Channel::Conference: break;
    }
    int number = 0;
    for (const auto& [id, data] : state.conferences) {
        if (data.conference.channel == Channel::Conference)
            ++number;
        if (id == conferenceId)
            break;
    }
    return "Hội nghị " + std::to_string(number);
}

std::vector<WorkItemRow> workItems(const CampaignState& state, const Outline& outline,
                                   const std::set<std::string>& pending)
{
    struct Membership {
        const CommentGroup* group = nullptr;
        std::int64_t conferenceId = 0;
    };
    std::unordered_map<std::string, Membership> memberOf;
    for (const auto& [id, data] : state.conferences) {
        for (const CommentGroup& group : data.groups) {
            for (const std::string& member : group.commentIds)
                memberOf[member] = {&group, id};
        }
    }
    std::vector<WorkItemRow> rows;
    std::vector<std::size_t> rank;  // conference then creation order, for a stable tie-break
    for (const auto& [id, data] : state.conferences) {
        const std::string source = sourceLabel(state, id);
        for (const Comment& comment : data.comments) {
            WorkItemRow row;
            row.comment = comment;
            row.channel = data.conference.channel;
            row.source = source;
            row.who = whoOf(state, data, comment);
            row.acceptance = comment.acceptance;
            row.acceptanceNote = comment.acceptanceNote;
            std::string sortSection = comment.sections.empty() ? std::string() : comment.sections.front();
            if (auto m = memberOf.find(comment.id); m != memberOf.end()) {
                row.groupId = m->second.group->id;
                row.groupConferenceId = m->second.conferenceId;
                row.groupSection = m->second.group->section;
                row.acceptance = m->second.group->acceptance;
                row.acceptanceNote = m->second.group->explanation;
                if (!row.groupSection.empty())
                    sortSection = row.groupSection;
            }
            // The heading the row is listed under: its group's section, else its first one.
            row.sectionLabel = sortSection.empty() ? std::string(kUnassignedLabel) : outline.label(sortSection);
            row.sectionOrder = sortSection.empty() ? -1 : outline.order(sortSection);
            std::string search = comment.text + " " + row.who + " " + source;
            for (const std::string& code : comment.sections)
                search += " " + code;
            row.searchFolded = text::fold(search);
            row.pending = pending.contains(comment.id);
            rows.push_back(std::move(row));
        }
    }
    // A group sits where its first member (in conference and creation order) would.
    std::unordered_map<std::string, std::size_t> anchor;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].groupId.empty())
            anchor.try_emplace(rows[i].groupId, i);
    }
    rank.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rank[i] = rows[i].groupId.empty() ? i : anchor[rows[i].groupId];
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(rows[a].sectionOrder, rank[a]) < std::tie(rows[b].sectionOrder, rank[b]);
    });
    std::vector<WorkItemRow> sorted;
    sorted.reserve(rows.size());
    for (std::size_t i : order)
        sorted.push_back(std::move(rows[i]));
    return sorted;
}

std::vector<GroupRow> groupRows(const CampaignState& state, const Outline& outline)
{
    std::vector<GroupRow> rows;
    for (const auto& [id, data] : state.conferences) {
        for (const CommentGroup& group : data.groups) {
            GroupRow row;
            row.group = group;
            row.conferenceId = id;
            row.sectionLabel = group.section.empty() ? std::string(kUnassignedLabel) : outline.label(group.section);
            row.sectionOrder = group.section.empty() ? -1 : outline.order(group.section);
            for (const auto& [otherId, other] : state.conferences) {
                if (group.commentIds.empty())
                    break;
                if (const Comment* first = other.comment(group.commentIds.front())) {
                    row.gist = first->text;
                    break;
                }
            }
            rows.push_back(std::move(row));
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const GroupRow& a, const GroupRow& b) { return a.sectionOrder < b.sectionOrder; });
    return rows;
}

std::vector<SectionCountRow> sectionCounts(const Outline& outline, const std::vector<WorkItemRow>& items,
                                           const std::vector<GroupRow>& groups)
{
    std::vector<SectionCountRow> rows;
    rows.reserve(outline.sections().size());
    std::unordered_map<std::string, std::size_t> at;
    for (const Section& section : outline.sections()) {
        SectionCountRow row;
        row.section = section;
        row.label = outline.label(section.code);
        at.emplace(section.code, rows.size());
        rows.push_back(std::move(row));
    }
    // Each ancestor of a tagged section counts the comment once.
    const auto ancestorsOf = [&](const std::string& code, std::set<std::size_t>& into) {
        std::string current = code;
        while (!current.empty()) {
            if (auto it = at.find(current); it != at.end())
                into.insert(it->second);
            const Section* section = outline.find(current);
            current = section != nullptr ? section->parentCode : std::string();
        }
    };
    for (const WorkItemRow& item : items) {
        std::set<std::size_t> touched;
        for (const std::string& code : item.comment.sections)
            ancestorsOf(code, touched);
        for (std::size_t i : touched) {
            ++rows[i].total;
            if (item.acceptance == Acceptance::Pending)
                ++rows[i].pending;
        }
    }
    for (const GroupRow& group : groups) {
        std::set<std::size_t> touched;
        ancestorsOf(group.group.section, touched);
        for (std::size_t i : touched)
            ++rows[i].groups;
    }
    return rows;
}

}  // namespace gopy::client
