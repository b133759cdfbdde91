#include "client_driver.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTextStream>

#include "client/core/app.h"
#include "client/core/comment_model.h"
#include "client/core/conference_list_model.h"
#include "client/core/live_draft_model.h"
#include "client/core/participant_model.h"
#include "client/core/queue_model.h"
#include "client/core/report_list_model.h"
#include "item_finder.h"

namespace gopy::e2e {

namespace {

constexpr int kLongWait = 90'000;  // generous: a loaded 2-core machine, several processes

bool touch(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly);
}

QString itemText(QQuickItem* item)
{
    return item == nullptr ? QString() : item->property("text").toString();
}

// What a secretary types without Vietnamese input: no diacritics, no đ, lower case.
QString folded(const QString& text)
{
    QString plain;
    for (const QChar ch : text.normalized(QString::NormalizationForm_D)) {
        if (ch.category() == QChar::Mark_NonSpacing)
            continue;
        plain += ch == u'đ' ? u'd' : ch == u'Đ' ? u'D' : ch;
    }
    return plain.toLower();
}

QString modelText(const QAbstractItemModel* model, int row, int role)
{
    return model->data(model->index(row, 0), role).toString();
}

}  // namespace

ClientDriver::ClientDriver(ClientOptions options) : options_(std::move(options)) {}

ClientDriver::~ClientDriver()
{
    // The scene binds to the App: tear the scene down first.
    engine_.reset();
    client::App::setInstance(nullptr);
}

bool ClientDriver::fail(const QString& why)
{
    QTextStream(stderr) << "[" << options_.scenario << "] FAILED: " << why << "\n";
    return false;
}

bool ClientDriver::waitFor(const std::function<bool()>& condition, int timeoutMs,
                           const QString& what)
{
    if (QTest::qWaitFor(condition, timeoutMs))
        return true;
    return fail(QStringLiteral("timed out waiting for %1 (last error: %2)")
                    .arg(what, app_ ? app_->lastError() : QString()));
}

void ClientDriver::typeText(const QString& text, int delayMs)
{
    // One key event per character with its text, as a keyboard (or an IME committing a
    // composed Vietnamese letter) delivers it; QTest::keyClicks would drop non-Latin-1 text.
    for (const QChar ch : text) {
        const Qt::Key key = ch.isLetterOrNumber() && ch.unicode() < 0x80
                                ? static_cast<Qt::Key>(ch.toUpper().unicode())
                                : ch == u' ' ? Qt::Key_Space : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Click, window_, key, QString(ch), Qt::NoModifier);
        if (delayMs > 0)
            QTest::qWait(delayMs);
    }
}

void ClientDriver::pressKey(int key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(window_, static_cast<Qt::Key>(key), modifiers);
}

QQuickItem* ClientDriver::visibleItem(const QString& objectName) const
{
    for (QQuickItem* item : findItems(window_->contentItem(), objectName)) {
        if (item->isVisible())
            return item;
    }
    return nullptr;
}

bool ClientDriver::click(const QString& objectName)
{
    QQuickItem* item = visibleItem(objectName);
    if (item == nullptr)
        return fail(QStringLiteral("no visible item named %1").arg(objectName));
    return clickItem(item, objectName);
}

