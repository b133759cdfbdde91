// The client as QML sees it: `import GopY` then `App.xxx`. One object per running client.
// Owns the local state (client.db in the data folder: settings, durable outbox, cached
// snapshots), the WebSocket connection and the list models of the selected conference.
//
// Every edit is written to the outbox (committed, synchronous=FULL) before the invokable
// returns; then it is shown at once (predicted locally, `pending` until acknowledged) and sent
// when connected. The displayed state is always: the server's state + the unacknowledged ops.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/core/comment_model.h"
#include "client/core/campaign_replica.h"
#include "client/core/conference_data.h"
#include "client/core/conference_list_model.h"
#include "client/core/conflict_model.h"
#include "client/core/deadline_model.h"
#include "client/core/drafting_desk.h"
#include "client/core/drafting_rows.h"
#include "client/core/organisation_model.h"
#include "client/core/live_draft_model.h"
#include "client/core/outbox.h"
#include "client/core/outline_model.h"
#include "client/core/participant_model.h"
#include "client/core/queue_model.h"
#include "client/core/replica.h"
#include "client/core/report_list_model.h"
#include "client/core/section_summary_model.h"
#include "client/core/outline.h"
#include "gopy/protocol.h"

class QQmlEngine;
class QJSEngine;

namespace gopy::client {

class LocalDatabase;
class DeviceSettings;
class SnapshotCache;
class TypingStore;
struct UnsavedDraft;
class Connection;
class ReportDownloader;

class App : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY serverAddressChanged)
    /// The pinned certificate fingerprint in the short form people compare ("9C2A 24E2 A123
    /// 125D"); empty before admission and for a plain test server.
    Q_PROPERTY(QString serverFingerprint READ serverFingerprint NOTIFY serverAddressChanged)
    /// False only for a ws:// (--insecure) server.
    Q_PROPERTY(bool secureConnection READ secureConnection NOTIFY serverAddressChanged)
    Q_PROPERTY(QString role READ role NOTIFY deviceChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY deviceChanged)
    Q_PROPERTY(QString deviceId READ deviceId NOTIFY deviceChanged)
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY unsentCountChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)

    Q_PROPERTY(QString campaignTitle READ campaignTitle NOTIFY campaignChanged)
    Q_PROPERTY(QString draftTitle READ draftTitle NOTIFY campaignChanged)
    /// Numbered body paragraphs of the draft (all sections); bind to it to re-read paragraphsOf().
    Q_PROPERTY(int paragraphCount READ paragraphCount NOTIFY campaignChanged)

    Q_PROPERTY(int conferenceId READ conferenceId NOTIFY conferenceChanged)
    Q_PROPERTY(QString conferenceTitle READ conferenceTitle NOTIFY conferenceChanged)
    Q_PROPERTY(QString conferenceState READ conferenceState NOTIFY conferenceChanged)
    Q_PROPERTY(QString conferenceDate READ conferenceDate NOTIFY conferenceChanged)
    Q_PROPERTY(QString conferencePlace READ conferencePlace NOTIFY conferenceChanged)
    Q_PROPERTY(int presentCount READ presentCount NOTIFY conferenceChanged)
    Q_PROPERTY(bool headCounted READ headCounted NOTIFY conferenceChanged)
    Q_PROPERTY(double sessionStartedAt READ sessionStartedAt NOTIFY conferenceChanged)
    Q_PROPERTY(double sessionEndedAt READ sessionEndedAt NOTIFY conferenceChanged)
    Q_PROPERTY(QString currentTurnId READ currentTurnId NOTIFY conferenceChanged)
    Q_PROPERTY(QString currentParticipantId READ currentParticipantId NOTIFY conferenceChanged)
    Q_PROPERTY(QString currentSpeakerName READ currentSpeakerName NOTIFY conferenceChanged)
    Q_PROPERTY(double currentTurnStartedAt READ currentTurnStartedAt NOTIFY conferenceChanged)

    Q_PROPERTY(gopy::client::ConferenceListModel* conferences READ conferences CONSTANT)
    Q_PROPERTY(gopy::client::OutlineModel* outline READ outline CONSTANT)
    Q_PROPERTY(gopy::client::ParticipantModel* participants READ participants CONSTANT)
    Q_PROPERTY(gopy::client::QueueModel* queue READ queue CONSTANT)
    Q_PROPERTY(gopy::client::CommentModel* comments READ comments CONSTANT)
    Q_PROPERTY(gopy::client::SectionSummaryModel* sectionSummary READ sectionSummary CONSTANT)
    Q_PROPERTY(gopy::client::LiveDraftModel* liveDrafts READ liveDrafts CONSTANT)
    Q_PROPERTY(gopy::client::ConflictModel* conflicts READ conflicts CONSTANT)
    Q_PROPERTY(gopy::client::CommentModel* flagged READ flagged CONSTANT)
    Q_PROPERTY(gopy::client::ReportListModel* reports READ reports CONSTANT)
    /// The selected conference's newest synthesis (PDF) version when it is not released yet, for
    /// "Phát hành cho đại biểu"; 0 when there is none or the newest one is already released.
    Q_PROPERTY(int releasableReportId READ releasableReportId NOTIFY conferenceChanged)
    /// Its version number (0 when none).
    Q_PROPERTY(int releasableReportVersion READ releasableReportVersion NOTIFY conferenceChanged)

    // Issue 5: dashboard (everyone), grassroots reporter, drafting team.
    Q_PROPERTY(QString dashboardToday READ dashboardToday NOTIFY dashboardChanged)
    Q_PROPERTY(gopy::client::DeadlineModel* deadlines READ deadlines CONSTANT)
    Q_PROPERTY(gopy::client::OrganisationModel* organisations READ organisations CONSTANT)
    Q_PROPERTY(int reportedCount READ reportedCount NOTIFY dashboardChanged)
    Q_PROPERTY(int organisationCount READ organisationCount NOTIFY dashboardChanged)
    Q_PROPERTY(int organisationId READ organisationId NOTIFY deviceChanged)
    Q_PROPERTY(QString organisationName READ organisationName NOTIFY organisationChanged)
    Q_PROPERTY(bool organisationReported READ organisationReported NOTIFY organisationChanged)
    Q_PROPERTY(gopy::client::DraftingDesk* drafting READ drafting CONSTANT)

