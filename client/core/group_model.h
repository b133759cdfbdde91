// The drafting team's groups (comments that say the same thing, answered once), narrowed to
// the section chosen in the desk.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "client/core/drafting_rows.h"
#include "client/core/map_list_model.h"

namespace gopy::client {

class GroupModel : public MapListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.drafting.groups")
public:
    /// Roles: groupId, section, sectionLabel, memberCount, memberIds, gist (first member's
    /// text), acceptance ("pending"|"accepted"|"partly"|"not_accepted"), acceptanceLabel,
    /// explanation, conferenceId.
    explicit GroupModel(QObject* parent = nullptr);
    void setGroups(const std::vector<GroupRow>& groups);
};

}  // namespace gopy::client
