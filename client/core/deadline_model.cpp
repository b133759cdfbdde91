#include "client/core/deadline_model.h"

#include "client/core/qt_text.h"
#include "client/core/vi_dates.h"

namespace gopy::client {

namespace {

QString statusLabel(DeadlineStatus status)
{
    switch (status) {
    case DeadlineStatus::Done: return QStringLiteral("Đã xong");
    case DeadlineStatus::Due: return QStringLiteral("Đang thực hiện");
    case DeadlineStatus::Late: return QStringLiteral("Quá hạn");
    }
    return {};
}

}  // namespace

DeadlineModel::DeadlineModel(QObject* parent)
    : MapListModel({"key", "label", "from", "due", "status", "statusLabel", "done", "total"}, "key", parent)
{
}

void DeadlineModel::setDeadlines(const std::vector<Deadline>& deadlines)
{
    std::vector<QVariantMap> rows;
    rows.reserve(deadlines.size());
    for (const Deadline& d : deadlines) {
        QVariantMap row;
        row.insert(QStringLiteral("key"), toQ(d.key));
        row.insert(QStringLiteral("label"), toQ(d.label));
        row.insert(QStringLiteral("from"), toQ(viDate(d.from)));
        row.insert(QStringLiteral("due"), toQ(viDate(d.due)));
        row.insert(QStringLiteral("status"), toQ(std::string(toString(d.status))));
        row.insert(QStringLiteral("statusLabel"), statusLabel(d.status));
        row.insert(QStringLiteral("done"), d.done);
        row.insert(QStringLiteral("total"), d.total);
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
}

}  // namespace gopy::client
