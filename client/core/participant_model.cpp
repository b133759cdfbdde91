#include "client/core/participant_model.h"

#include "client/core/qt_text.h"
#include "gopy/text.h"

namespace gopy::client {

void ParticipantModel::setParticipants(std::vector<ParticipantRow> rows)
{
    const bool totalChanged = rows.size() != all_.size();
    all_ = std::move(rows);
    refresh();
    if (totalChanged)
        emit totalCountChanged();
}

void ParticipantModel::setFilter(const QString& query)
{
    if (query == filter_)
        return;
    filter_ = query;
    emit filterChanged();
    refresh();
}

QString ParticipantModel::idAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(rows_.size()))
        return {};
    return toQ(rows_[static_cast<std::size_t>(row)].participant.id);
}

void ParticipantModel::refresh()
{
    const std::string query = fromQ(filter_);
    std::vector<ParticipantRow> next;
    for (const ParticipantRow& row : all_) {
        if (query.empty() || text::matches(row.searchText, query))
            next.push_back(row);
    }
    syncRows(rows_, std::move(next), [](const ParticipantRow& r) { return r.participant.id; });
}

int ParticipantModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ParticipantModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const Participant& p = rows_[static_cast<std::size_t>(index.row())].participant;
    switch (role) {
    case ParticipantIdRole: return toQ(p.id);
    case Qt::DisplayRole:
    case FullNameRole: return toQ(p.fullName);
    case TitleRole: return toQ(p.title);
    case OrganisationRole: return toQ(p.organisation);
    case GroupRole: return toQ(p.group);
    case PresentRole: return p.present;
    default: return {};
    }
}

QHash<int, QByteArray> ParticipantModel::roleNames() const
{
    return {{ParticipantIdRole, "participantId"}, {FullNameRole, "fullName"},
            {TitleRole, "title"},                 {OrganisationRole, "organisation"},
            {GroupRole, "group"},                 {PresentRole, "present"}};
}

}  // namespace gopy::client
