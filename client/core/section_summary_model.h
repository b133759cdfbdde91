// Counts for the chair: one row per section that has comments, in draft order, with the total
// and the number of each kind; and the counts per delegate group.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QVariantList>
#include <vector>

#include "client/core/list_model_base.h"
#include "client/core/view_rows.h"

namespace gopy::client {

class SectionSummaryModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.sectionSummary")
    Q_PROPERTY(int totalComments READ totalComments NOTIFY totalsChanged)
    Q_PROPERTY(int speakerCount READ speakerCount NOTIFY totalsChanged)
    Q_PROPERTY(int writtenCount READ writtenCount NOTIFY totalsChanged)
public:
    enum Roles {
        CodeRole = Qt::UserRole + 1,
        LabelRole,          ///< "II.3 — title" (as CommentModel's sectionLabel)
        TitleRole,
        TotalRole,
        AgreementRole,
        AdditionRole,
        AmendmentRole,
        DeletionRole,
        RecommendationRole,
        OtherRole,
    };
    using ListModelBase::ListModelBase;

    /// Replaces the rows and group counts; totals are over distinct comments.
    void setSummary(std::vector<SectionSummaryRow> rows, std::vector<GroupCount> groups,
                    int totalComments, int speakerCount, int writtenCount);
    /// [{group, count, speakers}] per delegate group, largest first; group "" is "Khác".
    Q_INVOKABLE QVariantList groupCounts() const;
    int totalComments() const { return totalComments_; }
    int speakerCount() const { return speakerCount_; }
    int writtenCount() const { return writtenCount_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void totalsChanged();
    void groupCountsChanged();

private:
    std::vector<SectionSummaryRow> rows_;
    std::vector<GroupCount> groups_;
    int totalComments_ = 0;
    int speakerCount_ = 0;
    int writtenCount_ = 0;
};

}  // namespace gopy::client
