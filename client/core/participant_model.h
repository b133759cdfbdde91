// The participants of the selected conference in Vietnamese order (given name, then family
// and middle names), narrowed by a folding search: "nguyen van a" finds "Nguyễn Văn An".
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <vector>

#include "client/core/list_model_base.h"
#include "client/core/view_rows.h"

namespace gopy::client {

class ParticipantModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.participants")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
public:
    enum Roles {
        ParticipantIdRole = Qt::UserRole + 1,
        FullNameRole,
        TitleRole,        ///< chức danh
        OrganisationRole,
        GroupRole,
        PresentRole,
    };
    using ListModelBase::ListModelBase;

    /// Replaces every participant (rows from participantRows(): already in Vietnamese order).
    void setParticipants(std::vector<ParticipantRow> rows);
    /// Shows only the participants whose name, title, organisation or group contain every
    /// word of `query` as a word prefix, without regard to case or diacritics.
    Q_INVOKABLE void setFilter(const QString& query);
    QString filter() const { return filter_; }
    /// Participants of the conference, whatever the filter.
    int totalCount() const { return static_cast<int>(all_.size()); }
    /// Participant id at a visible row ("" when out of range).
    Q_INVOKABLE QString idAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void filterChanged();
    void totalCountChanged();

private:
    void refresh();

    std::vector<ParticipantRow> all_;
    std::vector<ParticipantRow> rows_;
    QString filter_;
};

}  // namespace gopy::client
