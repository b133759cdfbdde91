#include "client/core/drafting_desk.h"

#include <QUuid>
#include <QVariantMap>

#include <algorithm>
#include <map>

#include "client/core/qt_text.h"

namespace gopy::client {

DraftingDesk::DraftingDesk(Submit submit, Report report, QObject* parent)
    : QObject(parent), submit_(std::move(submit)), report_(std::move(report))
{
    sectionCounts_ = new SectionCountModel(this);
    items_ = new WorkItemModel(this);
    groups_ = new GroupModel(this);
    suggestions_ = new SuggestionModel(this);
    connect(items_, &WorkItemModel::selectionChanged, this, &DraftingDesk::selectionChanged);
    connect(items_, &WorkItemModel::sectionChanged, this, &DraftingDesk::sectionChanged);
}

void DraftingDesk::setState(const CampaignState& state, const Outline& outline, const std::set<std::string>& pending)
{
    outline_ = outline;
    std::vector<WorkItemRow> rows = workItems(state, outline, pending);
    allGroups_ = groupRows(state, outline);
    sectionCounts_->setCounts(client::sectionCounts(outline, rows, allGroups_));
    int unassigned = 0;
    int answeredNot = 0;
    for (const WorkItemRow& row : rows) {
        unassigned += row.comment.sections.empty() ? 1 : 0;
        answeredNot += row.acceptance == Acceptance::Pending ? 1 : 0;
    }
    const bool changed = unassigned != unassigned_ || answeredNot != pending_ ||
                         static_cast<int>(rows.size()) != total_;
    unassigned_ = unassigned;
    pending_ = answeredNot;
    total_ = static_cast<int>(rows.size());
    items_->setItems(std::move(rows), outline);
    refreshGroups();
    refreshSuggestions();
    if (changed)
        emit countsChanged();
}

void DraftingDesk::setSuggestions(std::vector<CommentGroup> suggestions)
{
    suggested_ = std::move(suggestions);
    refreshSuggestions();
}

void DraftingDesk::refreshGroups()
{
    const std::string section = fromQ(items_->section());
    std::vector<GroupRow> shown;
    for (const GroupRow& group : allGroups_) {
        if (section == kUnassignedFilter ? !group.group.section.empty()
                                         : !section.empty() && !inSubtree(outline_, group.group.section, section))
            continue;
        shown.push_back(group);
    }
    groups_->setGroups(shown);
}

void DraftingDesk::refreshSuggestions()
{
    std::vector<SuggestionRow> rows;
    for (const CommentGroup& suggestion : suggested_) {
        SuggestionRow row;
        row.section = suggestion.section;
        row.sectionLabel = suggestion.section.empty() ? std::string(kUnassignedLabel) : outline_.label(suggestion.section);
        // Members grouped since the dashboard was made (or gone) are no longer suggested.
        for (const std::string& id : suggestion.commentIds) {
            const WorkItemRow* item = items_->find(id);
            if (item == nullptr || !item->groupId.empty())
                continue;
            row.memberIds.push_back(id);
            row.texts.push_back(item->comment.text);
        }
        if (row.memberIds.size() >= 2)
            rows.push_back(std::move(row));
    }
    suggestions_->setSuggestions(std::move(rows));
}

void DraftingDesk::setSection(const QString& code)
{
    items_->setSection(code);
    refreshGroups();
}

void DraftingDesk::setFilter(const QString& query)
{
    items_->setFilter(query);
}

void DraftingDesk::setSelected(const QString& commentId, bool selected)
{
    items_->setSelected(fromQ(commentId), selected);
}

void DraftingDesk::selectAll(bool selected)
{
    items_->selectAll(selected);
}

void DraftingDesk::clearSelection()
{
    items_->clearSelection();
}

void DraftingDesk::assignSelected(const QStringList& sectionCodes)
{
    const std::vector<const WorkItemRow*> selected = items_->selectedRows();
    if (selected.empty()) {
        report_(QStringLiteral("Hãy đánh dấu ít nhất một ý kiến."));
        return;
    }
    std::vector<std::string> sections;
    for (const std::string& code : fromQ(sectionCodes)) {
        if (!outline_.contains(code)) {
            report_(QStringLiteral("Mục %1 không có trong dự thảo.").arg(toQ(code)));
            return;
        }
        if (std::find(sections.begin(), sections.end(), code) == sections.end())
            sections.push_back(code);
    }
    if (sections.empty()) {
        report_(QStringLiteral("Hãy chọn mục của dự thảo để phân cho các ý kiến đã đánh dấu."));
        return;
    }
    // One operation per conference: each is logged where its comments live, so the devices
    // following that conference see the new sections.
    std::map<std::int64_t, std::vector<std::string>> byConference;
    for (const WorkItemRow* row : selected)
        byConference[row->comment.conferenceId].push_back(row->comment.id);
    for (auto& [conferenceId, ids] : byConference) {
        if (!submit_(conferenceId, proto::CommentAssign{std::move(ids), sections}))
            return;
    }
    items_->clearSelection();
}

QString DraftingDesk::submitGroup(const std::string& section, const std::vector<std::string>& members)
{
    if (members.size() < 2) {
        report_(QStringLiteral("Một nhóm cần ít nhất hai ý kiến."));
        return {};
    }
    if (!section.empty() && !outline_.contains(section)) {
        report_(QStringLiteral("Mục %1 không có trong dự thảo.").arg(toQ(section)));
        return {};
    }
    const WorkItemRow* first = items_->find(members.front());
    if (first == nullptr) {
        report_(QStringLiteral("Không tìm thấy ý kiến."));
        return {};
    }
    proto::GroupSet set;
    set.groupId = "g-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    set.section = section;
    set.commentIds = members;
    if (!submit_(first->comment.conferenceId, set))
        return {};
    return toQ(set.groupId);
}

QString DraftingDesk::groupSelected(const QString& section)
{
    std::vector<std::string> members;
    for (const WorkItemRow* row : items_->selectedRows())
        members.push_back(row->comment.id);
    std::string code = fromQ(section);
    if (code.empty() && !members.empty()) {
        const WorkItemRow* first = items_->find(members.front());
        if (first != nullptr && !first->comment.sections.empty())
            code = first->comment.sections.front();
    }
    const QString id = submitGroup(code, members);
    if (!id.isEmpty())
        items_->clearSelection();
    return id;
}

QString DraftingDesk::confirmSuggestion(int row)
{
    const SuggestionRow* suggestion = suggestions_->at(row);
    if (suggestion == nullptr) {
        report_(QStringLiteral("Không còn gợi ý này."));
        return {};
    }
    const SuggestionRow copy = *suggestion;
    return submitGroup(copy.section, copy.memberIds);
}

const GroupRow* DraftingDesk::findGroup(const std::string& groupId) const
{
    auto it = std::find_if(allGroups_.begin(), allGroups_.end(),
                           [&](const GroupRow& g) { return g.group.id == groupId; });
    return it == allGroups_.end() ? nullptr : &*it;
}

void DraftingDesk::dissolveGroup(const QString& groupId)
{
    const GroupRow* group = findGroup(fromQ(groupId));
    if (group == nullptr) {
        report_(QStringLiteral("Không tìm thấy nhóm ý kiến."));
        return;
    }
    submit_(group->conferenceId, proto::GroupSet{group->group.id, group->group.section, {}});
}

void DraftingDesk::setAcceptance(const QString& groupId, const QString& commentId, const QString& acceptance,
                                 const QString& explanation)
{
    const std::string group = fromQ(groupId.trimmed());
    const std::string comment = fromQ(commentId.trimmed());
    if (group.empty() == comment.empty()) {
        report_(QStringLiteral("Hãy trả lời cho một nhóm hoặc một ý kiến."));
        return;
    }
    const auto answer = acceptanceFromString(fromQ(acceptance));
    if (!answer) {
        report_(QStringLiteral("Hãy chọn Tiếp thu, Tiếp thu một phần hoặc Không tiếp thu."));
        return;
    }
    proto::AcceptanceSet set;
    set.groupId = group;
    set.commentId = comment;
    set.acceptance = *answer;
    set.explanation = fromQ(explanation.trimmed());
    if (set.explanation.empty() && (*answer == Acceptance::Partly || *answer == Acceptance::NotAccepted)) {
        report_(QStringLiteral("Hãy ghi lý do khi tiếp thu một phần hoặc không tiếp thu."));
        return;
    }
    std::int64_t conferenceId = 0;
    if (!group.empty()) {
        const GroupRow* row = findGroup(group);
        if (row == nullptr) {
            report_(QStringLiteral("Không tìm thấy nhóm ý kiến."));
            return;
        }
        conferenceId = row->conferenceId;
    } else {
        const WorkItemRow* row = items_->find(comment);
        if (row == nullptr) {
            report_(QStringLiteral("Không tìm thấy ý kiến."));
            return;
        }
        if (!row->groupId.empty()) {
            report_(QStringLiteral("Ý kiến này thuộc một nhóm; hãy trả lời cho cả nhóm."));
            return;
        }
        conferenceId = row->comment.conferenceId;
    }
    submit_(conferenceId, set);
}

QVariantList DraftingDesk::acceptances() const
{
    QVariantList result;
    for (Acceptance a : {Acceptance::Accepted, Acceptance::Partly, Acceptance::NotAccepted}) {
        QVariantMap item;
        item.insert(QStringLiteral("acceptance"), toQ(std::string(toString(a))));
        item.insert(QStringLiteral("label"), toQ(acceptanceLabel(a)));
        result.append(item);
    }
    return result;
}

}  // namespace gopy::client