public:
    /// Offline: token known, no connection for a while (retrying every ≤ 5 s in the
    /// background). Connecting: first attempt since start or connectTo/admit. Connected:
    /// authenticated (Welcome received). Reconnecting: the connection dropped, retrying.
    /// NeedsAdmission: no device token yet (show the address and code screen).
    enum ConnectionState { Offline, Connecting, Connected, Reconnecting, NeedsAdmission };
    Q_ENUM(ConnectionState)

    /// Opens (creating) the local state in `dataDir` and, if a token and address are stored,
    /// starts connecting. Throws LocalStoreError if client.db cannot be opened.
    explicit App(const QString& dataDir, QObject* parent = nullptr);
    ~App() override;

    /// For the QML engine: the instance given to setInstance(), else one built from the
    /// startup options (setStartupOptions, else $GOPY_CLIENT_DATA_DIR / $GOPY_SERVER, else
    /// QStandardPaths::AppDataLocation).
    static App* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
    /// Data folder and server address ("" keeps the stored one) for the instance QML creates.
    static void setStartupOptions(const QString& dataDir, const QString& serverAddress);
    /// Makes QML use this instance (tests); the caller keeps ownership.
    static void setInstance(App* app);

    ConnectionState connectionState() const { return state_; }
    QString serverAddress() const;
    QString serverFingerprint() const;
    bool secureConnection() const;
    QString role() const;
    QString deviceName() const;
    QString deviceId() const;
    int unsentCount() const;
    QString lastError() const { return lastError_; }
    QString dataDir() const { return dataDir_; }
    QString campaignTitle() const;
    QString draftTitle() const;
    int paragraphCount() const { return welcome_ ? static_cast<int>(welcome_->paragraphs.size()) : 0; }
    int conferenceId() const { return static_cast<int>(conferenceId_); }
    QString conferenceTitle() const;
    QString conferenceState() const;
    QString conferenceDate() const;
    QString conferencePlace() const;
    int presentCount() const;
    bool headCounted() const;
    double sessionStartedAt() const;
    double sessionEndedAt() const;
    QString currentTurnId() const;
    QString currentParticipantId() const;
    QString currentSpeakerName() const;
    double currentTurnStartedAt() const;

    ConferenceListModel* conferences() const { return conferences_; }
    OutlineModel* outline() const { return outline_; }
    ParticipantModel* participants() const { return participants_; }
    QueueModel* queue() const { return queue_; }
    CommentModel* comments() const { return comments_; }
    SectionSummaryModel* sectionSummary() const { return sectionSummary_; }
    LiveDraftModel* liveDrafts() const { return liveDrafts_; }
    ConflictModel* conflicts() const { return conflicts_; }
    CommentModel* flagged() const { return flagged_; }
    ReportListModel* reports() const { return reports_; }
    int releasableReportId() const;
    int releasableReportVersion() const;
    QString dashboardToday() const;
    DeadlineModel* deadlines() const { return deadlines_; }
    OrganisationModel* organisations() const { return organisations_; }
    int reportedCount() const;
    int organisationCount() const { return static_cast<int>(dashboard_.organisations.size()); }
    int organisationId() const { return welcome_ ? static_cast<int>(welcome_->organisationId) : 0; }
    QString organisationName() const;
    bool organisationReported() const;
    DraftingDesk* drafting() const { return drafting_; }
    /// Drafting team: every conference's replica, and the campaign as shown.
    const CampaignReplica& campaign() const { return campaign_; }

    /// The selected conference's replica.
    const Replica& conference() const { return conference_; }
    /// The state shown (server state + unacknowledged local ops) of the selected conference.
    const ConferenceData& displayed() const { return conference_.displayed(); }
    /// The last server state of the selected conference (what the server acknowledged).
    const ConferenceData& confirmed() const { return conference_.confirmed(); }
    /// True once a snapshot of the selected conference was received (or loaded from the cache).
    bool hasServerState() const { return conference_.hasServerState(); }

    // ---- connection and admission ----
    /// Remembers "host:port" and connects (with the stored token) or, without a token, waits
    /// for admit(). Errors go to lastError.
    Q_INVOKABLE void connectTo(const QString& address);
    /// {address, code, fingerprint, valid} of a typed address or a pasted gopy:// link
    /// (server_link.h), so the connect screen can fill the code field from the link.
    Q_INVOKABLE QVariantMap parseServerLink(const QString& text) const;
    /// Exchanges a one-time admission code for a device token (kept in client.db).
    Q_INVOKABLE void admit(const QString& code, const QString& deviceName);
    /// Forgets the token and cached data (the outbox stays, to be sent after a new admission).
    Q_INVOKABLE void forgetDevice();

    // ---- conference ----
    /// Shows that conference (cached state at once) and follows it on the server.
    Q_INVOKABLE void selectConference(int conferenceId);
    Q_INVOKABLE void startSession();
    Q_INVOKABLE void endSession();
    Q_INVOKABLE void setPresent(const QString& participantId, bool present);
    /// Head count instead of ticking (n ≥ 0).
    Q_INVOKABLE void setHeadCount(int count);
    /// A speaker added on the spot (present). Returns the new participant id, "" if refused.
    Q_INVOKABLE QString addParticipant(const QString& fullName, const QString& title,
                                       const QString& organisation, const QString& group);

    // ---- queue ----
    /// Appends the participant to the queue; returns the new turn id ("" if refused).
    Q_INVOKABLE QString enqueue(const QString& participantId);
    /// Moves a turn to `toIndex` of the queue as shown (position order).
    Q_INVOKABLE void moveTurn(const QString& turnId, int toIndex);
    Q_INVOKABLE void removeTurn(const QString& turnId);
    /// Starts the turn (the server stops a turn that is speaking).
    Q_INVOKABLE void startTurn(const QString& turnId);
    Q_INVOKABLE void stopTurn(const QString& turnId);
    /// Stops the speaking turn and starts the first waiting one.
    Q_INVOKABLE void nextSpeaker();

    // ---- comments ----
    /// Records a comment; returns its id ("" and lastError when refused: empty text, unknown
    /// participant, unknown section or kind, a paragraph the first section does not have).
    /// `turnId` may be "" (written submission). `paragraph`: number within the first section,
    /// 0 = the whole section.
    Q_INVOKABLE QString createComment(const QString& participantId, const QString& turnId,
                                      const QString& text, const QStringList& sections,
                                      const QString& kind, const QString& proposedWording,
                                      const QString& proposedLocation, bool written,
                                      int paragraph = 0);
    /// Edits a comment against `baseRev`, the revision the editor loaded (commentRev() when it
    /// began); 0 (the default) takes the revision shown now. An edit another device saved
    /// since that revision makes the server keep this text as a conflict, so neither is lost.
    /// `paragraph`: the new number within the first section, 0 clears it; -1 (the default)
    /// leaves it to the server's rule (kept while the first section stays the same).
    /// False (and lastError) when refused; true when saved or nothing changed.
    Q_INVOKABLE bool updateComment(const QString& commentId, const QString& text,
                                   const QStringList& sections, const QString& kind,
                                   const QString& proposedWording, const QString& proposedLocation,
                                   bool written, int paragraph = -1, int baseRev = 0);
    /// The revision of the comment as shown (server state + own unacknowledged edits); 0 when
    /// unknown. An editor reads it when it loads the comment and saves against it.
    Q_INVOKABLE int commentRev(const QString& commentId) const;
    Q_INVOKABLE void deleteComment(const QString& commentId);
    /// Live draft for the chair (not durable), at most 4 messages a second; the last text is
    /// always sent. Empty text clears the draft. commentId "" for a comment not yet created.
    Q_INVOKABLE void sendTyping(const QString& commentId, const QString& participantId,
                                const QString& text);
    /// Crash-safe typing: keeps what the editor holds for the selected conference in client.db
    /// (throttled: written at most every 300 ms; flushUnsaved() writes at once, on focus loss).
    /// `commentId` and `baseRev` for an edit ("" and 0 for a new comment). Empty text and no
    /// comment being edited drops the kept draft instead.
    Q_INVOKABLE void keepUnsaved(const QString& commentId, int baseRev, const QString& participantId,
                                 const QString& turnId, const QString& speakerName, const QString& text,
                                 const QStringList& sections, const QString& kind,
                                 const QString& proposedWording, const QString& proposedLocation,
                                 bool written, int paragraph);
    /// Writes the draft kept by keepUnsaved() now, if one waits for the throttle.
    Q_INVOKABLE void flushUnsaved();
    /// The selected conference's kept draft — {commentId, baseRev, participantId, turnId,
    /// speakerName, text, sections, kind, proposedWording, proposedLocation, written, paragraph,
    /// savedAt} — after a crash or restart; {} when none.
    Q_INVOKABLE QVariantMap unsavedDraft() const;
    /// Drops the selected conference's kept draft (saved, or the secretary discarded it).
    Q_INVOKABLE void discardUnsaved();

    /// Settles every open conflict of the comment with the merged text a person chose.
    Q_INVOKABLE void resolveConflict(const QString& commentId, const QString& mergedText);
    /// Chair: marks a comment for the closing remarks.
    Q_INVOKABLE void flagComment(const QString& commentId, bool flagged);

    // ---- reports ----
    /// Makes the report visible to the conference's delegates (secretary, chair); refused
    /// (lastError) for an unknown report, another role, or one already released.
    Q_INVOKABLE void releaseReport(int reportId);
    /// Downloads the report file into the data folder; reportReady() when done.
    Q_INVOKABLE void downloadReport(int reportId);

    /// Kind names for pickers: [{kind, label}] in the order of the model.
    Q_INVOKABLE QVariantList kinds() const;
    /// The numbered body paragraphs of a draft section, from the last Welcome (kept in
    /// client.db, so also offline): [{number, opening}] in order; [] when it has none.
    Q_INVOKABLE QVariantList paragraphsOf(const QString& sectionCode) const;

    // ---- dashboard and grassroots (issue 5) ----
    /// Asks the server for the dashboard (deadlines, organisations, suggestions); the answer
    /// fills deadlines / organisations / drafting.suggestions. Sent by itself after welcome
    /// and after a grassroots.report or session.end event.
    Q_INVOKABLE void refreshDashboard();
    /// Grassroots reporter: a comment of its organisation's congress in the grassroots
    /// channel. Returns the new id; "" and lastError when refused (empty text, unknown kind or
    /// section, device not bound to an organisation).
    Q_INVOKABLE QString createGrassrootsComment(const QStringList& sections, const QString& kind,
                                                const QString& text, const QString& proposedWording,
                                                const QString& proposedLocation, int paragraph = 0);
    /// Grassroots reporter: marks the organisation's report complete and sent.
    Q_INVOKABLE void sendGrassrootsReport();

