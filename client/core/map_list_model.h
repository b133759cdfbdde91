// A list model whose rows are QVariantMaps with a fixed set of role names: the small
// read-only lists of issue 5 (deadlines, organisations, groups, suggestions, section counts)
// fill it from their plain rows and get in-place updates by a key role.
#pragma once

#include <QByteArray>
#include <QList>
#include <QVariantMap>

#include <vector>

#include "client/core/list_model_base.h"

namespace gopy::client {

class MapListModel : public ListModelBase {
    Q_OBJECT
public:
    /// `roles` are the role names in order; `keyRole` (one of them) identifies a row.
    MapListModel(QList<QByteArray> roles, QByteArray keyRole, QObject* parent = nullptr);

    /// Replaces the rows (each with every role name) with the fewest row signals.
    void setRows(std::vector<QVariantMap> rows);
    /// The row's fields as a JS object; empty when out of range.
    Q_INVOKABLE QVariantMap get(int row) const;
    const std::vector<QVariantMap>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<QByteArray> roles_;
    QString keyRole_;
    std::vector<QVariantMap> rows_;
};

}  // namespace gopy::client
