#include "client/core/map_list_model.h"

namespace gopy::client {

MapListModel::MapListModel(QList<QByteArray> roles, QByteArray keyRole, QObject* parent)
    : ListModelBase(parent), roles_(std::move(roles)), keyRole_(QString::fromUtf8(keyRole))
{
}

void MapListModel::setRows(std::vector<QVariantMap> rows)
{
    syncRows(rows_, std::move(rows), [this](const QVariantMap& r) { return r.value(keyRole_).toString(); });
}

QVariantMap MapListModel::get(int row) const
{
    if (row < 0 || row >= static_cast<int>(rows_.size()))
        return {};
    return rows_[static_cast<std::size_t>(row)];
}

int MapListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant MapListModel::data(const QModelIndex& index, int role) const
{
    const int column = role - (Qt::UserRole + 1);
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()) || column < 0 ||
        column >= roles_.size())
        return {};
    return rows_[static_cast<std::size_t>(index.row())].value(QString::fromUtf8(roles_[column]));
}

QHash<int, QByteArray> MapListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < roles_.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, roles_[i]);
    return names;
}

}  // namespace gopy::client
