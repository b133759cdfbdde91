// What secretaries are typing right now (Typing messages relayed by the server): one row per
// (device, comment), replaced as the text changes, removed when the typist saves or closes
// the editor, or after 60 s without news (the typist's device went away).
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <vector>

#include "client/core/list_model_base.h"
#include "gopy/model.h"
#include "gopy/protocol.h"

namespace gopy::client {

struct LiveDraftRow {
    std::string commentId;  ///< "" for a comment not created yet
    std::string participantId;
    std::string speakerName;
    std::string deviceName;
    std::string text;
    Millis updatedAt = 0;
    bool operator==(const LiveDraftRow&) const = default;
};

class LiveDraftModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.liveDrafts")
public:
    enum Roles {
        CommentIdRole = Qt::UserRole + 1,
        ParticipantIdRole,
        SpeakerNameRole,
        DeviceNameRole,
        TextRole,
        UpdatedAtRole,
    };
    using ListModelBase::ListModelBase;

    /// Applies a relayed Typing: upsert by (deviceName, commentId), or removal when done or
    /// the text is empty.
    void apply(const proto::Typing& typing, const std::string& speakerName, Millis now);
    /// Removes drafts not updated since `olderThan`.
    void expire(Millis olderThan);
    /// Removes the drafts of a comment that has been saved (by its id).
    void removeComment(const std::string& commentId);
    void clear();
    const std::vector<LiveDraftRow>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::vector<LiveDraftRow> rows_;
};

}  // namespace gopy::client
