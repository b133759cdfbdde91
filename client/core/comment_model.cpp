#include "client/core/comment_model.h"

#include "client/core/qt_text.h"

namespace gopy::client {

CommentModel::CommentModel(bool flaggedOnly, QObject* parent)
    : ListModelBase(parent), flaggedOnly_(flaggedOnly)
{
}

void CommentModel::setComments(const std::vector<CommentRow>& rows)
{
    all_ = rows;
    refresh();
}

void CommentModel::setParticipantFilter(const QString& participantId)
{
    if (participantId == participantFilter_)
        return;
    participantFilter_ = participantId;
    emit participantFilterChanged();
    refresh();
}

void CommentModel::refresh()
{
    const std::string participant = fromQ(participantFilter_);
    std::vector<CommentRow> next;
    for (const CommentRow& row : all_) {
        if (flaggedOnly_ && !row.comment.flagged)
            continue;
        if (!participant.empty() && row.comment.participantId != participant)
            continue;
        next.push_back(row);
    }
    syncRows(rows_, std::move(next), [](const CommentRow& r) { return r.comment.id; });
}

int CommentModel::indexOf(const QString& commentId) const
{
    const std::string id = fromQ(commentId);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].comment.id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QVariantMap CommentModel::get(int row) const
{
    return rowAsMap(row);
}

int CommentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant CommentModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const CommentRow& r = rows_[static_cast<std::size_t>(index.row())];
    const Comment& c = r.comment;
    switch (role) {
    case CommentIdRole: return toQ(c.id);
    case ParticipantIdRole: return toQ(c.participantId);
    case SpeakerNameRole: return toQ(r.speakerName);
    case SpeakerTitleRole: return toQ(r.speakerTitle);
    case SectionsRole: return toQ(c.sections);
    case SectionLabelRole: return toQ(r.sectionLabel);
    case SectionOrderRole: return r.sectionOrder;
    case KindRole: return toQ(std::string(toString(c.kind)));
    case KindLabelRole: return toQ(std::string(labelVi(c.kind)));
    case Qt::DisplayRole:
    case TextRole: return toQ(c.text);
    case ProposedWordingRole: return c.proposed ? toQ(c.proposed->wording) : QString();
    case ProposedLocationRole: return c.proposed ? toQ(c.proposed->location) : QString();
    case WrittenRole: return c.written;
    case FlaggedRole: return c.flagged;
    case RevRole: return static_cast<int>(c.rev);
    case PendingRole: return r.pending;
    case HasConflictRole: return r.hasConflict;
    case TurnIdRole: return toQ(c.turnId);
    case CreatedAtRole: return static_cast<double>(c.createdAt);
    case SpeakerGroupRole: return toQ(r.speakerGroup);
    case ParagraphRole: return c.paragraph;
    default: return {};
    }
}

QHash<int, QByteArray> CommentModel::roleNames() const
{
    return {{CommentIdRole, "commentId"},
            {ParticipantIdRole, "participantId"},
            {SpeakerNameRole, "speakerName"},
            {SpeakerTitleRole, "speakerTitle"},
            {SectionsRole, "sections"},
            {SectionLabelRole, "sectionLabel"},
            {SectionOrderRole, "sectionOrder"},
            {KindRole, "kind"},
            {KindLabelRole, "kindLabel"},
            {TextRole, "text"},
            {ProposedWordingRole, "proposedWording"},
            {ProposedLocationRole, "proposedLocation"},
            {WrittenRole, "written"},
            {FlaggedRole, "flagged"},
            {RevRole, "rev"},
            {PendingRole, "pending"},
            {HasConflictRole, "hasConflict"},
            {TurnIdRole, "turnId"},
            {CreatedAtRole, "createdAt"},
            {SpeakerGroupRole, "speakerGroup"},
            {ParagraphRole, "paragraph"}};
}

}  // namespace gopy::client