bool ClientDriver::clickItem(QQuickItem* item, const QString& what)
{
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    if (!item->isVisible() || !item->isEnabled()
        || !QRectF(0, 0, window_->width(), window_->height()).contains(centre))
        return fail(QStringLiteral("%1 cannot be tapped (visible %2, enabled %3, at %4,%5)")
                        .arg(what)
                        .arg(item->isVisible())
                        .arg(item->isEnabled())
                        .arg(centre.x())
                        .arg(centre.y()));
    QTest::mouseClick(window_, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

bool ClientDriver::grab(const QString& path)
{
    if (path.isEmpty())
        return true;
    QTest::qWait(300);  // let the last frame settle (animations of Controls)
    const QImage image = window_->grabWindow();
    if (image.isNull() || !image.save(path))
        return fail(QStringLiteral("cannot save the screenshot %1").arg(path));
    QTextStream(stdout) << "screenshot " << path << " " << image.width() << "x" << image.height()
                        << "\n";
    return true;
}

bool ClientDriver::start()
{
    app_ = std::make_unique<client::App>(options_.dataDir);
    client::App::setInstance(app_.get());
    app_->connectTo(options_.server);

    engine_ = std::make_unique<QQmlApplicationEngine>();
    engine_->addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine_->load(QUrl(QStringLiteral("qrc:/qt/qml/GopY/Views/Main.qml")));
    if (engine_->rootObjects().isEmpty())
        return fail(QStringLiteral("Main.qml did not load"));
    window_ = qobject_cast<QQuickWindow*>(engine_->rootObjects().first());
    if (window_ == nullptr)
        return fail(QStringLiteral("Main.qml is not a window"));
    window_->setWidth(options_.size.width());
    window_->setHeight(options_.size.height());
    window_->show();
    window_->requestActivate();
    return QTest::qWaitForWindowExposed(window_, kLongWait)
        || fail(QStringLiteral("the window was never shown"));
}

bool ClientDriver::admitThroughScreen()
{
    if (!waitFor([&] { return findItem(window_->contentItem(), "connectScreen") != nullptr; },
                 kLongWait, "the admission screen"))
        return false;
    // Key events go to the active window: take the X input focus before typing.
    window_->requestActivate();
    if (!QTest::qWaitForWindowActive(window_, kLongWait))
        return fail(QStringLiteral("the window never became active"));
    QQuickItem* code = findItem(window_->contentItem(), "codeField");
    if (code == nullptr || !code->hasActiveFocus())
        return fail(QStringLiteral("the code field should have the focus"));
    typeText(options_.code, 0);
    if (itemText(code) != options_.code)
        return fail(QStringLiteral("the code field shows \"%1\"").arg(itemText(code)));
    pressKey(Qt::Key_Return);  // to the device name field
    QQuickItem* device = findItem(window_->contentItem(), "deviceField");
    if (device == nullptr || !device->hasActiveFocus())
        return fail(QStringLiteral("Enter should move to the device name"));
    typeText(options_.deviceName, 0);
    pressKey(Qt::Key_Return);  // submits
    return waitFor([&] { return !app_->role().isEmpty(); }, kLongWait, "the admission");
}

bool ClientDriver::selectConference()
{
    const QString role = app_->role();
    const QString view = role == QLatin1String("secretary")    ? "secretaryConsole"
                       : role == QLatin1String("chair")        ? "chairView"
                       : role == QLatin1String("drafting")     ? "draftingDesk"
                       : role == QLatin1String("grassroots")   ? "grassrootsDesk"
                                                               : "delegateView";
    if (!waitFor([&] { return findItem(window_->contentItem(), view) != nullptr; }, kLongWait,
                 "the view of the role " + role))
        return false;
    // The drafting desk follows every conference; a grassroots device its organisation's channel.
    if (role == QLatin1String("drafting") || role == QLatin1String("grassroots"))
        return true;
    if (!waitFor([&] { return app_->conferences()->count() > 0; }, kLongWait,
                 "the list of conferences"))
        return false;
    if (app_->conferenceId() != options_.conferenceId && !pickConferenceInUi())
        return false;
    return waitFor([&] { return app_->conferenceId() == options_.conferenceId
                                && app_->participants()->totalCount() > 0; },
                   kLongWait, "the conference's data");
}

bool ClientDriver::pickConferenceInUi()
{
    QQuickItem* picker = visibleItem("conferencePicker");
    if (picker == nullptr)
        return fail(QStringLiteral("no conference picker (device bound to another conference?)"));
    auto* popup = picker->property("popup").value<QObject*>();
    if (popup == nullptr)
        return fail(QStringLiteral("the conference picker has no list"));
    if (!clickItem(picker, "the conference picker"))
        return false;
    // Tap only once the list has finished opening (it grows in with an animation).
    if (!waitFor([&] { return popup->property("opened").toBool(); }, kLongWait,
                 "the list of conferences to open"))
        return false;
    int index = -1;
    QMetaObject::invokeMethod(picker, "indexOfValue", Q_RETURN_ARG(int, index),
                              Q_ARG(QVariant, options_.conferenceId));
    if (index < 0)
        return fail(QStringLiteral("conference %1 is not in the picker").arg(options_.conferenceId));
    if (auto* list = qobject_cast<QQuickItem*>(popup->property("contentItem").value<QObject*>()))
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, index),
                                  Q_ARG(int, 4 /* ListView.Contain */));
    QQuickItem* option = nullptr;
    if (!waitFor([&] {
            for (QQuickItem* item : findItems(window_->contentItem(), "conferenceOption")) {
                if (item->isVisible() && item->property("conferenceId").toInt() == options_.conferenceId)
                    option = item;
            }
            return option != nullptr;
        }, kLongWait, "the conference in the picker's list"))
        return false;
    if (!clickItem(option, "the conference in the list"))
        return false;
    // The list closes with an animation that would swallow the next tap.
    return waitFor([&] {
        return app_->conferenceId() == options_.conferenceId && !popup->property("visible").toBool();
    }, kLongWait, "the picked conference to be selected");
}

