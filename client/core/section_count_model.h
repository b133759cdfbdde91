// The draft's outline as the drafting team's work list: every section in draft order with
// the comments from every channel tagged with it (or a section below it), those not answered
// yet, and its groups.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <vector>

#include "client/core/drafting_rows.h"
#include "client/core/map_list_model.h"

namespace gopy::client {

class SectionCountModel : public MapListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.drafting.sectionCounts")
public:
    /// Roles: code, label ("II.3 — title"), title, level, total, pending, groups.
    explicit SectionCountModel(QObject* parent = nullptr);
    void setCounts(const std::vector<SectionCountRow>& counts);
};

}  // namespace gopy::client
