#include "client/core/view_rows.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "gopy/text.h"

namespace gopy::client {

std::vector<ParticipantRow> participantRows(const ConferenceData& data)
{
    std::vector<ParticipantRow> rows;
    rows.reserve(data.participants.size());
    for (const Participant& participant : data.participants) {
        ParticipantRow row;
        row.participant = participant;
        row.sortKey = text::personSortKey(participant.fullName);
        row.searchText = participant.fullName + " " + participant.title + " " +
                         participant.organisation + " " + participant.group;
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const ParticipantRow& a, const ParticipantRow& b) {
        return a.sortKey < b.sortKey;
    });
    return rows;
}

std::vector<TurnRow> turnRows(const ConferenceData& data, const std::set<std::string>& pending,
                              Millis now)
{
    std::vector<TurnRow> rows;
    rows.reserve(data.turns.size());
    for (const Turn& turn : data.turns) {
        TurnRow row;
        row.turn = turn;
        if (const Participant* p = data.participant(turn.participantId)) {
            row.fullName = p->fullName;
            row.title = p->title;
        }
        if (turn.state == TurnState::Speaking && turn.startedAt > 0)
            row.secondsUsed = std::max<Millis>(0, now - turn.startedAt) / 1000;
        else if (turn.state == TurnState::Done && turn.startedAt > 0 && turn.endedAt >= turn.startedAt)
            row.secondsUsed = (turn.endedAt - turn.startedAt) / 1000;
        row.pending = pending.contains(turn.id);
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TurnRow& a, const TurnRow& b) {
        return a.turn.position < b.turn.position;
    });
    return rows;
}

std::vector<CommentRow> commentRows(const ConferenceData& data, const Outline& outline,
                                    const std::set<std::string>& pending)
{
    std::vector<CommentRow> rows;
    rows.reserve(data.comments.size());
    std::set<std::string> conflicted;
    for (const CommentConflict& conflict : data.conflicts)
        conflicted.insert(conflict.commentId);
    for (std::size_t i = 0; i < data.comments.size(); ++i) {
        const Comment& comment = data.comments[i];
        CommentRow row;
        row.comment = comment;
        if (const Participant* p = data.participant(comment.participantId)) {
            row.speakerName = p->fullName;
            row.speakerTitle = p->title;
            row.speakerGroup = p->group;
        }
        if (comment.sections.empty()) {
            row.sectionLabel = kGeneralSectionLabel;
            row.sectionOrder = -1;
        } else {
            row.sectionLabel = outline.label(comment.sections.front());
            row.sectionOrder = outline.order(comment.sections.front());
        }
        row.pending = pending.contains(comment.id);
        row.hasConflict = conflicted.contains(comment.id);
        rows.push_back(std::move(row));
    }
    // The report's order of sections (whole-draft comments first, then the draft's order);
    // within a section the order the comments were recorded (creation time, then id), whatever
    // order they arrived in (snapshot, live events, own unsent ones).
    std::sort(rows.begin(), rows.end(), [](const CommentRow& a, const CommentRow& b) {
        return std::tie(a.sectionOrder, a.comment.createdAt, a.comment.id) <
               std::tie(b.sectionOrder, b.comment.createdAt, b.comment.id);
    });
    return rows;
}

std::vector<SectionSummaryRow> sectionSummary(const ConferenceData& data, const Outline& outline)
{
    std::map<std::pair<int, std::string>, SectionSummaryRow> byOrder;
    for (const Comment& comment : data.comments) {
        std::set<std::string> seen;
        for (const std::string& code : comment.sections) {
            if (!seen.insert(code).second)
                continue;
            auto key = std::make_pair(outline.order(code), code);
            SectionSummaryRow& row = byOrder[key];
            if (row.code.empty()) {
                row.code = code;
                row.label = outline.label(code);
                const Section* section = outline.find(code);
                row.title = section != nullptr ? section->title : code;
                row.order = key.first;
            }
            ++row.total;
            ++row.byKind[static_cast<int>(comment.kind)];
        }
    }
    std::vector<SectionSummaryRow> rows;
    rows.reserve(byOrder.size());
    for (auto& [key, row] : byOrder)
        rows.push_back(std::move(row));
    return rows;
}

