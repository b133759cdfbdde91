// The conferences of the campaign (from Welcome), in the plan's order.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "client/core/list_model_base.h"
#include "gopy/model.h"

namespace gopy::client {

class ConferenceListModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.conferences")
public:
    enum Roles {
        ConferenceIdRole = Qt::UserRole + 1,
        TitleRole,
        ChannelRole,    ///< "conference" | "public" | "grassroots"
        ChairBodyRole,
        AudienceRole,
        DateRole,       ///< "YYYY-MM-DD" or ""
        PlaceRole,
        StateRole,      ///< "planned" | "in_session" | "concluded"
    };
    using ListModelBase::ListModelBase;

    /// Replaces the list (ordered by id, the plan's order).
    void setConferences(std::vector<Conference> conferences);
    /// Updates one conference's state (session started/ended) if listed.
    void update(const Conference& conference);
    const Conference* find(std::int64_t id) const;
    const std::vector<Conference>& conferences() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<Conference> rows_;
};

}  // namespace gopy::client
