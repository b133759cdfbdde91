#include "client/core/section_summary_model.h"

#include <QVariantMap>

#include "client/core/qt_text.h"

namespace gopy::client {

void SectionSummaryModel::setSummary(std::vector<SectionSummaryRow> rows,
                                     std::vector<GroupCount> groups, int totalComments,
                                     int speakerCount, int writtenCount)
{
    syncRows(rows_, std::move(rows), [](const SectionSummaryRow& r) { return r.code; });
    if (groups != groups_) {
        groups_ = std::move(groups);
        emit groupCountsChanged();
    }
    if (totalComments != totalComments_ || speakerCount != speakerCount_ ||
        writtenCount != writtenCount_) {
        totalComments_ = totalComments;
        speakerCount_ = speakerCount;
        writtenCount_ = writtenCount;
        emit totalsChanged();
    }
}

QVariantList SectionSummaryModel::groupCounts() const
{
    QVariantList result;
    for (const GroupCount& g : groups_) {
        QVariantMap item;
        item.insert(QStringLiteral("group"), g.group.empty() ? QStringLiteral("Khác") : toQ(g.group));
        item.insert(QStringLiteral("count"), g.comments);
        item.insert(QStringLiteral("speakers"), g.speakers);
        result.append(item);
    }
    return result;
}

int SectionSummaryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant SectionSummaryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const SectionSummaryRow& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case CodeRole: return toQ(r.code);
    case Qt::DisplayRole:
    case LabelRole: return toQ(r.label);
    case TitleRole: return toQ(r.title);
    case TotalRole: return r.total;
    case AgreementRole: return r.byKind[static_cast<int>(CommentKind::Agreement)];
    case AdditionRole: return r.byKind[static_cast<int>(CommentKind::Addition)];
    case AmendmentRole: return r.byKind[static_cast<int>(CommentKind::Amendment)];
    case DeletionRole: return r.byKind[static_cast<int>(CommentKind::Deletion)];
    case RecommendationRole: return r.byKind[static_cast<int>(CommentKind::Recommendation)];
    case OtherRole: return r.byKind[static_cast<int>(CommentKind::Other)];
    default: return {};
    }
}

QHash<int, QByteArray> SectionSummaryModel::roleNames() const
{
    return {{CodeRole, "code"},
            {LabelRole, "label"},
            {TitleRole, "title"},
            {TotalRole, "total"},
            {AgreementRole, "agreement"},
            {AdditionRole, "addition"},
            {AmendmentRole, "amendment"},
            {DeletionRole, "deletion"},
            {RecommendationRole, "recommendation"},
            {OtherRole, "other"}};
}

}  // namespace gopy::client
