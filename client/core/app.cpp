#include "client/core/app.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QUuid>
#include <QVariantMap>

#include <algorithm>
#include <type_traits>

#include "client/core/comment_model.h"
#include "client/core/conference_list_model.h"
#include "client/core/conflict_model.h"
#include "client/core/connection.h"
#include "client/core/device_settings.h"
#include "client/core/live_draft_model.h"
#include "client/core/local_database.h"
#include "client/core/outline_model.h"
#include "client/core/participant_model.h"
#include "client/core/qt_text.h"
#include "client/core/queue_model.h"
#include "client/core/replica.h"
#include "client/core/report_downloader.h"
#include "client/core/server_link.h"
#include "client/core/report_list_model.h"
#include "client/core/section_summary_model.h"
#include "client/core/snapshot_cache.h"
#include "client/core/typing_store.h"
#include "client/core/view_rows.h"
#include "client/core/vi_dates.h"
#include "gopy/limits.h"

Q_LOGGING_CATEGORY(lcApp, "gopy.client")

namespace gopy::client {

namespace {

App* s_instance = nullptr;
QString s_dataDir;
QString s_serverAddress;

constexpr int kTypingIntervalMs = 250;  // at most 4 drafts a second
constexpr int kUnsavedIntervalMs = 300;  // the editor's text reaches client.db at most this late
constexpr Millis kDraftLifetimeMs = 60000;

Millis now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::string newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

std::string trimmed(const QString& text)
{
    return fromQ(text.trimmed());
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Secretary: return QStringLiteral("thư ký");
    case Role::Chair: return QStringLiteral("chủ trì");
    case Role::Delegate: return QStringLiteral("đại biểu");
    case Role::Organiser: return QStringLiteral("văn phòng");
    case Role::Grassroots: return QStringLiteral("tổ chức cơ sở đảng");
    case Role::Drafting: return QStringLiteral("tổ biên tập");
    }
    return {};
}

constexpr int kReplacedRetryMs = 30000;

QString serverErrorText(const proto::ErrorCode code, const std::string& message)
{
    switch (code) {
    case proto::ErrorCode::BadCode:
        return QStringLiteral("Mã kết nối không đúng, đã dùng hoặc đã hết hạn.");
    case proto::ErrorCode::Locked:
        return QStringLiteral("Nhập sai mã quá nhiều lần; hãy chờ vài phút rồi thử lại.");
    case proto::ErrorCode::Unauthenticated:
        return QStringLiteral("Máy chủ không nhận ra thiết bị này; hãy nhập mã kết nối mới.");
    case proto::ErrorCode::Revoked:
        return QStringLiteral("Thiết bị này đã bị thu hồi quyền; hãy nhập mã kết nối mới.");
    default:
        break;
    }
    if (!message.empty())
        return toQ(message);
    return QStringLiteral("Máy chủ báo lỗi: %1").arg(toQ(std::string(proto::toString(code))));
}

}  // namespace

App::App(const QString& dataDir, QObject* parent) : QObject(parent), dataDir_(dataDir)
{
    QDir().mkpath(dataDir_);
    db_ = std::make_unique<LocalDatabase>(QDir(dataDir_).filePath(QStringLiteral("client.db")).toStdString());
    settings_ = std::make_unique<DeviceSettings>(*db_);
    outbox_ = std::make_unique<Outbox>(*db_);
    snapshots_ = std::make_unique<SnapshotCache>(*db_);
    typingStore_ = std::make_unique<TypingStore>(*db_);

    connection_ = new Connection(this);
    downloader_ = new ReportDownloader(QDir(dataDir_).filePath(QStringLiteral("reports")), this);
    conferences_ = new ConferenceListModel(this);
    outline_ = new OutlineModel(this);
    participants_ = new ParticipantModel(this);
    queue_ = new QueueModel(this);
    comments_ = new CommentModel(false, this);
    sectionSummary_ = new SectionSummaryModel(this);
    liveDrafts_ = new LiveDraftModel(this);
    conflicts_ = new ConflictModel(this);
    flagged_ = new CommentModel(true, this);
    reports_ = new ReportListModel(this);
    deadlines_ = new DeadlineModel(this);
    organisations_ = new OrganisationModel(this);
    drafting_ = new DraftingDesk(
        [this](std::int64_t conferenceId, const proto::Operation& op) { return submitTo(conferenceId, op); },
        [this](const QString& message) { setError(message); }, this);

    connect(connection_, &Connection::opened, this, &App::onOpened);
    connect(connection_, &Connection::closed, this, &App::onClosed);
    connect(connection_, &Connection::stateChanged, this, &App::updateConnectionState);
    connect(connection_, &Connection::messageReceived, this, &App::onMessage);
    connect(connection_, &Connection::protocolError, this, [this](const QString& message) {
        qCWarning(lcApp) << "undecodable frame from the server:" << message;
        // Never silently: what is shown may be missing what that frame carried.
        setError(QStringLiteral("Thiết bị không đọc được một bản tin từ máy chủ (%1); dữ liệu đang hiển thị có thể "
                                "chưa đầy đủ. Hãy cập nhật ứng dụng hoặc báo ban tổ chức.")
                     .arg(message));
    });
    connect(connection_, &Connection::certificateMismatch, this, [this](const QString& expected, const QString& offered) {
        // Nothing was sent: no token, no code, no comment went to that server.
        admitting_ = false;
        setError(QStringLiteral("Máy chủ tại %1 không phải máy chủ mà thiết bị này đã được kết nạp: dấu vân tay chứng chỉ "
                                "phải là %2 nhưng máy chủ đưa ra %3. Thiết bị không gửi gì và đã ngừng kết nối. "
                                "Hãy hỏi ban tổ chức: nếu máy chủ vừa được cài lại, hãy chọn \"Quên thiết bị\" và "
                                "kết nạp lại bằng mã mới; nếu không, có thể có máy lạ đang giả danh máy chủ trên Wi-Fi.")
                     .arg(connection_->address(), shortFingerprint(expected), shortFingerprint(offered)));
        updateConnectionState();
    });
    connect(downloader_, &ReportDownloader::finished, this, [this](qint64 id, const QString& path) {
        localReports_[id] = fromQ(path);
        reports_->setLocalPath(id, fromQ(path));
        emit reportReady(static_cast<int>(id), path);
    });
    connect(downloader_, &ReportDownloader::failed, this,
            [this](qint64, const QString& message) { setError(message); });

    snapshotSaver_.setSingleShot(true);
    snapshotSaver_.setInterval(1000);
    connect(&snapshotSaver_, &QTimer::timeout, this, &App::saveSnapshot);
    campaignSaver_.setSingleShot(true);
    campaignSaver_.setInterval(1000);
    connect(&campaignSaver_, &QTimer::timeout, this, &App::saveCampaign);
    typingTimer_.setSingleShot(true);
    connect(&typingTimer_, &QTimer::timeout, this, &App::flushTyping);
    unsavedSaver_.setSingleShot(true);
    unsavedSaver_.setInterval(kUnsavedIntervalMs);
    connect(&unsavedSaver_, &QTimer::timeout, this, &App::writeUnsaved);
    storageRetry_.setSingleShot(true);
    storageRetry_.setInterval(2000);
    connect(&storageRetry_, &QTimer::timeout, this, [this] {
        sentUpTo_ = 0;
        sendPending();
    });
    ticker_.setInterval(1000);
    connect(&ticker_, &QTimer::timeout, this, [this] {
        if (conference_.displayed().speakingTurn() != nullptr)
            queue_->setTurns(turnRows(conference_.displayed(), conference_.pendingIds(), now()));
        liveDrafts_->expire(now() - kDraftLifetimeMs);
    });
    ticker_.start();

    reloadPending();
    welcome_ = settings_->welcome();
    if (welcome_)
        applyWelcome(*welcome_);
    if (auto dashboard = settings_->dashboard())
        dashboard_ = *dashboard;
    applyDashboard();
    loadCampaign();
    std::int64_t selected = settings_->selectedConference();
    if (selected == 0 && welcome_)
        selected = welcome_->conferenceId;
    loadConference(selected);

    if (settings_->token().empty()) {
        state_ = NeedsAdmission;
        return;
    }
    state_ = Connecting;
    if (!settings_->serverAddress().empty()) {
        // After the constructor, so whoever made this object can connect to its signals first.
        QTimer::singleShot(0, this, [this] { startConnection(false); });
    }
}

