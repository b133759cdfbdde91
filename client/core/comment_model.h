// Comments of the selected conference, sorted by the draft's order of their first section,
// then by creation (ListView.section.property: "sectionLabel"). One instance shows all of
// them, another only flagged ones; `participantFilter` narrows to one speaker (a delegate's
// own comments, or the current speaker's comments in the secretary's editor).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <vector>

#include "client/core/list_model_base.h"
#include "client/core/view_rows.h"

namespace gopy::client {

class CommentModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.comments")
    Q_PROPERTY(QString participantFilter READ participantFilter WRITE setParticipantFilter
                   NOTIFY participantFilterChanged)
public:
    enum Roles {
        CommentIdRole = Qt::UserRole + 1,
        ParticipantIdRole,
        SpeakerNameRole,
        SpeakerTitleRole,
        SectionsRole,          ///< list of section codes
        SectionLabelRole,      ///< "II.3 — title" of the first section, for grouping
        SectionOrderRole,
        KindRole,              ///< "agreement" | "addition" | "amendment" | "deletion" | …
        KindLabelRole,         ///< Vietnamese
        TextRole,
        ProposedWordingRole,
        ProposedLocationRole,
        WrittenRole,
        FlaggedRole,
        RevRole,
        PendingRole,           ///< a local edit is in the outbox, not acknowledged yet
        HasConflictRole,
        TurnIdRole,
        CreatedAtRole,
        SpeakerGroupRole,
        ParagraphRole,         ///< paragraph number within the first section; 0: none
    };
    /// `flaggedOnly`: the chair's list of points for the closing remarks.
    explicit CommentModel(bool flaggedOnly = false, QObject* parent = nullptr);

    void setComments(const std::vector<CommentRow>& rows);
    QString participantFilter() const { return participantFilter_; }
    /// Shows only that participant's comments; "" shows everyone's.
    void setParticipantFilter(const QString& participantId);
    /// Row of a comment, -1 when not shown.
    Q_INVOKABLE int indexOf(const QString& commentId) const;
    /// The comment's fields as a JS object (roles by name) for an editor; empty when unknown.
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void participantFilterChanged();

private:
    void refresh();

    bool flaggedOnly_ = false;
    QString participantFilter_;
    std::vector<CommentRow> all_;
    std::vector<CommentRow> rows_;
};

}  // namespace gopy::client
