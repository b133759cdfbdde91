// The drafting team's work list: one row per comment of every channel, narrowed to a draft
// section (with the sections below it) or to the comments without a section, and by a folding
// search; rows can be ticked for actions on many comments at once.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <QStringList>
#include <set>
#include <string>
#include <vector>

#include "client/core/drafting_rows.h"
#include "client/core/list_model_base.h"
#include "client/core/outline.h"

namespace gopy::client {

class WorkItemModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.drafting.items")
    Q_PROPERTY(QString section READ section WRITE setSection NOTIFY sectionChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
public:
    enum Roles {
        CommentIdRole = Qt::UserRole + 1,
        ConferenceIdRole,
        SourceRole,           ///< "Hội nghị 2", "Nhân dân", "Tổ chức cơ sở đảng"
        ChannelRole,          ///< "conference" | "public" | "grassroots"
        WhoRole,              ///< speaker, author or organisation
        SectionsRole,         ///< list of codes
        SectionLabelRole,     ///< first section "II.3 — title", "Chưa phân mục"
        TextRole,
        KindRole,
        KindLabelRole,
        GroupIdRole,
        AcceptanceRole,       ///< "pending" | "accepted" | "partly" | "not_accepted"
        AcceptanceLabelRole,
        AcceptanceNoteRole,
        OutsideWindowRole,
        SelectedRole,
        GroupFirstRole,       ///< first row of its group among the rows shown
        GroupSizeRole,        ///< rows of its group among the rows shown
        PendingRole,
        ProposedWordingRole,
        SubmittedAtRole,      ///< as submitted (public, grassroots)
        ParagraphRole,        ///< paragraph number within the first section; 0: none
    };
    using ListModelBase::ListModelBase;

    /// Replaces every comment (sorted as workItems() sorts); ticks of comments gone are dropped.
    void setItems(std::vector<WorkItemRow> items, const Outline& outline);
    QString section() const { return section_; }
    /// "" every comment; "__unassigned" those without a section; else a section code (with
    /// the sections below it, and groups of it).
    Q_INVOKABLE void setSection(const QString& code);
    QString filter() const { return filter_; }
    /// Rows whose text, sender, source or section codes match every word (folded:
    /// "phuc xa" finds "Phúc Xá"); all rows when empty.
    Q_INVOKABLE void setFilter(const QString& query);

    int selectedCount() const { return static_cast<int>(selected_.size()); }
    void setSelected(const std::string& commentId, bool selected);
    /// Ticks (or unticks) every row shown now.
    void selectAll(bool selected);
    void clearSelection();
    /// Ticked comments in list order (shown or not).
    std::vector<const WorkItemRow*> selectedRows() const;
    /// The row of a comment among all comments (shown or not); nullptr when unknown.
    const WorkItemRow* find(const std::string& commentId) const;
    /// Row of a comment among the rows shown, -1 when not shown.
    Q_INVOKABLE int indexOf(const QString& commentId) const;
    /// The row's fields as a JS object (roles by name); empty when out of range.
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sectionChanged();
    void filterChanged();
    void selectionChanged();

private:
    struct Shown {
        WorkItemRow item;
        bool selected = false;
        bool groupFirst = false;
        int groupSize = 0;
        bool operator==(const Shown&) const = default;
    };
    bool accepts(const WorkItemRow& item) const;
    /// Recomputes the rows shown; `reset` replaces them at once (a new filter), else in place.
    void refresh(bool reset);

    std::vector<WorkItemRow> all_;
    Outline outline_;
    QString section_;
    QString filter_;
    std::vector<std::string> filterWords_;  ///< folded
    std::set<std::string> selected_;
    std::vector<Shown> rows_;
};

}  // namespace gopy::client