App::~App()
{
    writeUnsaved();
    saveSnapshot();
    saveCampaign();
    if (s_instance == this)
        s_instance = nullptr;
}

App* App::create(QQmlEngine*, QJSEngine*)
{
    if (s_instance != nullptr) {
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }
    QString dataDir = s_dataDir;
    if (dataDir.isEmpty())
        dataDir = qEnvironmentVariable("GOPY_CLIENT_DATA_DIR");
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString server = s_serverAddress;
    if (server.isEmpty())
        server = qEnvironmentVariable("GOPY_SERVER");
    try {
        auto* app = new App(dataDir);
        if (!server.isEmpty())
            app->connectTo(server);
        return app;
    } catch (const LocalStoreError& e) {
        qCCritical(lcApp) << "cannot open the local data in" << dataDir << ":" << e.what();
        return nullptr;
    }
}

void App::setStartupOptions(const QString& dataDir, const QString& serverAddress)
{
    s_dataDir = dataDir;
    s_serverAddress = serverAddress;
}

void App::setInstance(App* app)
{
    s_instance = app;
}

// ---- properties ------------------------------------------------------------------------

QString App::serverAddress() const { return toQ(settings_->serverAddress()); }

QString App::serverFingerprint() const { return shortFingerprint(toQ(settings_->serverFingerprint())); }

bool App::secureConnection() const
{
    const auto link = gopy::client::parseServerLink(toQ(settings_->serverAddress()));
    return !link || link->secure;
}

QVariantMap App::parseServerLink(const QString& text) const
{
    QVariantMap out;
    const auto link = gopy::client::parseServerLink(text);
    out.insert(QStringLiteral("valid"), link.has_value());
    if (link) {
        out.insert(QStringLiteral("address"), storedAddress(*link));
        out.insert(QStringLiteral("code"), link->code);
        out.insert(QStringLiteral("fingerprint"), link->fingerprint);
        out.insert(QStringLiteral("shortFingerprint"), shortFingerprint(link->fingerprint));
    }
    return out;
}
QString App::role() const { return welcome_ ? toQ(std::string(toString(welcome_->role))) : QString(); }
QString App::deviceName() const { return welcome_ ? toQ(welcome_->deviceName) : QString(); }
QString App::deviceId() const { return welcome_ ? toQ(welcome_->deviceId) : QString(); }
int App::unsentCount() const { return static_cast<int>(pending_.size()); }
QString App::campaignTitle() const { return welcome_ ? toQ(welcome_->campaign.title) : QString(); }
QString App::draftTitle() const { return welcome_ ? toQ(welcome_->campaign.draftTitle) : QString(); }
QString App::conferenceTitle() const { return toQ(conference_.displayed().conference.title); }
QString App::conferenceState() const
{
    return conferenceId_ == 0 ? QString() : toQ(std::string(toString(conference_.displayed().conference.state)));
}
QString App::conferenceDate() const { return toQ(conference_.displayed().conference.date); }
QString App::conferencePlace() const { return toQ(conference_.displayed().conference.place); }
int App::presentCount() const { return conference_.displayed().presentCount(); }
bool App::headCounted() const { return conference_.displayed().conference.presentCount.has_value(); }
double App::sessionStartedAt() const { return static_cast<double>(conference_.displayed().conference.startedAt); }
double App::sessionEndedAt() const { return static_cast<double>(conference_.displayed().conference.endedAt); }

QString App::currentTurnId() const
{
    const Turn* turn = conference_.displayed().speakingTurn();
    return turn != nullptr ? toQ(turn->id) : QString();
}

QString App::currentParticipantId() const
{
    const Turn* turn = conference_.displayed().speakingTurn();
    return turn != nullptr ? toQ(turn->participantId) : QString();
}

QString App::currentSpeakerName() const
{
    const Turn* turn = conference_.displayed().speakingTurn();
    const Participant* p = turn != nullptr ? conference_.displayed().participant(turn->participantId) : nullptr;
    return p != nullptr ? toQ(p->fullName) : QString();
}

double App::currentTurnStartedAt() const
{
    const Turn* turn = conference_.displayed().speakingTurn();
    return turn != nullptr ? static_cast<double>(turn->startedAt) : 0.0;
}

QVariantList App::kinds() const
{
    QVariantList result;
    for (CommentKind kind : {CommentKind::Agreement, CommentKind::Addition, CommentKind::Amendment,
                             CommentKind::Deletion, CommentKind::Recommendation, CommentKind::Other}) {
        QVariantMap item;
        item.insert(QStringLiteral("kind"), toQ(std::string(toString(kind))));
        item.insert(QStringLiteral("label"), toQ(std::string(labelVi(kind))));
        result.append(item);
    }
    return result;
}

QVariantList App::paragraphsOf(const QString& sectionCode) const
{
    QVariantList result;
    if (!welcome_)
        return result;
    const std::string code = fromQ(sectionCode);
    for (const ParagraphHead& head : welcome_->paragraphs) {
        if (head.section != code)
            continue;
        QVariantMap item;
        item.insert(QStringLiteral("number"), head.number);
        item.insert(QStringLiteral("opening"), toQ(head.opening));
        result.append(item);
    }
    return result;
}

// ---- connection ------------------------------------------------------------------------

