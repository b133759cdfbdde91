#include "client/core/conference_list_model.h"

#include "client/core/qt_text.h"

namespace gopy::client {

void ConferenceListModel::setConferences(std::vector<Conference> conferences)
{
    syncRows(rows_, std::move(conferences), [](const Conference& c) { return c.id; });
}

void ConferenceListModel::update(const Conference& conference)
{
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].id != conference.id || rows_[i] == conference)
            continue;
        rows_[i] = conference;
        const QModelIndex at = index(static_cast<int>(i));
        emit dataChanged(at, at);
        return;
    }
}

const Conference* ConferenceListModel::find(std::int64_t id) const
{
    for (const Conference& conference : rows_) {
        if (conference.id == id)
            return &conference;
    }
    return nullptr;
}

int ConferenceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ConferenceListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const Conference& c = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case ConferenceIdRole: return QVariant::fromValue(static_cast<int>(c.id));
    case Qt::DisplayRole:
    case TitleRole: return toQ(c.title);
    case ChannelRole: return toQ(std::string(toString(c.channel)));
    case ChairBodyRole: return toQ(c.chairBody);
    case AudienceRole: return toQ(c.audience);
    case DateRole: return toQ(c.date);
    case PlaceRole: return toQ(c.place);
    case StateRole: return toQ(std::string(toString(c.state)));
    default: return {};
    }
}

QHash<int, QByteArray> ConferenceListModel::roleNames() const
{
    return {{ConferenceIdRole, "conferenceId"}, {TitleRole, "title"},
            {ChannelRole, "channel"},           {ChairBodyRole, "chairBody"},
            {AudienceRole, "audience"},         {DateRole, "date"},
            {PlaceRole, "place"},               {StateRole, "state"}};
}

}  // namespace gopy::client
