// The speaker queue of the selected conference in position order, with the time each turn
// used (the speaking turn's seconds advance every second).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "client/core/list_model_base.h"
#include "client/core/view_rows.h"

namespace gopy::client {

class QueueModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.queue")
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY countsChanged)
    Q_PROPERTY(int doneCount READ doneCount NOTIFY countsChanged)
public:
    enum Roles {
        TurnIdRole = Qt::UserRole + 1,
        ParticipantIdRole,
        FullNameRole,
        TitleRole,
        StateRole,        ///< "waiting" | "speaking" | "done"
        StartedAtRole,    ///< ms since epoch, 0 before the start
        EndedAtRole,
        SecondsUsedRole,
        PendingRole,      ///< a local change of this turn is not acknowledged yet
    };
    using ListModelBase::ListModelBase;

    void setTurns(std::vector<TurnRow> rows);
    /// Index of the turn in the queue, -1 when absent.
    Q_INVOKABLE int indexOf(const QString& turnId) const;
    int waitingCount() const;
    int doneCount() const;
    const std::vector<TurnRow>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countsChanged();

private:
    std::vector<TurnRow> rows_;
};

}  // namespace gopy::client
