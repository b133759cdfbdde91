// The drafting team's desk (App.drafting): the work list per draft section of every comment
// from every channel, the comments without a section to assign many at a time, the groups of
// comments that say the same thing and the answers (acceptance table). Its actions become
// operations through App's durable outbox (one per conference the comments belong to, so
// every device following that conference sees them).
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "client/core/drafting_rows.h"
#include "client/core/group_model.h"
#include "client/core/outline.h"
#include "client/core/section_count_model.h"
#include "client/core/suggestion_model.h"
#include "client/core/work_item_model.h"
#include "gopy/protocol.h"

namespace gopy::client {

class DraftingDesk : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(DraftingDeskModel)  // the view in GopY.Views is DraftingDesk
    QML_UNCREATABLE("App.drafting")
    Q_PROPERTY(gopy::client::SectionCountModel* sectionCounts READ sectionCounts CONSTANT)
    Q_PROPERTY(gopy::client::WorkItemModel* items READ items CONSTANT)
    Q_PROPERTY(gopy::client::GroupModel* groups READ groups CONSTANT)
    Q_PROPERTY(gopy::client::SuggestionModel* suggestions READ suggestions CONSTANT)
    Q_PROPERTY(QString section READ section NOTIFY sectionChanged)
    Q_PROPERTY(int unassignedCount READ unassignedCount NOTIFY countsChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countsChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
public:
    /// Queues one operation for a conference through the outbox; false when refused locally.
    using Submit = std::function<bool(std::int64_t conferenceId, const proto::Operation& op)>;
    /// Shows a message to people (App.lastError).
    using Report = std::function<void(const QString& message)>;

    DraftingDesk(Submit submit, Report report, QObject* parent = nullptr);

    SectionCountModel* sectionCounts() const { return sectionCounts_; }
    WorkItemModel* items() const { return items_; }
    GroupModel* groups() const { return groups_; }
    SuggestionModel* suggestions() const { return suggestions_; }
    QString section() const { return items_->section(); }
    int unassignedCount() const { return unassigned_; }
    int totalCount() const { return total_; }
    int pendingCount() const { return pending_; }
    int selectedCount() const { return items_->selectedCount(); }

    /// The campaign as shown (server state + unacknowledged ops); `pending` ids are marked.
    void setState(const CampaignState& state, const Outline& outline, const std::set<std::string>& pending);
    /// Near-duplicate suggestions from the last dashboard (ids empty).
    void setSuggestions(std::vector<CommentGroup> suggestions);

    /// Shows that section's comments and groups ("" all, "__unassigned" those without one).
    Q_INVOKABLE void setSection(const QString& code);
    /// Folding search over the comments shown.
    Q_INVOKABLE void setFilter(const QString& query);
    Q_INVOKABLE void setSelected(const QString& commentId, bool selected);
    /// Ticks (or unticks) every comment shown now.
    Q_INVOKABLE void selectAll(bool selected);
    Q_INVOKABLE void clearSelection();
    /// Gives every ticked comment these sections (replacing theirs): one comment.assign per
    /// conference. Refused (lastError) without ticks, without sections or with an unknown one.
    Q_INVOKABLE void assignSelected(const QStringList& sectionCodes);
    /// Groups the ticked comments (at least two) under `section` ("" the first member's first
    /// section); returns the new group id, "" when refused.
    Q_INVOKABLE QString groupSelected(const QString& section);
    /// Confirms the suggestion shown at `row` as a group; returns its id, "" when refused.
    Q_INVOKABLE QString confirmSuggestion(int row);
    Q_INVOKABLE void dissolveGroup(const QString& groupId);
    /// The answer to a group (groupId) or to a comment outside any group (commentId): exactly
    /// one of them. acceptance: "pending"|"accepted"|"partly"|"not_accepted"; "partly" and
    /// "not_accepted" need an explanation.
    Q_INVOKABLE void setAcceptance(const QString& groupId, const QString& commentId, const QString& acceptance,
                                   const QString& explanation);
    /// Acceptance values for pickers: [{acceptance, label}] (answers only, without "pending").
    Q_INVOKABLE QVariantList acceptances() const;

signals:
    void sectionChanged();
    void countsChanged();
    void selectionChanged();

private:
    void refreshGroups();
    void refreshSuggestions();
    const GroupRow* findGroup(const std::string& groupId) const;
    QString submitGroup(const std::string& section, const std::vector<std::string>& members);

    Submit submit_;
    Report report_;
    SectionCountModel* sectionCounts_ = nullptr;
    WorkItemModel* items_ = nullptr;
    GroupModel* groups_ = nullptr;
    SuggestionModel* suggestions_ = nullptr;
    Outline outline_;
    std::vector<GroupRow> allGroups_;
    std::vector<CommentGroup> suggested_;
    int unassigned_ = 0;
    int total_ = 0;
    int pending_ = 0;
};

}  // namespace gopy::client