signals:
    void connectionStateChanged();
    void serverAddressChanged();
    void deviceChanged();
    void unsentCountChanged();
    void lastErrorChanged();
    void campaignChanged();
    void conferenceChanged();
    void error(const QString& message);
    void reportReady(int reportId, const QString& localPath);
    /// The outbox received an acknowledgement (tests and status lines).
    void acknowledged(qint64 clientSeq);
    void dashboardChanged();
    void organisationChanged();

private:
    void startConnection(bool admitting);
    void setState(ConnectionState state);
    void setError(const QString& message);
    void clearError();
    void onOpened();
    void onClosed();
    void onMessage(const proto::Message& message);
    void onWelcome(const proto::Welcome& welcome);
    void onSnapshot(const proto::Snapshot& snapshot);
    void onEvents(const proto::Events& events);
    void onAck(const proto::Ack& ack);
    void onNack(const proto::Nack& nack);
    void onTyping(const proto::Typing& typing);
    void onServerError(const proto::Error& error);
    void subscribe();
    void sendPending();
    bool submit(const proto::Operation& op);
    /// The editable fields of a comment as a person entered them, checked: a known kind, draft
    /// sections (each once, in order), the proposed wording trimmed. Sets the error and returns
    /// nullopt when refused. Shared by create, update and the grassroots entry.
    struct CommentFields {
        CommentKind kind = CommentKind::Other;
        std::vector<std::string> sections;
        std::optional<ProposedWording> proposed;
    };
    std::optional<CommentFields> checkedFields(const QStringList& sections, const QString& kind,
                                               const QString& proposedWording,
                                               const QString& proposedLocation);
    /// A paragraph number for these (checked) sections: 0, or one the first section has in the
    /// draft. Sets the error (the server's wording) and returns false otherwise.
    bool checkParagraph(const std::vector<std::string>& sections, int paragraph);
    void rebuild();
    void refreshModels();
    void saveSnapshotSoon();
    void saveSnapshot();
    void applyWelcome(const proto::Welcome& welcome);
    void flushTyping();
    void writeUnsaved();
    void sendTypingNow(const proto::Typing& typing);
    void updateConnectionState();
    bool mayWrite(const proto::Operation& op);
    void reloadPending();
    void loadConference(std::int64_t conferenceId);
    std::string localReportPath(const ReportInfo& report);
    bool isDrafting() const;
    bool submitTo(std::int64_t conferenceId, const proto::Operation& op);
    void onDashboard(const proto::Dashboard& dashboard);
    void applyDashboard();
    void loadCampaign();
    void rebuildDrafting();
    void saveCampaignSoon();
    void saveCampaign();
    void noteEvents(const proto::Events& events);

    QString dataDir_;
    std::unique_ptr<LocalDatabase> db_;
    std::unique_ptr<DeviceSettings> settings_;
    std::unique_ptr<Outbox> outbox_;
    std::unique_ptr<SnapshotCache> snapshots_;
    std::unique_ptr<TypingStore> typingStore_;
    /// The editor's newest state, waiting for unsavedSaver_ (at most one write per 300 ms).
    std::unique_ptr<UnsavedDraft> unsavedQueued_;
    QTimer unsavedSaver_;
    Connection* connection_ = nullptr;
    ReportDownloader* downloader_ = nullptr;

    ConferenceListModel* conferences_ = nullptr;
    OutlineModel* outline_ = nullptr;
    ParticipantModel* participants_ = nullptr;
    QueueModel* queue_ = nullptr;
    CommentModel* comments_ = nullptr;
    SectionSummaryModel* sectionSummary_ = nullptr;
    LiveDraftModel* liveDrafts_ = nullptr;
    ConflictModel* conflicts_ = nullptr;
    CommentModel* flagged_ = nullptr;
    ReportListModel* reports_ = nullptr;
    DeadlineModel* deadlines_ = nullptr;
    OrganisationModel* organisations_ = nullptr;
    DraftingDesk* drafting_ = nullptr;

    ConnectionState state_ = NeedsAdmission;
    QString lastError_;
    std::optional<proto::Welcome> welcome_;
    Outline outlineData_;
    std::int64_t conferenceId_ = 0;
    /// The selected conference: server state, acknowledged ops, shown state.
    Replica conference_;
    proto::Dashboard dashboard_;
    /// Drafting team: every conference of the campaign at once.
    CampaignReplica campaign_;
    QTimer campaignSaver_;
    /// Mirror of the outbox (ascending client_seq), so acks do not re-read the file.
    std::vector<Outbox::Entry> pending_;
    std::map<std::int64_t, std::string> localReports_;
    bool everConnected_ = false;
    bool authenticated_ = false;
    bool admitting_ = false;
    std::string pendingAdmitCode_;
    std::string pendingRequestId_;  ///< the admit's request_id, the same on every retry
    QString pendingPin_;  ///< the fingerprint of a gopy:// link, pinned from the first connection
    proto::SnapshotAssembler snapshotParts_;  ///< the parts of a large snapshot being received
    std::string pendingDeviceName_;
    std::int64_t sentUpTo_ = 0;
    std::int64_t gapBarrier_ = 0;
    QTimer snapshotSaver_;
    QTimer ticker_;
    QTimer typingTimer_;
    QTimer storageRetry_;
    std::optional<proto::Typing> typingQueued_;
    qint64 lastTypingSentAt_ = 0;
};

}  // namespace gopy::client
