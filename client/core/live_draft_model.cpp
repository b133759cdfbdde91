#include "client/core/live_draft_model.h"

#include <algorithm>

#include "client/core/qt_text.h"

namespace gopy::client {

void LiveDraftModel::apply(const proto::Typing& typing, const std::string& speakerName, Millis now)
{
    auto it = std::find_if(rows_.begin(), rows_.end(), [&](const LiveDraftRow& r) {
        return r.deviceName == typing.deviceName && r.commentId == typing.commentId;
    });
    const bool clear = typing.done || typing.text.empty();
    if (clear) {
        if (it == rows_.end())
            return;
        const int row = static_cast<int>(it - rows_.begin());
        beginRemoveRows({}, row, row);
        rows_.erase(it);
        endRemoveRows();
        emit countChanged();
        return;
    }
    LiveDraftRow next{typing.commentId, typing.participantId, speakerName, typing.deviceName,
                      typing.text, now};
    if (it != rows_.end()) {
        *it = std::move(next);
        const QModelIndex at = index(static_cast<int>(it - rows_.begin()));
        emit dataChanged(at, at);
        return;
    }
    const int row = static_cast<int>(rows_.size());
    beginInsertRows({}, row, row);
    rows_.push_back(std::move(next));
    endInsertRows();
    emit countChanged();
}

void LiveDraftModel::expire(Millis olderThan)
{
    std::vector<LiveDraftRow> next;
    for (const LiveDraftRow& row : rows_) {
        if (row.updatedAt >= olderThan)
            next.push_back(row);
    }
    if (next.size() == rows_.size())
        return;
    syncRows(rows_, std::move(next),
             [](const LiveDraftRow& r) { return std::make_pair(r.deviceName, r.commentId); });
}

void LiveDraftModel::removeComment(const std::string& commentId)
{
    if (commentId.empty())
        return;
    std::vector<LiveDraftRow> next;
    for (const LiveDraftRow& row : rows_) {
        if (row.commentId != commentId)
            next.push_back(row);
    }
    if (next.size() == rows_.size())
        return;
    syncRows(rows_, std::move(next),
             [](const LiveDraftRow& r) { return std::make_pair(r.deviceName, r.commentId); });
}

void LiveDraftModel::clear()
{
    if (rows_.empty())
        return;
    beginResetModel();
    rows_.clear();
    endResetModel();
    emit countChanged();
}

int LiveDraftModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant LiveDraftModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const LiveDraftRow& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case CommentIdRole: return toQ(r.commentId);
    case ParticipantIdRole: return toQ(r.participantId);
    case SpeakerNameRole: return toQ(r.speakerName);
    case DeviceNameRole: return toQ(r.deviceName);
    case Qt::DisplayRole:
    case TextRole: return toQ(r.text);
    case UpdatedAtRole: return static_cast<double>(r.updatedAt);
    default: return {};
    }
}

QHash<int, QByteArray> LiveDraftModel::roleNames() const
{
    return {{CommentIdRole, "commentId"},   {ParticipantIdRole, "participantId"},
            {SpeakerNameRole, "speakerName"}, {DeviceNameRole, "deviceName"},
            {TextRole, "text"},             {UpdatedAtRole, "updatedAt"}};
}

}  // namespace gopy::client