bool ClientDriver::queueSpeakerInUi(int participantRow, QString* participantId)
{
    const QAbstractItemModel* participants = app_->participants();
    *participantId = modelText(participants, participantRow, client::ParticipantModel::ParticipantIdRole);
    const QString name = modelText(participants, participantRow, client::ParticipantModel::FullNameRole);
    if (participantId->isEmpty() || name.isEmpty())
        return fail(QStringLiteral("no participant at row %1").arg(participantRow));
    // In portrait the queue is a tab under the editor.
    if (visibleItem("queuePanel") == nullptr && !click("consoleTabs/0"))
        return false;
    if (!waitFor([&] { return visibleItem("addSpeakerButton") != nullptr; }, kLongWait,
                 "the speaker queue"))
        return false;
    if (!click("addSpeakerButton"))
        return false;
    if (!waitFor([&] { return visibleItem("speakerSearch") != nullptr; }, kLongWait,
                 "the add-speaker pane"))
        return false;
    // The pane may still be moving into place when it first shows, and a tap then misses the
    // field: tap until the field takes the keys.
    bool focused = false;
    for (int attempt = 0; attempt < 20 && !focused; ++attempt) {
        if (!click("speakerSearch"))
            return false;
        focused = QTest::qWaitFor([&] {
            QQuickItem* search = visibleItem("speakerSearch");
            return search != nullptr && search->hasActiveFocus();
        }, 3000);
    }
    if (!focused)
        return fail(QStringLiteral("the speaker search field does not take the keys"));
    // Typed without diacritics, as on a keyboard without a Vietnamese input method.
    typeText(folded(name), 0);
    QQuickItem* candidate = nullptr;
    if (!waitFor([&] {
            const QList<QQuickItem*> shown = findItems(window_->contentItem(), "speakerCandidate");
            candidate = nullptr;
            for (QQuickItem* item : shown) {
                if (item->isVisible() && item->property("participantId").toString() == *participantId)
                    candidate = item;
            }
            return candidate != nullptr && participants->rowCount() <= 3;
        }, kLongWait, "the search to find " + name))
        return false;
    const QAbstractItemModel* queue = app_->queue();
    const int before = queue->rowCount();
    if (!clickItem(candidate, name))
        return false;
    if (!waitFor([&] {
            return queue->rowCount() == before + 1
                && modelText(queue, before, client::QueueModel::ParticipantIdRole) == *participantId;
        }, kLongWait, "the speaker at the end of the queue"))
        return false;
    return click("addSpeakerButton");  // closes the pane
}

