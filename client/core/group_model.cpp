#include "client/core/group_model.h"

#include "client/core/qt_text.h"

namespace gopy::client {

GroupModel::GroupModel(QObject* parent)
    : MapListModel({"groupId", "section", "sectionLabel", "memberCount", "memberIds", "gist", "acceptance",
                    "acceptanceLabel", "explanation", "conferenceId"},
                   "groupId", parent)
{
}

void GroupModel::setGroups(const std::vector<GroupRow>& groups)
{
    std::vector<QVariantMap> rows;
    rows.reserve(groups.size());
    for (const GroupRow& g : groups) {
        QVariantMap row;
        row.insert(QStringLiteral("groupId"), toQ(g.group.id));
        row.insert(QStringLiteral("section"), toQ(g.group.section));
        row.insert(QStringLiteral("sectionLabel"), toQ(g.sectionLabel));
        row.insert(QStringLiteral("memberCount"), static_cast<int>(g.group.commentIds.size()));
        row.insert(QStringLiteral("memberIds"), toQ(g.group.commentIds));
        row.insert(QStringLiteral("gist"), toQ(g.gist));
        row.insert(QStringLiteral("acceptance"), toQ(std::string(toString(g.group.acceptance))));
        row.insert(QStringLiteral("acceptanceLabel"), toQ(acceptanceLabel(g.group.acceptance)));
        row.insert(QStringLiteral("explanation"), toQ(g.group.explanation));
        row.insert(QStringLiteral("conferenceId"), static_cast<int>(g.conferenceId));
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

}  // namespace gopy::client