void App::connectTo(const QString& address)
{
    const auto link = gopy::client::parseServerLink(address);
    if (!link) {
        setError(QStringLiteral("Địa chỉ máy chủ phải có dạng 192.168.1.10:8080 (hoặc dán liên kết gopy:// do ban tổ chức in ra)."));
        return;
    }
    const QString clean = storedAddress(*link);
    // A gopy:// link carries the certificate's fingerprint: the admission is pinned from the
    // first byte. A typed address is trusted on first use and its fingerprint shown.
    pendingPin_ = link->fingerprint;
    try {
        settings_->setServerAddress(clean.toStdString());
    } catch (const LocalStoreError& e) {
        setError(QStringLiteral("Không lưu được địa chỉ trên máy: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    emit serverAddressChanged();
    if (settings_->token().empty()) {
        connection_->close();
        updateConnectionState();
        return;
    }
    everConnected_ = false;
    startConnection(false);
}

void App::admit(const QString& code, const QString& deviceName)
{
    const std::string cleanCode = trimmed(code);
    if (cleanCode.empty()) {
        setError(QStringLiteral("Hãy nhập mã kết nối do văn phòng cấp."));
        return;
    }
    if (settings_->serverAddress().empty()) {
        setError(QStringLiteral("Hãy nhập địa chỉ máy chủ trước."));
        return;
    }
    if (cleanCode != pendingAdmitCode_ || pendingRequestId_.empty())
        pendingRequestId_ = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    pendingAdmitCode_ = cleanCode;
    pendingDeviceName_ = trimmed(deviceName);
    if (pendingDeviceName_.empty())
        pendingDeviceName_ = "Thiết bị";
    everConnected_ = false;
    startConnection(true);
}

void App::forgetDevice()
{
    try {
        saveSnapshot();
        saveCampaign();
        settings_->forgetDevice();
        snapshots_->clear();
    } catch (const LocalStoreError& e) {
        setError(QStringLiteral("Không xóa được dữ liệu thiết bị: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    connection_->close();
    authenticated_ = false;
    admitting_ = false;
    welcome_.reset();
    outlineData_ = Outline();
    outline_->setOutline(outlineData_);
    conferences_->setConferences({});
    dashboard_ = proto::Dashboard();
    applyDashboard();
    loadCampaign();
    loadConference(0);
    pendingPin_.clear();
    emit deviceChanged();
    emit campaignChanged();
    emit serverAddressChanged();
    updateConnectionState();
}

void App::startConnection(bool admitting)
{
    admitting_ = admitting;
    authenticated_ = false;
    const QString pin = admitting ? pendingPin_ : toQ(settings_->serverFingerprint());
    connection_->open(toQ(settings_->serverAddress()), pin);
    updateConnectionState();
}

void App::updateConnectionState()
{
    const bool hasToken = !settings_->token().empty();
    ConnectionState next = NeedsAdmission;
    if (authenticated_) {
        next = Connected;
    } else if (!hasToken && !admitting_) {
        next = NeedsAdmission;
    } else if (connection_->state() == Connection::State::Idle) {
        next = hasToken ? Offline : NeedsAdmission;
    } else if (admitting_ || !everConnected_) {
        next = connection_->failedAttempts() >= 3 && hasToken ? Offline : Connecting;
    } else {
        next = connection_->failedAttempts() >= 3 ? Offline : Reconnecting;
    }
    setState(next);
}

void App::setState(ConnectionState state)
{
    if (state == state_)
        return;
    state_ = state;
    emit connectionStateChanged();
}

void App::setError(const QString& message)
{
    qCInfo(lcApp) << message;
    if (message != lastError_) {
        lastError_ = message;
        emit lastErrorChanged();
    }
    emit error(message);
}

void App::clearError()
{
    if (lastError_.isEmpty())
        return;
    lastError_.clear();
    emit lastErrorChanged();
}

void App::onOpened()
{
    sentUpTo_ = 0;
    gapBarrier_ = 0;
    if (admitting_) {
        // The same request id on every attempt of this admission: if the link drops before the
        // welcome arrives, the retry gets this device back instead of "code already used".
        connection_->send(proto::Admit{pendingAdmitCode_, pendingDeviceName_, pendingRequestId_});
        return;
    }
    connection_->send(proto::Hello{settings_->token()});
}

void App::onClosed()
{
    snapshotParts_.clear();
    authenticated_ = false;
    sentUpTo_ = 0;
    updateConnectionState();
}

void App::onMessage(const proto::Message& message)
{
    std::visit(
        [this](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, proto::Welcome>)
                onWelcome(m);
            else if constexpr (std::is_same_v<T, proto::Snapshot>) {
                // A large conference arrives in parts; only the whole is applied.
                if (auto whole = snapshotParts_.add(m))
                    onSnapshot(*whole);
            }
            else if constexpr (std::is_same_v<T, proto::Events>)
                onEvents(m);
            else if constexpr (std::is_same_v<T, proto::Ack>)
                onAck(m);
            else if constexpr (std::is_same_v<T, proto::Nack>)
                onNack(m);
            else if constexpr (std::is_same_v<T, proto::Typing>)
                onTyping(m);
            else if constexpr (std::is_same_v<T, proto::Error>)
                onServerError(m);
            else if constexpr (std::is_same_v<T, proto::Dashboard>)
                onDashboard(m);
            else
                qCWarning(lcApp) << "unexpected message from the server:"
                                 << toQ(std::string(proto::toString(proto::typeOf(m))));
        },
        message);
}

void App::onWelcome(const proto::Welcome& welcome)
{
    try {
        if (admitting_) {
            if (welcome.token.empty()) {
                setError(QStringLiteral("Máy chủ không cấp mã thiết bị; hãy thử lại."));
                return;
            }
            settings_->setToken(welcome.token);
            settings_->setServerFingerprint(connection_->peerFingerprint().toStdString());
            admitting_ = false;
            pendingAdmitCode_.clear();
            pendingPin_.clear();
            emit serverAddressChanged();
        } else if (settings_->serverFingerprint().empty() && !connection_->peerFingerprint().isEmpty()) {
            // Admitted before this version spoke TLS: pinned on its first TLS connection.
            settings_->setServerFingerprint(connection_->peerFingerprint().toStdString());
            emit serverAddressChanged();
        }
        settings_->setWelcome(welcome);
        // A new admission gives a new device id: unsent work is renumbered for it.
        if (outbox_->clientId() != welcome.deviceId) {
            outbox_->setClient(welcome.deviceId);
            reloadPending();
        }
    } catch (const LocalStoreError& e) {
        setError(QStringLiteral("Không lưu được trên máy: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    const bool identityChanged = !welcome_ || welcome_->deviceId != welcome.deviceId ||
                               welcome_->role != welcome.role || welcome_->deviceName != welcome.deviceName;
    welcome_ = welcome;
    welcome_->token.clear();
    applyWelcome(*welcome_);
    if (identityChanged)
        emit deviceChanged();
    authenticated_ = true;
    everConnected_ = true;
    clearError();
    updateConnectionState();

    std::int64_t wanted = conferenceId_;
    if (welcome.conferenceId != 0)
        wanted = welcome.conferenceId;  // the device is bound to one conference
    if (welcome.role == Role::Grassroots && welcome.conferenceId == 0) {
        // A reporter writes into the grassroots channel only.
        for (const Conference& c : welcome.conferences) {
            if (c.channel == Channel::Grassroots)
                wanted = c.id;
        }
    }
    if (welcome.role == Role::Drafting)
        wanted = 0;  // the drafting desk follows every conference at once
    if (identityChanged)
        loadCampaign();
    if (wanted != conferenceId_) {
        try {
            settings_->setSelectedConference(wanted);
        } catch (const LocalStoreError& e) {
            qCWarning(lcApp) << "cannot remember the selected conference:" << e.what();
        }
        loadConference(wanted);
    }
    subscribe();
    sendPending();
    refreshDashboard();
}

void App::applyWelcome(const proto::Welcome& welcome)
{
    conferences_->setConferences(welcome.conferences);
    outlineData_ = Outline(welcome.sections);
    outline_->setOutline(outlineData_);
    emit campaignChanged();
}

void App::subscribe()
{
    if (!authenticated_)
        return;
    if (isDrafting()) {
        for (const auto& [id, replica] : campaign_.replicas())
            connection_->send(proto::Subscribe{id, replica.since()});
    }
    if (conferenceId_ == 0 || (isDrafting() && campaign_.contains(conferenceId_)))
        return;
    connection_->send(proto::Subscribe{conferenceId_, conference_.since()});
}

void App::onSnapshot(const proto::Snapshot& snapshot)
{
    if (isDrafting()) {
        campaign_.setServerState(ConferenceData::fromSnapshot(snapshot));
        saveCampaignSoon();
        rebuildDrafting();
    }
    if (snapshot.conference.id != conferenceId_)
        return;
    conference_.setServerState(ConferenceData::fromSnapshot(snapshot));
    rebuild();
    saveSnapshot();
}

void App::onEvents(const proto::Events& events)
{
    noteEvents(events);
    if (isDrafting()) {
        switch (campaign_.applyEvents(events)) {
        case Replica::EventsResult::Applied:
            saveCampaignSoon();
            rebuildDrafting();
            break;
        case Replica::EventsResult::ServerBehind:
            // The server is behind what this device saw (its database was replaced): start over.
            if (authenticated_)
                connection_->send(proto::Subscribe{events.conferenceId, 0});
            break;
        case Replica::EventsResult::Ignored:
            break;
        }
    }
    if (events.conferenceId != conferenceId_)
        return;
    switch (conference_.applyEvents(events)) {
    case Replica::EventsResult::Ignored:
        return;
    case Replica::EventsResult::ServerBehind:
        // The server is behind what this device saw (its database was replaced): start over.
        subscribe();
        return;
    case Replica::EventsResult::Applied:
        break;
    }
    rebuild();
    saveSnapshotSoon();
}

void App::onAck(const proto::Ack& ack)
{
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [&](const Outbox::Entry& e) { return e.clientSeq == ack.clientSeq; });
    if (it == pending_.end())
        return;  // a duplicate ack of something already removed
    try {
        outbox_->remove(ack.clientSeq);
    } catch (const LocalStoreError& e) {
        // Stays in the file: sent again on the next connection, and the server acks it as a duplicate.
        qCWarning(lcApp) << "cannot remove acknowledged op:" << e.what();
    }
    if (it->request.conferenceId == conferenceId_)
        conference_.acknowledge(ack.serverSeq, it->request);
    if (isDrafting())
        campaign_.acknowledge(ack.serverSeq, it->request);
    pending_.erase(it);
    emit unsentCountChanged();
    emit acknowledged(ack.clientSeq);
    rebuild();
}

void App::onNack(const proto::Nack& nack)
{
    if (nack.code == proto::ErrorCode::Gap || nack.code == proto::ErrorCode::SeqReused) {
        // Gap: sent ahead of what the server expects. SeqReused: this device's counter went
        // back (a restored or copied data folder), so the server already holds other ops under
        // these numbers. Either way nothing was applied: renumber every unsent op from the seq
        // the server expects and send them again — nothing typed is dropped. Nacks for the
        // frames already in flight are ignored (gapBarrier_).
        if (nack.clientSeq < gapBarrier_)
            return;
        gapBarrier_ = sentUpTo_ + 1;
        if (nack.code == proto::ErrorCode::SeqReused) {
            setError(QStringLiteral("Bộ đếm của thiết bị này bị lùi (thư mục dữ liệu được khôi phục "
                                    "hoặc sao chép): các thay đổi chưa gửi được gửi lại với số mới, "
                                    "không mất gì. Nếu một máy khác cũng dùng thiết bị này, hãy "
                                    "\"Quên thiết bị\" ở một máy và kết nạp lại bằng mã mới."));
        }
        if (!pending_.empty() && pending_.front().clientSeq != nack.expectedSeq && nack.expectedSeq > 0) {
            try {
                outbox_->renumberFrom(nack.expectedSeq);
            } catch (const LocalStoreError& e) {
                setError(QStringLiteral("Không lưu được trên máy: %1").arg(QString::fromUtf8(e.what())));
                return;
            }
            reloadPending();
        }
        sentUpTo_ = 0;
        sendPending();
        return;
    }
    if (nack.code == proto::ErrorCode::StorageFull) {
        // Nothing was applied: keep the op and try again shortly.
        setError(serverErrorText(nack.code, nack.message));
        if (!storageRetry_.isActive())
            storageRetry_.start();
        return;
    }
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [&](const Outbox::Entry& e) { return e.clientSeq == nack.clientSeq; });
    if (it == pending_.end())
        return;
    try {
        outbox_->remove(nack.clientSeq);
    } catch (const LocalStoreError& e) {
        qCWarning(lcApp) << "cannot remove refused op:" << e.what();
    }
    pending_.erase(it);
    emit unsentCountChanged();
    setError(QStringLiteral("Máy chủ không nhận thay đổi: %1").arg(serverErrorText(nack.code, nack.message)));
    rebuild();
}

void App::onTyping(const proto::Typing& typing)
{
    if (typing.conferenceId != conferenceId_)
        return;
    const Participant* p = conference_.displayed().participant(typing.participantId);
    liveDrafts_->apply(typing, p != nullptr ? p->fullName : std::string(), now());
}

void App::onServerError(const proto::Error& error)
{
    const QString text = serverErrorText(error.code, error.message);
    switch (error.code) {
    case proto::ErrorCode::BadCode:
    case proto::ErrorCode::Locked:
        admitting_ = false;
        connection_->close();
        setError(text);
        updateConnectionState();
        return;
    case proto::ErrorCode::Unauthenticated:
    case proto::ErrorCode::Revoked:
        if (!authenticated_ || error.code == proto::ErrorCode::Revoked) {
            // The token is no longer valid: ask for a new code; the outbox is kept and sent
            // by the newly admitted device.
            try {
                settings_->setToken({});
            } catch (const LocalStoreError& e) {
                qCWarning(lcApp) << "cannot clear the token:" << e.what();
            }
            authenticated_ = false;
            admitting_ = false;
            connection_->close();
            setError(text);
            updateConnectionState();
            return;
        }
        setError(text);
        return;
    case proto::ErrorCode::Replaced:
        // The same device token logged in elsewhere (a copied data folder, or a stolen token)
        // and the server closed this connection. Reconnecting at once would throw the other
        // one out in a loop: wait, then try again; the organiser sees both in the audit trail.
        setError(text);
        connection_->close();
        updateConnectionState();
        QTimer::singleShot(kReplacedRetryMs, this, [this] {
            if (!settings_->token().empty() && connection_->state() == Connection::State::Idle)
                startConnection(false);
        });
        return;
    default:
        setError(text);
        return;
    }
}

void App::sendPending()
{
    if (!authenticated_)
        return;
    const std::string client = outbox_->clientId();
    for (const Outbox::Entry& entry : pending_) {
        if (entry.clientSeq <= sentUpTo_)
            continue;
        proto::OpRequest request = entry.request;
        request.clientId = client;
        if (!connection_->send(request))
            return;
        sentUpTo_ = entry.clientSeq;
    }
}

void App::reloadPending()
{
    try {
        pending_ = outbox_->pending();
    } catch (const LocalStoreError& e) {
        setError(QStringLiteral("Không đọc được hàng đợi trên máy: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    emit unsentCountChanged();
}

// ---- state shown -----------------------------------------------------------------------

void App::loadConference(std::int64_t conferenceId)
{
    if (conference_.hasServerState())
        saveSnapshot();
    conferenceId_ = conferenceId;
    liveDrafts_->clear();
    conference_ = Replica();
    if (conferenceId != 0) {
        Conference known;
        if (const Conference* listed = conferences_->find(conferenceId))
            known = *listed;
        known.id = conferenceId;
        conference_ = Replica(known);
        try {
            if (auto cached = snapshots_->load(conferenceId))
                conference_.setServerState(ConferenceData::fromSnapshot(*cached));
        } catch (const LocalStoreError& e) {
            qCWarning(lcApp) << "cannot read the cached conference:" << e.what();
        }
    }
    rebuild();
}

void App::selectConference(int conferenceId)
{
    if (conferenceId < 0)
        return;
    if (conferenceId == conferenceId_) {
        subscribe();
        return;
    }
    if (welcome_ && welcome_->conferenceId != 0 && welcome_->conferenceId != conferenceId) {
        setError(QStringLiteral("Thiết bị này chỉ được dùng cho hội nghị đã được cấp mã."));
        return;
    }
    try {
        settings_->setSelectedConference(conferenceId);
    } catch (const LocalStoreError& e) {
        qCWarning(lcApp) << "cannot remember the selected conference:" << e.what();
    }
    loadConference(conferenceId);
    subscribe();
}

void App::rebuild()
{
    conference_.rebuild(pending_, now());
    refreshModels();
    if (isDrafting())
        rebuildDrafting();
    emit organisationChanged();
}

void App::refreshModels()
{
    const Millis at = now();
    const ConferenceData& displayed = conference_.displayed();
    participants_->setParticipants(client::participantRows(displayed));
    queue_->setTurns(turnRows(displayed, conference_.pendingIds(), at));
    std::vector<CommentRow> rows = commentRows(displayed, outlineData_, conference_.pendingIds());
    if (welcome_ && welcome_->role == Role::Grassroots) {
        // A reporter sees its own organisation's comments only.
        const std::int64_t organisation = welcome_->organisationId;
        std::erase_if(rows, [&](const CommentRow& r) {
            return !r.comment.origin || r.comment.origin->organisationId != organisation;
        });
    }
    comments_->setComments(rows);
    flagged_->setComments(rows);
    // A reporter's counts cover its own organisation's comments, like the list it sees.
    ConferenceData own;
    const ConferenceData* counted = &displayed;
    if (welcome_ && welcome_->role == Role::Grassroots) {
        own = displayed;
        const std::int64_t organisation = welcome_->organisationId;
        std::erase_if(own.comments, [&](const Comment& c) {
            return !c.origin || c.origin->organisationId != organisation;
        });
        counted = &own;
    }
    std::set<std::string> speakers;
    int written = 0;
    for (const Comment& comment : counted->comments) {
        speakers.insert(comment.participantId);
        if (comment.written)
            ++written;
    }
    sectionSummary_->setSummary(client::sectionSummary(*counted, outlineData_), client::groupCounts(*counted),
                                static_cast<int>(counted->comments.size()),
                                static_cast<int>(speakers.size()), written);
    conflicts_->setConflicts(conflictRows(displayed));
    std::vector<ReportRow> reports;
    for (const ReportInfo& report : displayed.reports)
        reports.push_back({report, localReportPath(report)});
    reports_->setReports(std::move(reports));
    if (conferenceId_ != 0)
        conferences_->update(displayed.conference);
    emit conferenceChanged();
}

std::string App::localReportPath(const ReportInfo& report)
{
    auto it = localReports_.find(report.id);
    if (it != localReports_.end())
        return it->second;
    // Checked once per report and run: hashing the file on every refresh would be wasteful.
    std::string path = downloader_->isDownloaded(report) ? fromQ(downloader_->pathFor(report)) : std::string();
    localReports_.emplace(report.id, path);
    return path;
}

void App::saveSnapshotSoon()
{
    if (!snapshotSaver_.isActive())
        snapshotSaver_.start();
}

void App::saveSnapshot()
{
    snapshotSaver_.stop();
    if (!conference_.hasServerState() || conference_.conferenceId() == 0)
        return;
    try {
        snapshots_->save(conference_.confirmed().toSnapshot());
    } catch (const LocalStoreError& e) {
        qCWarning(lcApp) << "cannot cache the conference:" << e.what();
    }
}

// ---- edits -----------------------------------------------------------------------------

bool App::mayWrite(const proto::Operation& op)
{
    if (!welcome_) {
        setError(QStringLiteral("Thiết bị chưa được kết nạp."));
        return false;
    }
    const bool flag = std::holds_alternative<proto::CommentFlag>(op);
    bool allowed = false;
    switch (welcome_->role) {
    case Role::Organiser: allowed = true; break;
    case Role::Secretary: allowed = !flag; break;
    case Role::Chair: allowed = flag || std::holds_alternative<proto::ReportRelease>(op); break;
    case Role::Delegate: allowed = false; break;
    case Role::Grassroots:
        allowed = std::holds_alternative<proto::CommentCreate>(op) ||
                  std::holds_alternative<proto::CommentUpdate>(op) ||
                  std::holds_alternative<proto::CommentDelete>(op) ||
                  std::holds_alternative<proto::GrassrootsReport>(op);
        break;
    case Role::Drafting:
        allowed = std::holds_alternative<proto::CommentAssign>(op) ||
                  std::holds_alternative<proto::GroupSet>(op) ||
                  std::holds_alternative<proto::AcceptanceSet>(op);
        break;
    }
    if (!allowed) {
        setError(QStringLiteral("Vai trò %1 không được thực hiện thao tác này.").arg(roleLabel(welcome_->role)));
        return false;
    }
    return true;
}

bool App::submit(const proto::Operation& op)
{
    return submitTo(conferenceId_, op);
}

bool App::submitTo(std::int64_t conferenceId, const proto::Operation& op)
{
    if (conferenceId == 0) {
        setError(QStringLiteral("Hãy chọn hội nghị trước."));
        return false;
    }
    if (!mayWrite(op))
        return false;
    try {
        // Durable before anything is shown: the outbox commit is synced to disk.
        pending_.push_back(outbox_->append(conferenceId, op, now()));
    } catch (const LocalStoreError& e) {
        setError(QStringLiteral("Không lưu được trên máy (ổ đĩa đầy hoặc lỗi ghi): %1")
                     .arg(QString::fromUtf8(e.what())));
        return false;
    }
    emit unsentCountChanged();
    rebuild();
    sendPending();
    return true;
}

void App::startSession()
{
    submit(proto::SessionStart{now()});
}

void App::endSession()
{
    submit(proto::SessionEnd{now()});
}

void App::setPresent(const QString& participantId, bool present)
{
    const std::string id = fromQ(participantId);
    const Participant* p = conference_.displayed().participant(id);
    if (p == nullptr) {
        setError(QStringLiteral("Không tìm thấy đại biểu."));
        return;
    }
    if (p->present == present)
        return;
    submit(proto::AttendanceSet{id, present});
}

void App::setHeadCount(int count)
{
    if (count < 0) {
        setError(QStringLiteral("Số người dự không thể âm."));
        return;
    }
    submit(proto::HeadCount{count});
}

QString App::addParticipant(const QString& fullName, const QString& title, const QString& organisation,
                            const QString& group)
{
    Participant participant;
    participant.fullName = trimmed(fullName);
    if (participant.fullName.empty()) {
        setError(QStringLiteral("Hãy nhập họ và tên người phát biểu."));
        return {};
    }
    participant.id = newId();
    participant.conferenceId = conferenceId_;
    participant.title = trimmed(title);
    participant.organisation = trimmed(organisation);
    participant.group = trimmed(group);
    participant.present = true;
    if (!submit(proto::ParticipantAdd{participant}))
        return {};
    return toQ(participant.id);
}

QString App::enqueue(const QString& participantId)
{
    const std::string id = fromQ(participantId);
    if (conference_.displayed().participant(id) == nullptr) {
        setError(QStringLiteral("Không tìm thấy đại biểu."));
        return {};
    }
    proto::QueueAdd add{newId(), id, positionAtEnd(conference_.displayed().turns)};
    if (!submit(add))
        return {};
    return toQ(add.turnId);
}

void App::moveTurn(const QString& turnId, int toIndex)
{
    const std::string id = fromQ(turnId);
    if (conference_.displayed().turn(id) == nullptr) {
        setError(QStringLiteral("Không tìm thấy lượt phát biểu."));
        return;
    }
    const int current = queue_->indexOf(turnId);
    if (current == toIndex)
        return;
    submit(proto::QueueMove{id, positionForMove(conference_.displayed().turns, id, toIndex)});
}

void App::removeTurn(const QString& turnId)
{
    const std::string id = fromQ(turnId);
    if (conference_.displayed().turn(id) == nullptr) {
        setError(QStringLiteral("Không tìm thấy lượt phát biểu."));
        return;
    }
    submit(proto::QueueRemove{id});
}

void App::startTurn(const QString& turnId)
{
    const std::string id = fromQ(turnId);
    const Turn* turn = conference_.displayed().turn(id);
    if (turn == nullptr) {
        setError(QStringLiteral("Không tìm thấy lượt phát biểu."));
        return;
    }
    if (turn->state == TurnState::Speaking)
        return;
    submit(proto::TurnStart{id, now()});
}

void App::stopTurn(const QString& turnId)
{
    const std::string id = fromQ(turnId);
    const Turn* turn = conference_.displayed().turn(id);
    if (turn == nullptr || turn->state != TurnState::Speaking) {
        setError(QStringLiteral("Lượt này không đang phát biểu."));
        return;
    }
    submit(proto::TurnStop{id, now()});
}

void App::nextSpeaker()
{
    const Turn* speaking = conference_.displayed().speakingTurn();
    const std::string speakingId = speaking != nullptr ? speaking->id : std::string();
    std::string nextId;
    for (const Turn& turn : conference_.displayed().turns) {
        if (turn.state == TurnState::Waiting) {
            nextId = turn.id;
            break;
        }
    }
    if (speakingId.empty() && nextId.empty()) {
        setError(QStringLiteral("Không còn ai chờ phát biểu."));
        return;
    }
    if (!speakingId.empty() && !submit(proto::TurnStop{speakingId, now()}))
        return;
    if (!nextId.empty())
        submit(proto::TurnStart{nextId, now()});
}

std::optional<App::CommentFields> App::checkedFields(const QStringList& sections, const QString& kind,
                                                     const QString& proposedWording,
                                                     const QString& proposedLocation)
{
    CommentFields fields;
    const auto parsedKind = commentKindFromString(fromQ(kind));
    if (!parsedKind) {
        setError(QStringLiteral("Loại ý kiến không hợp lệ."));
        return std::nullopt;
    }
    fields.kind = *parsedKind;
    for (const std::string& code : fromQ(sections)) {
        if (!outlineData_.contains(code)) {
            setError(QStringLiteral("Mục %1 không có trong dự thảo.").arg(toQ(code)));
            return std::nullopt;
        }
        if (std::find(fields.sections.begin(), fields.sections.end(), code) == fields.sections.end())
            fields.sections.push_back(code);
    }
    const std::string wording = trimmed(proposedWording);
    if (!wording.empty())
        fields.proposed = ProposedWording{wording, trimmed(proposedLocation)};
    if (fields.proposed) {
        // Refused here, before anything is saved, so that the server never refuses (and the
        // outbox never drops) an edit the secretary saw as saved.
        for (const std::string& refusal :
             {limits::tooLong("Câu chữ đề xuất", fields.proposed->wording, limits::kProposedWording),
              limits::tooLong("Vị trí trong dự thảo", fields.proposed->location, limits::kLocation)}) {
            if (!refusal.empty()) {
                setError(toQ(refusal) + QStringLiteral("."));
                return std::nullopt;
            }
        }
    }
    return fields;
}

bool App::checkParagraph(const std::vector<std::string>& sections, int paragraph)
{
    if (paragraph == 0)
        return true;
    if (paragraph < 0) {
        setError(QStringLiteral("Số đoạn không hợp lệ."));
        return false;
    }
    if (sections.empty()) {
        setError(QStringLiteral("Số đoạn chỉ ghi khi ý kiến có mục dự thảo."));
        return false;
    }
    if (welcome_) {
        for (const ParagraphHead& head : welcome_->paragraphs) {
            if (head.section == sections.front() && head.number == paragraph)
                return true;
        }
    }
    setError(QStringLiteral("Mục %1 của dự thảo không có đoạn %2.").arg(toQ(sections.front())).arg(paragraph));
    return false;
}

QString App::createComment(const QString& participantId, const QString& turnId, const QString& text,
                           const QStringList& sections, const QString& kind,
                           const QString& proposedWording, const QString& proposedLocation, bool written,
                           int paragraph)
{
    Comment comment;
    comment.text = trimmed(text);
    if (comment.text.empty()) {
        setError(QStringLiteral("Nội dung ý kiến đang trống."));
        return {};
    }
    if (const std::string refusal = limits::tooLong("Nội dung ý kiến", comment.text, limits::kCommentText);
        !refusal.empty()) {
        setError(toQ(refusal) + QStringLiteral("; hãy tách thành nhiều ý kiến."));
        return {};
    }
    comment.participantId = fromQ(participantId);
    if (conference_.displayed().participant(comment.participantId) == nullptr) {
        setError(QStringLiteral("Hãy chọn người phát biểu của ý kiến."));
        return {};
    }
    auto fields = checkedFields(sections, kind, proposedWording, proposedLocation);
    if (!fields)
        return {};
    if (!checkParagraph(fields->sections, paragraph))
        return {};
    comment.kind = fields->kind;
    comment.sections = std::move(fields->sections);
    comment.proposed = std::move(fields->proposed);
    comment.paragraph = paragraph;
    comment.turnId = fromQ(turnId);
    if (!comment.turnId.empty() && conference_.displayed().turn(comment.turnId) == nullptr)
        comment.turnId.clear();
    comment.written = written;
    comment.id = newId();
    comment.conferenceId = conferenceId_;
    comment.createdAt = now();
    comment.updatedAt = comment.createdAt;
    if (!submit(proto::CommentCreate{comment}))
        return {};
    clearError();
    sendTypingNow(proto::Typing{conferenceId_, {}, 0, comment.participantId, {}, {}, true});
    return toQ(comment.id);
}

bool App::updateComment(const QString& commentId, const QString& text, const QStringList& sections,
                        const QString& kind, const QString& proposedWording,
                        const QString& proposedLocation, bool written, int paragraph, int baseRev)
{
    const std::string id = fromQ(commentId);
    const Comment* current = conference_.displayed().comment(id);
    Comment gone;
    if (current == nullptr) {
        if (baseRev <= 0) {
            setError(QStringLiteral("Không tìm thấy ý kiến."));
            return false;
        }
        // Deleted on another device while this editor had it open: the edit is still sent,
        // and the server keeps it as a conflict (XUNG ĐỘT) that can restore the comment.
        gone.id = id;
        gone.rev = baseRev;
        current = &gone;
    }
    if (baseRev < 0 || baseRev > current->rev) {
        setError(QStringLiteral("Phiên bản ý kiến không hợp lệ."));
        return false;
    }
    proto::CommentUpdate update;
    update.commentId = id;
    // The revision the editor started from, not the one shown now: if another secretary saved
    // in between, the server must see the stale base and keep both texts (a conflict).
    update.baseRev = baseRev > 0 ? baseRev : current->rev;
    update.text = trimmed(text);
    if (update.text.empty()) {
        setError(QStringLiteral("Nội dung ý kiến đang trống; muốn bỏ ý kiến thì hãy xóa."));
        return false;
    }
    if (const std::string refusal = limits::tooLong("Nội dung ý kiến", update.text, limits::kCommentText);
        !refusal.empty()) {
        setError(toQ(refusal) + QStringLiteral("; hãy tách thành nhiều ý kiến."));
        return false;
    }
    auto fields = checkedFields(sections, kind, proposedWording, proposedLocation);
    if (!fields)
        return false;
    // -1: the paragraph is left to the server's rule (the field stays off the wire).
    if (paragraph >= 0) {
        // An unchanged paragraph is not checked again: a revised draft may have dropped it,
        // and the text must stay editable.
        const bool unchanged = paragraph == current->paragraph && !fields->sections.empty() &&
                               !current->sections.empty() &&
                               fields->sections.front() == current->sections.front();
        if (!unchanged && !checkParagraph(fields->sections, paragraph))
            return false;
        if (!unchanged)
            update.paragraph = paragraph;
    }
    update.kind = fields->kind;
    update.sections = std::move(fields->sections);
    update.proposed = std::move(fields->proposed);
    update.written = written;
    const std::string participantId = current->participantId;
    if (update.text == current->text && update.sections == current->sections &&
        update.kind == current->kind && update.proposed == current->proposed &&
        update.written == current->written && !update.paragraph)
        return true;
    if (!submit(update))
        return false;
    if (current == &gone)
        setError(QStringLiteral("Ý kiến này vừa bị xóa trên thiết bị khác; bản sửa của bạn được giữ ở mục XUNG ĐỘT, "
                                "lưu bản hợp nhất ở đó để khôi phục ý kiến."));
    else
        clearError();
    sendTypingNow(proto::Typing{conferenceId_, id, 0, participantId, {}, {}, true});
    return true;
}

int App::commentRev(const QString& commentId) const
{
    const Comment* comment = conference_.displayed().comment(fromQ(commentId));
    return comment == nullptr ? 0 : static_cast<int>(comment->rev);
}

void App::deleteComment(const QString& commentId)
{
    const std::string id = fromQ(commentId);
    if (conference_.displayed().comment(id) == nullptr) {
        setError(QStringLiteral("Không tìm thấy ý kiến."));
        return;
    }
    submit(proto::CommentDelete{id});
}

void App::resolveConflict(const QString& commentId, const QString& mergedText)
{
    const std::string id = fromQ(commentId);
    const Comment* current = conference_.displayed().comment(id);
    proto::CommentUpdate update;
    update.commentId = id;
    if (current != nullptr) {
        update.baseRev = current->rev;
        update.sections = current->sections;
        update.kind = current->kind;
        update.proposed = current->proposed;
        update.written = current->written;
    } else {
        // Deleted meanwhile: the edit kept with the conflict brings its own classification, and
        // saving it restores the comment (the server applies it whole).
        const auto kept = std::find_if(conference_.displayed().conflicts.begin(), conference_.displayed().conflicts.end(),
                                       [&](const CommentConflict& c) { return c.commentId == id && c.fields; });
        if (kept == conference_.displayed().conflicts.end()) {
            setError(QStringLiteral("Không tìm thấy ý kiến."));
            return;
        }
        update.baseRev = kept->baseRev;
        update.sections = kept->fields->sections;
        update.kind = kept->fields->kind;
        update.proposed = kept->fields->proposed;
        update.written = kept->fields->written;
        if (kept->fields->paragraph > 0)
            update.paragraph = kept->fields->paragraph;
    }
    update.text = trimmed(mergedText);
    if (update.text.empty()) {
        setError(QStringLiteral("Nội dung đã hợp nhất đang trống."));
        return;
    }
    for (const CommentConflict& conflict : conference_.displayed().conflicts) {
        if (conflict.commentId == id)
            update.resolves.push_back(conflict.id);
    }
    if (update.resolves.empty()) {
        setError(QStringLiteral("Ý kiến này không còn xung đột."));
        return;
    }
    submit(update);
}

void App::flagComment(const QString& commentId, bool flagged)
{
    const std::string id = fromQ(commentId);
    const Comment* comment = conference_.displayed().comment(id);
    if (comment == nullptr) {
        setError(QStringLiteral("Không tìm thấy ý kiến."));
        return;
    }
    if (comment->flagged == flagged)
        return;
    submit(proto::CommentFlag{id, flagged});
}

// ---- live drafts -----------------------------------------------------------------------

void App::sendTyping(const QString& commentId, const QString& participantId, const QString& text)
{
    if (!welcome_ || welcome_->role != Role::Secretary || conferenceId_ == 0)
        return;
    proto::Typing typing;
    typing.conferenceId = conferenceId_;
    typing.commentId = fromQ(commentId);
    if (const Comment* comment = conference_.displayed().comment(typing.commentId))
        typing.baseRev = comment->rev;
    typing.participantId = fromQ(participantId);
    typing.text = fromQ(text);
    typing.done = typing.text.empty();
    if (typing.done) {
        typingQueued_.reset();
        typingTimer_.stop();
        sendTypingNow(typing);
        return;
    }
    const qint64 wait = lastTypingSentAt_ + kTypingIntervalMs - now();
    if (wait <= 0 && !typingTimer_.isActive()) {
        sendTypingNow(typing);
        return;
    }
    // Within the interval: keep only the newest text; the timer sends it.
    typingQueued_ = typing;
    if (!typingTimer_.isActive())
        typingTimer_.start(static_cast<int>(std::max<qint64>(wait, 1)));
}

void App::flushTyping()
{
    if (!typingQueued_)
        return;
    proto::Typing typing = *typingQueued_;
    typingQueued_.reset();
    sendTypingNow(typing);
}

void App::sendTypingNow(const proto::Typing& typing)
{
    if (!welcome_ || welcome_->role != Role::Secretary)
        return;
    // A pending newer draft for the same comment would resurrect a cleared one.
    if (typing.done && typingQueued_ && typingQueued_->commentId == typing.commentId) {
        typingQueued_.reset();
        typingTimer_.stop();
    }
    lastTypingSentAt_ = now();
    if (authenticated_)
        connection_->send(typing);
}

// ---- crash-safe typing -----------------------------------------------------------------

void App::keepUnsaved(const QString& commentId, int baseRev, const QString& participantId,
                      const QString& turnId, const QString& speakerName, const QString& text,
                      const QStringList& sections, const QString& kind, const QString& proposedWording,
                      const QString& proposedLocation, bool written, int paragraph)
{
    if (conferenceId_ == 0)
        return;
    if (commentId.isEmpty() && text.trimmed().isEmpty()) {
        // Nothing typed (or all of it erased): nothing to bring back.
        discardUnsaved();
        return;
    }
    auto draft = std::make_unique<UnsavedDraft>();
    draft->conferenceId = conferenceId_;
    draft->commentId = fromQ(commentId);
    draft->baseRev = std::max(baseRev, 0);
    draft->participantId = fromQ(participantId);
    draft->turnId = fromQ(turnId);
    draft->speakerName = fromQ(speakerName);
    draft->text = fromQ(text);
    draft->sections = fromQ(sections);
    draft->kind = fromQ(kind);
    draft->proposedWording = fromQ(proposedWording);
    draft->proposedLocation = fromQ(proposedLocation);
    draft->written = written;
    draft->paragraph = paragraph;
    draft->savedAt = now();
    unsavedQueued_ = std::move(draft);
    if (!unsavedSaver_.isActive())
        unsavedSaver_.start();
}

void App::flushUnsaved()
{
    unsavedSaver_.stop();
    writeUnsaved();
}

void App::writeUnsaved()
{
    if (!unsavedQueued_)
        return;
    try {
        typingStore_->save(*unsavedQueued_);
        unsavedQueued_.reset();
    } catch (const LocalStoreError& e) {
        // Kept in memory and tried again with the next keystroke or focus change.
        setError(QStringLiteral("Không ghi được bản nháp lên thiết bị (%1); nội dung vẫn còn trong ô soạn.")
                     .arg(QString::fromUtf8(e.what())));
    }
}

QVariantMap App::unsavedDraft() const
{
    std::optional<UnsavedDraft> draft;
    if (unsavedQueued_ && unsavedQueued_->conferenceId == conferenceId_)
        draft = *unsavedQueued_;
    else if (conferenceId_ != 0)
        draft = typingStore_->load(conferenceId_);
    if (!draft)
        return {};
    return {{QStringLiteral("commentId"), toQ(draft->commentId)},
            {QStringLiteral("baseRev"), static_cast<int>(draft->baseRev)},
            {QStringLiteral("participantId"), toQ(draft->participantId)},
            {QStringLiteral("turnId"), toQ(draft->turnId)},
            {QStringLiteral("speakerName"), toQ(draft->speakerName)},
            {QStringLiteral("text"), toQ(draft->text)},
            {QStringLiteral("sections"), toQ(draft->sections)},
            {QStringLiteral("kind"), toQ(draft->kind)},
            {QStringLiteral("proposedWording"), toQ(draft->proposedWording)},
            {QStringLiteral("proposedLocation"), toQ(draft->proposedLocation)},
            {QStringLiteral("written"), draft->written},
            {QStringLiteral("paragraph"), draft->paragraph},
            {QStringLiteral("savedAt"), static_cast<double>(draft->savedAt)}};
}

void App::discardUnsaved()
{
    if (unsavedQueued_ && unsavedQueued_->conferenceId == conferenceId_) {
        unsavedQueued_.reset();
        unsavedSaver_.stop();
    }
    if (conferenceId_ == 0)
        return;
    try {
        typingStore_->clear(conferenceId_);
    } catch (const LocalStoreError& e) {
        setError(QStringLiteral("Không xoá được bản nháp trên thiết bị: %1").arg(QString::fromUtf8(e.what())));
    }
}

// ---- reports ---------------------------------------------------------------------------

namespace {

// The newest version of the conference's own synthesis, if it awaits release.
const ReportInfo* releasable(const ConferenceData& data, std::int64_t conferenceId)
{
    const ReportInfo* newest = nullptr;
    for (const ReportInfo& report : data.reports) {
        if (report.conferenceId == conferenceId && (newest == nullptr || report.version > newest->version))
            newest = &report;
    }
    return newest != nullptr && !newest->released ? newest : nullptr;
}

}  // namespace

int App::releasableReportId() const
{
    const ReportInfo* report = conferenceId_ == 0 ? nullptr : releasable(conference_.displayed(), conferenceId_);
    return report == nullptr ? 0 : static_cast<int>(report->id);
}

int App::releasableReportVersion() const
{
    const ReportInfo* report = conferenceId_ == 0 ? nullptr : releasable(conference_.displayed(), conferenceId_);
    return report == nullptr ? 0 : report->version;
}

void App::releaseReport(int reportId)
{
    const proto::Operation release = proto::ReportRelease{reportId};
    if (!mayWrite(release))
        return;
    const ReportRow* row = reports_->find(reportId);
    if (row == nullptr) {
        setError(QStringLiteral("Không tìm thấy báo cáo."));
        return;
    }
    if (row->report.released) {
        setError(QStringLiteral("Báo cáo này đã được phát hành cho đại biểu."));
        return;
    }
    if (submit(release))
        clearError();
}

void App::downloadReport(int reportId)
{
    const ReportRow* row = reports_->find(reportId);
    if (row == nullptr) {
        setError(QStringLiteral("Không tìm thấy báo cáo."));
        return;
    }
    if (!row->localPath.empty() && QFile::exists(toQ(row->localPath))) {
        emit reportReady(reportId, toQ(row->localPath));
        return;
    }
    const std::string token = settings_->token();
    if (token.empty() || settings_->serverAddress().empty()) {
        setError(QStringLiteral("Thiết bị chưa kết nối với máy chủ."));
        return;
    }
    downloader_->download(toQ(settings_->serverAddress()), toQ(token), toQ(settings_->serverFingerprint()), row->report);
}

// ---- dashboard and grassroots (issue 5) ------------------------------------------------

bool App::isDrafting() const
{
    return welcome_ && welcome_->role == Role::Drafting;
}

QString App::dashboardToday() const
{
    const std::string today = dashboard_.today.empty() ? hanoiIsoDate(now()) : dashboard_.today;
    return toQ(viDate(today));
}

int App::reportedCount() const
{
    return static_cast<int>(std::count_if(dashboard_.organisations.begin(), dashboard_.organisations.end(),
                                          [](const GrassrootsOrganisation& o) { return o.reportedAt > 0; }));
}

QString App::organisationName() const
{
    if (!welcome_ || welcome_->organisationId == 0)
        return {};
    for (const GrassrootsOrganisation& o : dashboard_.organisations) {
        if (o.id == welcome_->organisationId)
            return toQ(o.name);
    }
    return {};
}

bool App::organisationReported() const
{
    if (!welcome_ || welcome_->organisationId == 0)
        return false;
    const std::int64_t id = welcome_->organisationId;
    for (const GrassrootsOrganisation& o : dashboard_.organisations) {
        if (o.id == id && o.reportedAt > 0)
            return true;
    }
    // Sent from this device but not in a dashboard yet: shown as sent (it is in the outbox).
    const auto isOurs = [&](const proto::Operation& op) {
        const auto* report = std::get_if<proto::GrassrootsReport>(&op);
        return report != nullptr && report->organisationId == id;
    };
    return std::any_of(pending_.begin(), pending_.end(), [&](const Outbox::Entry& e) { return isOurs(e.request.op); }) ||
           std::any_of(conference_.acknowledged().begin(), conference_.acknowledged().end(),
                       [&](const Replica::AckedOp& a) { return isOurs(a.request.op); });
}

void App::refreshDashboard()
{
    if (!authenticated_)
        return;
    connection_->send(proto::DashboardGet{});
}

void App::onDashboard(const proto::Dashboard& dashboard)
{
    dashboard_ = dashboard;
    try {
        settings_->setDashboard(dashboard_);
    } catch (const LocalStoreError& e) {
        qCWarning(lcApp) << "cannot keep the dashboard:" << e.what();
    }
    applyDashboard();
    if (isDrafting())
        rebuildDrafting();
}

void App::applyDashboard()
{
    const std::string today = dashboard_.today.empty() ? hanoiIsoDate(now()) : dashboard_.today;
    deadlines_->setDeadlines(dashboard_.deadlines);
    organisations_->setOrganisations(dashboard_.organisations, today);
    drafting_->setSuggestions(dashboard_.suggestions);
    emit dashboardChanged();
    emit organisationChanged();
}

void App::noteEvents(const proto::Events& events)
{
    bool refresh = false;
    bool organisations = false;
    for (const proto::Event& event : events.events) {
        if (event.organisation) {
            auto it = std::find_if(dashboard_.organisations.begin(), dashboard_.organisations.end(),
                                   [&](const GrassrootsOrganisation& o) { return o.id == event.organisation->id; });
            if (it != dashboard_.organisations.end())
                *it = *event.organisation;
            else
                dashboard_.organisations.push_back(*event.organisation);
            organisations = true;
        }
        refresh |= std::holds_alternative<proto::GrassrootsReport>(event.op) ||
                   std::holds_alternative<proto::SessionEnd>(event.op);
    }
    if (organisations)
        applyDashboard();
    // Deadlines count reports and concluded conferences: the server recomputes them.
    if (refresh)
        refreshDashboard();
}

QString App::createGrassrootsComment(const QStringList& sections, const QString& kind, const QString& text,
                                     const QString& proposedWording, const QString& proposedLocation,
                                     int paragraph)
{
    if (!welcome_ || welcome_->role != Role::Grassroots) {
        setError(QStringLiteral("Chỉ báo cáo viên của tổ chức cơ sở đảng ghi ý kiến này."));
        return {};
    }
    if (welcome_->organisationId == 0) {
        setError(QStringLiteral("Thiết bị này chưa được gắn với tổ chức cơ sở đảng nào; hãy xin mã kết nối mới."));
        return {};
    }
    Comment comment;
    comment.text = trimmed(text);
    if (comment.text.empty()) {
        setError(QStringLiteral("Nội dung ý kiến đang trống."));
        return {};
    }
    if (const std::string refusal = limits::tooLong("Nội dung ý kiến", comment.text, limits::kCommentText);
        !refusal.empty()) {
        setError(toQ(refusal) + QStringLiteral("; hãy tách thành nhiều ý kiến."));
        return {};
    }
    auto fields = checkedFields(sections, kind, proposedWording, proposedLocation);
    if (!fields)
        return {};
    if (!checkParagraph(fields->sections, paragraph))
        return {};
    comment.kind = fields->kind;
    comment.sections = std::move(fields->sections);
    comment.proposed = std::move(fields->proposed);
    comment.paragraph = paragraph;
    comment.origin = CommentOrigin{};
    comment.origin->organisationId = welcome_->organisationId;
    comment.id = newId();
    comment.conferenceId = conferenceId_;
    comment.createdAt = now();
    comment.updatedAt = comment.createdAt;
    if (!submit(proto::CommentCreate{comment}))
        return {};
    clearError();
    return toQ(comment.id);
}

void App::sendGrassrootsReport()
{
    if (!welcome_ || welcome_->role != Role::Grassroots || welcome_->organisationId == 0) {
        setError(QStringLiteral("Thiết bị này chưa được gắn với tổ chức cơ sở đảng nào."));
        return;
    }
    if (organisationReported()) {
        setError(QStringLiteral("Báo cáo của tổ chức đã được gửi."));
        return;
    }
    if (submit(proto::GrassrootsReport{welcome_->organisationId, now()}))
        clearError();
}

// ---- drafting team: every conference at once -------------------------------------------

void App::loadCampaign()
{
    saveCampaign();
    campaign_.reset(isDrafting() ? welcome_->conferences : std::vector<Conference>());
    for (const auto& [id, replica] : campaign_.replicas()) {
        try {
            if (auto cached = snapshots_->load(id))
                campaign_.setServerState(ConferenceData::fromSnapshot(*cached));
        } catch (const LocalStoreError& e) {
            qCWarning(lcApp) << "cannot read the cached conference:" << e.what();
        }
    }
    campaign_.clearDirty();  // just read from the cache
    rebuildDrafting();
}

void App::rebuildDrafting()
{
    campaign_.rebuild(isDrafting() ? pending_ : std::vector<Outbox::Entry>(), dashboard_.organisations, now());
    drafting_->setState(campaign_.displayed(), outlineData_, campaign_.pendingIds());
}

void App::saveCampaignSoon()
{
    if (!campaignSaver_.isActive())
        campaignSaver_.start();
}

void App::saveCampaign()
{
    campaignSaver_.stop();
    for (std::int64_t id : campaign_.dirty()) {
        const Replica* replica = campaign_.find(id);
        if (replica == nullptr || !replica->hasServerState())
            continue;
        try {
            snapshots_->save(replica->confirmed().toSnapshot());
        } catch (const LocalStoreError& e) {
            qCWarning(lcApp) << "cannot cache the conference:" << e.what();
            return;
        }
    }
    campaign_.clearDirty();
}

}  // namespace gopy::client
