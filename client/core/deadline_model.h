// The plan's dated items on the dashboard (conferences, public window, grassroots reports,
// synthesis) with their status as of the dashboard's day.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "client/core/map_list_model.h"
#include "gopy/model.h"

namespace gopy::client {

class DeadlineModel : public MapListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.deadlines")
public:
    /// Roles: key, label, from ("03/02/2025" or ""), due ("15/06/2025"), status
    /// ("done"|"due"|"late"), statusLabel ("Đã xong"|"Đang thực hiện"|"Quá hạn"), done, total.
    explicit DeadlineModel(QObject* parent = nullptr);
    /// Replaces the rows, in the server's (the plan's) order.
    void setDeadlines(const std::vector<Deadline>& deadlines);
};

}  // namespace gopy::client
