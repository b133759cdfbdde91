#include "client/core/work_item_model.h"

#include <sstream>
#include <unordered_map>

#include "client/core/qt_text.h"
#include "gopy/text.h"

namespace gopy::client {

namespace {

// Every query word is the start of some word of the folded text.
bool matchesWords(const std::string& folded, const std::vector<std::string>& words)
{
    for (const std::string& word : words) {
        bool found = false;
        for (std::size_t at = folded.find(word); at != std::string::npos; at = folded.find(word, at + 1)) {
            if (at == 0 || folded[at - 1] == ' ') {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

}  // namespace

void WorkItemModel::setItems(std::vector<WorkItemRow> items, const Outline& outline)
{
    all_ = std::move(items);
    outline_ = outline;
    std::set<std::string> known;
    for (const WorkItemRow& item : all_)
        known.insert(item.comment.id);
    const std::size_t before = selected_.size();
    std::erase_if(selected_, [&](const std::string& id) { return !known.contains(id); });
    refresh(false);
    if (selected_.size() != before)
        emit selectionChanged();
}

void WorkItemModel::setSection(const QString& code)
{
    if (code == section_)
        return;
    section_ = code;
    emit sectionChanged();
    refresh(true);
}

void WorkItemModel::setFilter(const QString& query)
{
    if (query == filter_)
        return;
    filter_ = query;
    filterWords_.clear();
    std::istringstream words(text::fold(fromQ(query)));
    std::string word;
    while (words >> word)
        filterWords_.push_back(word);
    emit filterChanged();
    refresh(true);
}

bool WorkItemModel::accepts(const WorkItemRow& item) const
{
    const std::string section = fromQ(section_);
    if (section == kUnassignedFilter) {
        if (!item.comment.sections.empty())
            return false;
    } else if (!section.empty()) {
        bool under = !item.groupSection.empty() && inSubtree(outline_, item.groupSection, section);
        for (const std::string& code : item.comment.sections) {
            if (under)
                break;
            under = inSubtree(outline_, code, section);
        }
        if (!under)
            return false;
    }
    return filterWords_.empty() || matchesWords(item.searchFolded, filterWords_);
}

void WorkItemModel::refresh(bool reset)
{
    std::vector<Shown> next;
    std::unordered_map<std::string, int> groupSizes;
    for (const WorkItemRow& item : all_) {
        if (!accepts(item))
            continue;
        Shown shown;
        shown.item = item;
        shown.selected = selected_.contains(item.comment.id);
        if (!item.groupId.empty())
            shown.groupFirst = groupSizes[item.groupId]++ == 0;
        next.push_back(std::move(shown));
    }
    for (Shown& shown : next) {
        if (!shown.item.groupId.empty())
            shown.groupSize = groupSizes[shown.item.groupId];
    }
    if (reset) {
        const int before = static_cast<int>(rows_.size());
        beginResetModel();
        rows_ = std::move(next);
        endResetModel();
        if (static_cast<int>(rows_.size()) != before)
            emit countChanged();
        return;
    }
    syncRows(rows_, std::move(next), [](const Shown& s) { return s.item.comment.id; });
}

void WorkItemModel::setSelected(const std::string& commentId, bool selected)
{
    if (find(commentId) == nullptr)
        return;
    const bool changed = selected ? selected_.insert(commentId).second : selected_.erase(commentId) > 0;
    if (!changed)
        return;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].item.comment.id == commentId) {
            rows_[i].selected = selected;
            const QModelIndex at = index(static_cast<int>(i));
            emit dataChanged(at, at, {SelectedRole});
        }
    }
    emit selectionChanged();
}

void WorkItemModel::selectAll(bool selected)
{
    bool changed = false;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const std::string& id = rows_[i].item.comment.id;
        changed |= selected ? selected_.insert(id).second : selected_.erase(id) > 0;
        rows_[i].selected = selected;
    }
    if (!rows_.empty())
        emit dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1), {SelectedRole});
    if (changed)
        emit selectionChanged();
}

