#include "client/core/queue_model.h"

#include <algorithm>

#include "client/core/qt_text.h"

namespace gopy::client {

void QueueModel::setTurns(std::vector<TurnRow> rows)
{
    const int waiting = waitingCount();
    const int done = doneCount();
    syncRows(rows_, std::move(rows), [](const TurnRow& r) { return r.turn.id; });
    if (waiting != waitingCount() || done != doneCount())
        emit countsChanged();
}

int QueueModel::indexOf(const QString& turnId) const
{
    const std::string id = fromQ(turnId);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].turn.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

int QueueModel::waitingCount() const
{
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [](const TurnRow& r) {
        return r.turn.state == TurnState::Waiting;
    }));
}

int QueueModel::doneCount() const
{
    return static_cast<int>(std::count_if(rows_.begin(), rows_.end(), [](const TurnRow& r) {
        return r.turn.state == TurnState::Done;
    }));
}

int QueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant QueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const TurnRow& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case TurnIdRole: return toQ(r.turn.id);
    case ParticipantIdRole: return toQ(r.turn.participantId);
    case Qt::DisplayRole:
    case FullNameRole: return toQ(r.fullName);
    case TitleRole: return toQ(r.title);
    case StateRole: return toQ(std::string(toString(r.turn.state)));
    case StartedAtRole: return static_cast<double>(r.turn.startedAt);
    case EndedAtRole: return static_cast<double>(r.turn.endedAt);
    case SecondsUsedRole: return static_cast<int>(r.secondsUsed);
    case PendingRole: return r.pending;
    default: return {};
    }
}

QHash<int, QByteArray> QueueModel::roleNames() const
{
    return {{TurnIdRole, "turnId"},           {ParticipantIdRole, "participantId"},
            {FullNameRole, "fullName"},       {TitleRole, "title"},
            {StateRole, "state"},             {StartedAtRole, "startedAt"},
            {EndedAtRole, "endedAt"},         {SecondsUsedRole, "secondsUsed"},
            {PendingRole, "pending"}};
}

}  // namespace gopy::client