std::vector<GroupCount> groupCounts(const ConferenceData& data)
{
    std::map<std::string, GroupCount> byGroup;
    std::map<std::string, std::set<std::string>> speakers;
    for (const Comment& comment : data.comments) {
        const Participant* p = data.participant(comment.participantId);
        const std::string group = p != nullptr ? p->group : std::string();
        GroupCount& count = byGroup[group];
        count.group = group;
        ++count.comments;
        speakers[group].insert(comment.participantId);
    }
    std::vector<GroupCount> rows;
    for (auto& [group, count] : byGroup) {
        count.speakers = static_cast<int>(speakers[group].size());
        rows.push_back(count);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const GroupCount& a, const GroupCount& b) {
        return std::tie(b.comments, b.speakers) < std::tie(a.comments, a.speakers);
    });
    return rows;
}

std::vector<ConflictRow> conflictRows(const ConferenceData& data)
{
    std::vector<ConflictRow> rows;
    for (const CommentConflict& conflict : data.conflicts) {
        ConflictRow row;
        row.conflict = conflict;
        const Comment* comment = data.comment(conflict.commentId);
        if (comment != nullptr)
            row.currentText = comment->text;
        row.deleted = conflict.reason == "deleted";
        if (row.deleted) {
            row.detail = "Ý kiến này đã bị xóa trong lúc bản sửa dưới đây được ghi. Lưu bản hợp nhất để khôi "
                         "phục ý kiến với nội dung đó.";
        } else if (conflict.fields && comment != nullptr) {
            // The classification the other edit chose where it differs from the comment now.
            std::vector<std::string> parts;
            const ConflictFields& f = *conflict.fields;
            if (f.sections != comment->sections) {
                std::string list;
                for (const auto& code : f.sections) list += (list.empty() ? "" : ", ") + code;
                parts.push_back("mục " + (list.empty() ? std::string("toàn văn dự thảo") : list));
            }
            if (f.kind != comment->kind) parts.push_back("loại: " + std::string(labelVi(f.kind)));
            if (f.proposed != comment->proposed)
                parts.push_back("câu chữ đề xuất: " + (f.proposed ? "“" + f.proposed->wording + "”" : std::string("không có")));
            if (f.written != comment->written)
                parts.push_back(f.written ? "ý kiến bằng văn bản" : "ý kiến phát biểu");
            for (const auto& part : parts) row.detail += (row.detail.empty() ? "" : "; ") + part;
            if (!row.detail.empty()) row.detail = "Phân loại của bản này khác bản hiện tại: " + row.detail + ".";
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

double positionAtEnd(const std::vector<Turn>& turns)
{
    double last = 0;
    for (const Turn& turn : turns)
        last = std::max(last, turn.position);
    return turns.empty() ? 1.0 : last + 1.0;
}

double positionForMove(const std::vector<Turn>& turns, const std::string& turnId, int toIndex)
{
    std::vector<const Turn*> others;
    for (const Turn& turn : turns) {
        if (turn.id != turnId)
            others.push_back(&turn);
    }
    std::stable_sort(others.begin(), others.end(),
                     [](const Turn* a, const Turn* b) { return a->position < b->position; });
    if (others.empty())
        return 1.0;
    const int at = std::clamp(toIndex, 0, static_cast<int>(others.size()));
    if (at == 0)
        return others.front()->position - 1.0;
    if (at == static_cast<int>(others.size()))
        return others.back()->position + 1.0;
    return (others[static_cast<std::size_t>(at - 1)]->position +
            others[static_cast<std::size_t>(at)]->position) / 2.0;
}

}  // namespace gopy::client
