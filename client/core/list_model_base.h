// Base of the client's list models: a `count` property and an in-place update from a new list
// of rows (insert / remove / move / dataChanged by key), so views keep their scroll position,
// selection and the delegate being edited when the data changes underneath.
#pragma once

#include <QAbstractListModel>
#include <QVariantMap>

#include <algorithm>
#include <cstddef>
#include <set>
#include <type_traits>
#include <vector>

namespace gopy::client {

class ListModelBase : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    using QAbstractListModel::QAbstractListModel;
    /// Number of rows shown.
    int count() const { return rowCount(); }

signals:
    void countChanged();

protected:
    /// Every role of `row` under its role name ({} outside the model): what QML's get(row) returns.
    QVariantMap rowAsMap(int row) const
    {
        QVariantMap result;
        if (row < 0 || row >= rowCount())
            return result;
        const QHash<int, QByteArray> names = roleNames();
        const QModelIndex at = index(row);
        for (auto it = names.begin(); it != names.end(); ++it)
            result.insert(QString::fromUtf8(it.value()), data(at, it.key()));
        return result;
    }

    /// Turns `rows` into `next` with the fewest row signals. `key(row)` identifies a row
    /// (comparable with ==); rows with an equal key and different content get dataChanged.
    template <class Row, class Key>
    void syncRows(std::vector<Row>& rows, std::vector<Row> next, Key key)
    {
        const int before = static_cast<int>(rows.size());
        using K = std::decay_t<decltype(key(std::declval<const Row&>()))>;
        std::set<K> nextKeys;
        for (const Row& r : next)
            nextKeys.insert(key(r));
        // Remove rows whose key is gone, back to front so indexes stay valid.
        for (int i = static_cast<int>(rows.size()) - 1; i >= 0; --i) {
            if (nextKeys.contains(key(rows[static_cast<std::size_t>(i)])))
                continue;
            beginRemoveRows({}, i, i);
            rows.erase(rows.begin() + i);
            endRemoveRows();
        }
        for (std::size_t i = 0; i < next.size(); ++i) {
            const auto k = key(next[i]);
            if (i < rows.size() && key(rows[i]) == k) {
                if (!(rows[i] == next[i])) {
                    rows[i] = next[i];
                    const QModelIndex at = index(static_cast<int>(i));
                    emit dataChanged(at, at);
                }
                continue;
            }
            auto found = std::find_if(rows.begin() + static_cast<std::ptrdiff_t>(i), rows.end(),
                                      [&](const Row& r) { return key(r) == k; });
            if (found == rows.end()) {
                beginInsertRows({}, static_cast<int>(i), static_cast<int>(i));
                rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(i), next[i]);
                endInsertRows();
                continue;
            }
            const int from = static_cast<int>(found - rows.begin());
            beginMoveRows({}, from, from, {}, static_cast<int>(i));
            Row moved = std::move(*found);
            rows.erase(found);
            rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(i), std::move(moved));
            endMoveRows();
            if (!(rows[i] == next[i])) {
                rows[i] = next[i];
                const QModelIndex at = index(static_cast<int>(i));
                emit dataChanged(at, at);
            }
        }
        if (static_cast<int>(rows.size()) != before)
            emit countChanged();
    }
};

}  // namespace gopy::client