bool ClientDriver::runSecretary()
{
    if (app_->conferenceState() == QLatin1String("planned")) {
        if (!click("startSessionButton"))
            return false;
        if (!waitFor([&] { return app_->conferenceState() == QLatin1String("in_session"); },
                     kLongWait, "the session to start"))
            return false;
    }
    QString speaker;
    if (!queueSpeakerInUi(0, &speaker))
        return false;
    if (!click("commentText"))  // the editor takes the keys again
        return false;
    pressKey(Qt::Key_N, Qt::AltModifier);  // next speaker
    if (!waitFor([&] { return !app_->currentTurnId().isEmpty(); }, kLongWait,
                 "Alt+N to start the turn"))
        return false;
    QQuickItem* editor = findItem(window_->contentItem(), "commentEditor");
    if (!waitFor([&] { return editor->property("participantId").toString() == speaker; },
                 kLongWait, "the editor to follow the speaker"))
        return false;
    const int before = app_->comments()->count();
    typeText(options_.comment, 60);
    QQuickItem* area = findItem(window_->contentItem(), "commentText");
    if (itemText(area) != options_.comment)
        return fail(QStringLiteral("typed text differs: \"%1\"").arg(itemText(area)));
    // Keep the draft open until the chair has seen it live, then save with Ctrl+Enter.
    const QString draftSeen = QDir(options_.sharedDir).filePath("draft-seen");
    if (!waitFor([&] { return QFile::exists(draftSeen); }, kLongWait,
                 "the chair to see the live draft"))
        return false;
    pressKey(Qt::Key_Return, Qt::ControlModifier);
    if (!waitFor([&] { return app_->comments()->count() == before + 1; }, kLongWait,
                 "the saved comment in the list"))
        return false;
    if (!itemText(area).isEmpty())
        return fail(QStringLiteral("the editor should be empty after saving"));
    if (!waitFor([&] { return app_->unsentCount() == 0; }, kLongWait,
                 "the server to acknowledge the comment"))
        return false;
    return touch(QDir(options_.sharedDir).filePath("secretary-saved"));
}

bool ClientDriver::runChair()
{
    // The chair only watches from now on; the secretary may take the keyboard focus.
    if (!touch(QDir(options_.sharedDir).filePath("chair-ready")))
        return fail(QStringLiteral("cannot write to the shared folder"));
    const QString prefix = options_.comment.left(12);
    if (!waitFor([&] {
            for (QQuickItem* draft : findItems(window_->contentItem(), "liveDraft")) {
                if (itemText(draft).startsWith(prefix))
                    return true;
            }
            return false;
        }, kLongWait, "the secretary's live draft"))
        return false;
    QTextStream(stdout) << "chair saw the live draft\n";
    if (!touch(QDir(options_.sharedDir).filePath("draft-seen")))
        return fail(QStringLiteral("cannot write to the shared folder"));
    if (!waitFor([&] {
            for (QQuickItem* card : findItems(window_->contentItem(), "chairComment")) {
                if (itemText(card) == options_.comment && !card->property("pending").toBool())
                    return true;
            }
            return false;
        }, kLongWait, "the comment in the chair's list"))
        return false;
    QTextStream(stdout) << "chair shows the comment\n";
    if (!waitFor([&] { return findItems(window_->contentItem(), "liveDraft").isEmpty(); },
                 kLongWait, "the live draft to go away after saving"))
        return false;
    return grab(options_.screenshot);
}

bool ClientDriver::pointAtParagraph(const QString& section, int paragraph)
{
    QQuickItem* sections = visibleItem(QStringLiteral("sectionPicker"));
    if (sections == nullptr)
        return false;
    sections->setProperty("selected", QVariantList{section});
    QQuickItem* picker = visibleItem(QStringLiteral("paragraphPicker"));
    if (picker == nullptr) {
        sections->setProperty("selected", QVariantList{});
        return false;
    }
    picker->setProperty("paragraph", paragraph);
    return true;
}