void WorkItemModel::clearSelection()
{
    if (selected_.empty())
        return;
    selected_.clear();
    for (Shown& shown : rows_)
        shown.selected = false;
    if (!rows_.empty())
        emit dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1), {SelectedRole});
    emit selectionChanged();
}

std::vector<const WorkItemRow*> WorkItemModel::selectedRows() const
{
    std::vector<const WorkItemRow*> result;
    for (const WorkItemRow& item : all_) {
        if (selected_.contains(item.comment.id))
            result.push_back(&item);
    }
    return result;
}

const WorkItemRow* WorkItemModel::find(const std::string& commentId) const
{
    for (const WorkItemRow& item : all_) {
        if (item.comment.id == commentId)
            return &item;
    }
    return nullptr;
}

int WorkItemModel::indexOf(const QString& commentId) const
{
    const std::string id = fromQ(commentId);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].item.comment.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QVariantMap WorkItemModel::get(int row) const
{
    return rowAsMap(row);
}

int WorkItemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant WorkItemModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const Shown& shown = rows_[static_cast<std::size_t>(index.row())];
    const WorkItemRow& r = shown.item;
    const Comment& c = r.comment;
    switch (role) {
    case CommentIdRole: return toQ(c.id);
    case ConferenceIdRole: return static_cast<int>(c.conferenceId);
    case SourceRole: return toQ(r.source);
    case ChannelRole: return toQ(std::string(toString(r.channel)));
    case WhoRole: return toQ(r.who);
    case SectionsRole: return toQ(c.sections);
    case SectionLabelRole: return toQ(r.sectionLabel);
    case Qt::DisplayRole:
    case TextRole: return toQ(c.text);
    case KindRole: return toQ(std::string(toString(c.kind)));
    case KindLabelRole: return toQ(std::string(labelVi(c.kind)));
    case GroupIdRole: return toQ(r.groupId);
    case AcceptanceRole: return toQ(std::string(toString(r.acceptance)));
    case AcceptanceLabelRole: return toQ(acceptanceLabel(r.acceptance));
    case AcceptanceNoteRole: return toQ(r.acceptanceNote);
    case OutsideWindowRole: return c.origin.has_value() && c.origin->outsideWindow;
    case SelectedRole: return shown.selected;
    case GroupFirstRole: return shown.groupFirst;
    case GroupSizeRole: return shown.groupSize;
    case PendingRole: return r.pending;
    case ProposedWordingRole: return c.proposed ? toQ(c.proposed->wording) : QString();
    case SubmittedAtRole: return c.origin ? toQ(c.origin->submittedAt) : QString();
    case ParagraphRole: return c.paragraph;
    default: return {};
    }
}

QHash<int, QByteArray> WorkItemModel::roleNames() const
{
    return {{CommentIdRole, "commentId"},       {ConferenceIdRole, "conferenceId"},
            {SourceRole, "source"},             {ChannelRole, "channel"},
            {WhoRole, "who"},                   {SectionsRole, "sections"},
            {SectionLabelRole, "sectionLabel"}, {TextRole, "text"},
            {KindRole, "kind"},                 {KindLabelRole, "kindLabel"},
            {GroupIdRole, "groupId"},           {AcceptanceRole, "acceptance"},
            {AcceptanceLabelRole, "acceptanceLabel"}, {AcceptanceNoteRole, "acceptanceNote"},
            {OutsideWindowRole, "outsideWindow"},     {SelectedRole, "selected"},
            {GroupFirstRole, "groupFirst"},     {GroupSizeRole, "groupSize"},
            {PendingRole, "pending"},           {ProposedWordingRole, "proposedWording"},
            {SubmittedAtRole, "submittedAt"},   {ParagraphRole, "paragraph"}};
}

}  // namespace gopy::client
