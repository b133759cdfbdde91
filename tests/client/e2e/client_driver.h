// One gopy-client process driven by the end-to-end test: the real App singleton and the real
// GopY.Views Main.qml in a window (under Xvfb), admitted through the admission screen with key
// events, then playing one role's part of a scenario and reporting through files in a folder
// shared with the other processes.
#pragma once

#include <QSize>
#include <QString>

#include <functional>
#include <memory>

#include <Qt>

class QQuickItem;
class QQuickWindow;
class QQmlApplicationEngine;

namespace gopy::client {
class App;
}

namespace gopy::e2e {

struct ClientOptions {
    QString scenario;      ///< "secretary", "chair" (the live comment test) or "shot-<view>"
    QString server;        ///< "127.0.0.1:PORT"
    QString dataDir;       ///< the client's own data folder
    QString code;          ///< one-time admission code
    QString deviceName;
    QString sharedDir;     ///< files exchanged with the other processes
    QString comment;       ///< the comment the secretary types (NFC Vietnamese)
    QString screenshot;    ///< PNG written at the end ("" for none)
    QSize size{1280, 800};
    int conferenceId = 0;
};

class ClientDriver {
public:
    explicit ClientDriver(ClientOptions options);
    ~ClientDriver();

    /// Runs the scenario; returns the process exit code (0 = every check passed) after
    /// printing what failed on stderr.
    int run();

private:
    bool start();
    bool admitThroughScreen();
    bool selectConference();
    bool pickConferenceInUi();
    bool queueSpeakerInUi(int participantRow, QString* participantId);
    bool runSecretary();
    bool runChair();
    bool shootSecretary();
    bool shootChair();
    bool shootDelegate();
    bool shootDesk();
    bool shootDashboard();
    bool grab(const QString& path);

    void typeText(const QString& text, int delayMs);
    void pressKey(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    bool click(const QString& objectName);
    bool clickItem(QQuickItem* item, const QString& what);
    QQuickItem* visibleItem(const QString& objectName) const;
    /// Chooses `section` in the visible comment form and its paragraph `paragraph`, so that the
    /// picture shows the "Đoạn" box; false (and nothing chosen) if the form has no such box.
    bool pointAtParagraph(const QString& section, int paragraph);
    bool waitFor(const std::function<bool()>& condition, int timeoutMs, const QString& what);
    bool fail(const QString& why);

    ClientOptions options_;
    std::unique_ptr<gopy::client::App> app_;
    std::unique_ptr<QQmlApplicationEngine> engine_;
    QQuickWindow* window_ = nullptr;
};

}  // namespace gopy::e2e
