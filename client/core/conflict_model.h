// Unresolved edit conflicts of the selected conference: the comment's current text and the
// text that lost the race, for a person to merge (App.resolveConflict).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "client/core/list_model_base.h"
#include "client/core/view_rows.h"

namespace gopy::client {

class ConflictModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.conflicts")
public:
    enum Roles {
        ConflictIdRole = Qt::UserRole + 1,
        CommentIdRole,
        CurrentTextRole,  ///< the comment's committed text
        TheirTextRole,    ///< the losing edit, kept
        DeviceNameRole,   ///< who wrote the losing edit
        AtRole,
        DetailRole,       ///< its other fields where they differ, or that the comment was deleted
        DeletedRole,      ///< the comment was deleted meanwhile; resolving restores it
    };
    using ListModelBase::ListModelBase;

    void setConflicts(std::vector<ConflictRow> rows);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<ConflictRow> rows_;
};

}  // namespace gopy::client
