#include "client/core/conflict_model.h"

#include "client/core/qt_text.h"

namespace gopy::client {

void ConflictModel::setConflicts(std::vector<ConflictRow> rows)
{
    syncRows(rows_, std::move(rows), [](const ConflictRow& r) { return r.conflict.id; });
}

int ConflictModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ConflictModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const ConflictRow& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case ConflictIdRole: return static_cast<double>(r.conflict.id);
    case CommentIdRole: return toQ(r.conflict.commentId);
    case CurrentTextRole: return toQ(r.currentText);
    case Qt::DisplayRole:
    case TheirTextRole: return toQ(r.conflict.text);
    case DeviceNameRole: return toQ(r.conflict.deviceName);
    case AtRole: return static_cast<double>(r.conflict.at);
    case DetailRole: return toQ(r.detail);
    case DeletedRole: return r.deleted;
    default: return {};
    }
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return {{ConflictIdRole, "conflictId"},   {CommentIdRole, "commentId"},
            {CurrentTextRole, "currentText"}, {TheirTextRole, "theirText"},
            {DeviceNameRole, "deviceName"},   {AtRole, "at"},
            {DetailRole, "detail"},           {DeletedRole, "deleted"}};
}

}  // namespace gopy::client
