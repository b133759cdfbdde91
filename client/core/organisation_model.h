// The grassroots Party organisations: whether each has sent its congress's report, and which
// are late, as of the dashboard's day.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <string>
#include <vector>

#include "client/core/map_list_model.h"
#include "gopy/model.h"

namespace gopy::client {

class OrganisationModel : public MapListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.organisations")
public:
    /// Roles: organisationId, name, due ("30/04/2025"), reported, reportedAt
    /// ("12/04/2025 14:30" or ""), late (not reported and today > due), statusLabel
    /// ("Đã gửi"|"Chưa đến hạn"|"Chậm").
    explicit OrganisationModel(QObject* parent = nullptr);
    /// Replaces the rows; `today` is the ISO date lateness is judged by. Late ones first, then
    /// not yet sent, then sent; by due date and name within each.
    void setOrganisations(const std::vector<GrassrootsOrganisation>& organisations, const std::string& today);
};

}  // namespace gopy::client
