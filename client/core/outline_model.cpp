#include "client/core/outline_model.h"

#include "client/core/qt_text.h"
#include "gopy/text.h"

namespace gopy::client {

void OutlineModel::setOutline(const Outline& outline)
{
    outline_ = outline;
    refresh();
}

void OutlineModel::setFilter(const QString& query)
{
    if (query == filter_)
        return;
    filter_ = query;
    emit filterChanged();
    refresh();
}

void OutlineModel::refresh()
{
    const std::string query = fromQ(filter_);
    std::vector<Section> next;
    for (const Section& section : outline_.sections()) {
        if (query.empty() ||
            text::matches(section.code + " " + section.label + " " + section.title, query))
            next.push_back(section);
    }
    syncRows(rows_, std::move(next), [](const Section& s) { return s.code; });
}

int OutlineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant OutlineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const Section& s = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case CodeRole: return toQ(s.code);
    case LabelRole: return toQ(s.label);
    case Qt::DisplayRole:
    case TitleRole: return toQ(s.title);
    case LevelRole: return s.level;
    case FullTitleRole: return toQ(outline_.fullTitle(s.code));
    default: return {};
    }
}

QHash<int, QByteArray> OutlineModel::roleNames() const
{
    return {{CodeRole, "code"},   {LabelRole, "label"},        {TitleRole, "title"},
            {LevelRole, "level"}, {FullTitleRole, "fullTitle"}};
}

}  // namespace gopy::client
