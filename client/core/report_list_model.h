// Reports of the selected conference (delegates see released ones only), newest first, with
// the local file once downloaded.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <vector>

#include "client/core/list_model_base.h"
#include "gopy/model.h"

namespace gopy::client {

struct ReportRow {
    ReportInfo report;
    std::string localPath;  ///< "" until downloaded
    bool operator==(const ReportRow&) const = default;
};

class ReportListModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.reports")
public:
    enum Roles {
        ReportIdRole = Qt::UserRole + 1,
        ConferenceIdRole,
        VersionRole,
        CreatedAtRole,  ///< ms since epoch
        ReleasedRole,
        Sha256Role,
        LocalPathRole,  ///< absolute path of the downloaded file, "" until downloaded
        LocalUrlRole,   ///< file:// URL of it for PdfDocument.source, empty until downloaded
    };
    using ListModelBase::ListModelBase;

    void setReports(std::vector<ReportRow> rows);
    /// Records the downloaded file of a report.
    void setLocalPath(std::int64_t reportId, const std::string& path);
    const ReportRow* find(std::int64_t reportId) const;
    const std::vector<ReportRow>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<ReportRow> rows_;
};

}  // namespace gopy::client
