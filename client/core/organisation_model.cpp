#include "client/core/organisation_model.h"

#include <algorithm>
#include <tuple>

#include "client/core/qt_text.h"
#include "client/core/vi_dates.h"
#include "gopy/text.h"

namespace gopy::client {

OrganisationModel::OrganisationModel(QObject* parent)
    : MapListModel({"organisationId", "name", "due", "reported", "reportedAt", "late", "statusLabel"},
                   "organisationId", parent)
{
}

void OrganisationModel::setOrganisations(const std::vector<GrassrootsOrganisation>& organisations,
                                         const std::string& today)
{
    struct Sorted {
        int rank = 0;  // 0 late, 1 waiting, 2 sent
        const GrassrootsOrganisation* organisation = nullptr;
    };
    std::vector<Sorted> sorted;
    for (const GrassrootsOrganisation& o : organisations) {
        const bool reported = o.reportedAt > 0;
        const bool late = !reported && !o.due.empty() && today > o.due;
        sorted.push_back({reported ? 2 : (late ? 0 : 1), &o});
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const Sorted& a, const Sorted& b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.organisation->due != b.organisation->due)
            return a.organisation->due < b.organisation->due;
        return text::collationKey(a.organisation->name) < text::collationKey(b.organisation->name);
    });
    std::vector<QVariantMap> rows;
    rows.reserve(sorted.size());
    for (const Sorted& s : sorted) {
        const GrassrootsOrganisation& o = *s.organisation;
        QVariantMap row;
        row.insert(QStringLiteral("organisationId"), static_cast<int>(o.id));
        row.insert(QStringLiteral("name"), toQ(o.name));
        row.insert(QStringLiteral("due"), toQ(viDate(o.due)));
        row.insert(QStringLiteral("reported"), s.rank == 2);
        row.insert(QStringLiteral("reportedAt"), toQ(viDateTime(o.reportedAt)));
        row.insert(QStringLiteral("late"), s.rank == 0);
        row.insert(QStringLiteral("statusLabel"), s.rank == 2   ? QStringLiteral("Đã gửi")
                                                  : s.rank == 0 ? QStringLiteral("Chậm")
                                                                : QStringLiteral("Chưa đến hạn"));
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

}  // namespace gopy::client