bool ClientDriver::shootSecretary()
{
    QTest::qWait(1000);
    if (!click("commentText"))
        return false;
    typeText(options_.comment, 0);
    if (!pointAtParagraph(QStringLiteral("II.4"), 3))
        return fail(QStringLiteral("the demo draft has no paragraph 3 in II.4 to point at"));
    // Release the conference's reports so that delegates can read them.
    for (const client::ReportRow& row : app_->reports()->rows()) {
        if (!row.report.released)
            app_->releaseReport(static_cast<int>(row.report.id));
    }
    if (!waitFor([&] { return app_->unsentCount() == 0; }, kLongWait, "the releases"))
        return false;
    return grab(options_.screenshot);
}

bool ClientDriver::shootChair()
{
    if (!waitFor([&] { return app_->comments()->count() > 0; }, kLongWait, "comments"))
        return false;
    QTest::qWait(1000);
    if (!grab(options_.screenshot))
        return false;
    if (!click("hallModeButton"))
        return false;
    QString hall = options_.screenshot;
    hall.replace(QLatin1String("chair-"), QLatin1String("hall-"));
    return grab(hall);
}

bool ClientDriver::shootDelegate()
{
    QTest::qWait(1000);
    if (app_->reports()->count() == 0)
        return grab(options_.screenshot);
    if (!click("downloadReportButton"))
        return false;
    if (!waitFor([&] { return findItem(window_->contentItem(), "reportViewer")->isVisible(); },
                 kLongWait, "the downloaded report to open"))
        return false;
    QTest::qWait(2000);  // pages render asynchronously
    return grab(options_.screenshot);
}

bool ClientDriver::shootDesk()
{
    // Let the snapshot of every conference arrive and the lists fill.
    QTest::qWait(3000);
    if (!waitFor([&] { return app_->unsentCount() == 0 && app_->lastError().isEmpty(); }, kLongWait,
                 "a settled desk"))
        return false;
    // The grassroots reporter's form, where the layout shows it, points at a paragraph; the
    // drafting desk has no such form.
    if (app_->role() == QLatin1String("grassroots"))
        pointAtParagraph(QStringLiteral("II.3"), 2);
    return grab(options_.screenshot);
}

bool ClientDriver::shootDashboard()
{
    if (!click("dashboardButton"))
        return false;
    if (!waitFor([&] { return visibleItem("dashboardView") != nullptr; }, kLongWait,
                 "the dashboard"))
        return false;
    QTest::qWait(2000);
    return grab(options_.screenshot);
}

int ClientDriver::run()
{
    bool ok = start();
    if (ok && options_.scenario == QLatin1String("shot-connect")) {
        QTest::qWait(500);
        return grab(options_.screenshot) ? 0 : 1;
    }
    ok = ok && admitThroughScreen() && selectConference();
    if (ok && options_.scenario == QLatin1String("secretary"))
        ok = runSecretary();
    else if (ok && options_.scenario == QLatin1String("chair"))
        ok = runChair();
    else if (ok && options_.scenario == QLatin1String("shot-secretary"))
        ok = shootSecretary();
    else if (ok && options_.scenario == QLatin1String("shot-chair"))
        ok = shootChair();
    else if (ok && options_.scenario == QLatin1String("shot-delegate"))
        ok = shootDelegate();
    else if (ok && (options_.scenario == QLatin1String("shot-drafting")
                    || options_.scenario == QLatin1String("shot-grassroots")))
        ok = shootDesk();
    else if (ok && options_.scenario == QLatin1String("shot-dashboard"))
        ok = shootDashboard();
    else if (ok)
        ok = fail(QStringLiteral("unknown scenario"));
    if (ok)
        QTextStream(stdout) << "[" << options_.scenario << "] passed\n";
    return ok ? 0 : 1;
}

}  // namespace gopy::e2e
