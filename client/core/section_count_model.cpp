#include "client/core/section_count_model.h"

#include "client/core/qt_text.h"

namespace gopy::client {

SectionCountModel::SectionCountModel(QObject* parent)
    : MapListModel({"code", "label", "title", "level", "total", "pending", "groups"}, "code", parent)
{
}

void SectionCountModel::setCounts(const std::vector<SectionCountRow>& counts)
{
    std::vector<QVariantMap> rows;
    rows.reserve(counts.size());
    for (const SectionCountRow& c : counts) {
        QVariantMap row;
        row.insert(QStringLiteral("code"), toQ(c.section.code));
        row.insert(QStringLiteral("label"), toQ(c.label));
        row.insert(QStringLiteral("title"), toQ(c.section.title));
        row.insert(QStringLiteral("level"), c.section.level);
        row.insert(QStringLiteral("total"), c.total);
        row.insert(QStringLiteral("pending"), c.pending);
        row.insert(QStringLiteral("groups"), c.groups);
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

}  // namespace gopy::client
