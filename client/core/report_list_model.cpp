#include "client/core/report_list_model.h"

#include <QUrl>

#include "client/core/qt_text.h"

namespace gopy::client {

void ReportListModel::setReports(std::vector<ReportRow> rows)
{
    syncRows(rows_, std::move(rows), [](const ReportRow& r) { return r.report.id; });
}

void ReportListModel::setLocalPath(std::int64_t reportId, const std::string& path)
{
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].report.id != reportId || rows_[i].localPath == path)
            continue;
        rows_[i].localPath = path;
        const QModelIndex at = index(static_cast<int>(i));
        emit dataChanged(at, at);
    }
}

const ReportRow* ReportListModel::find(std::int64_t reportId) const
{
    for (const ReportRow& row : rows_) {
        if (row.report.id == reportId)
            return &row;
    }
    return nullptr;
}

int ReportListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ReportListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const ReportRow& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case ReportIdRole: return static_cast<int>(r.report.id);
    case ConferenceIdRole: return static_cast<int>(r.report.conferenceId);
    case VersionRole: return r.report.version;
    case CreatedAtRole: return static_cast<double>(r.report.createdAt);
    case ReleasedRole: return r.report.released;
    case Sha256Role: return toQ(r.report.sha256);
    case LocalPathRole: return toQ(r.localPath);
    case LocalUrlRole:
        return r.localPath.empty() ? QUrl() : QUrl::fromLocalFile(toQ(r.localPath));
    default: return {};
    }
}

QHash<int, QByteArray> ReportListModel::roleNames() const
{
    return {{ReportIdRole, "reportId"},   {ConferenceIdRole, "conferenceId"},
            {VersionRole, "version"},     {CreatedAtRole, "createdAt"},
            {ReleasedRole, "released"},   {Sha256Role, "sha256"},
            {LocalPathRole, "localPath"}, {LocalUrlRole, "localUrl"}};
}

}  // namespace gopy::client
