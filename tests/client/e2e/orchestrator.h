// The parent process of the end-to-end test: a real gopy-server with demo data in a temporary
// folder on 127.0.0.1 (port 0), admission codes from `gopy-server admit`, and client processes
// (this executable in client mode) for each role.
#pragma once

#include <QProcess>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace gopy::e2e {

class Orchestrator {
public:
    /// `self`: this executable (children run it with --client); `serverExe`: gopy-server.
    Orchestrator(QString self, QString serverExe);
    ~Orchestrator();

    /// The live-comment test: on a portrait tablet, a secretary picks the conference, starts the
    /// session, queues a speaker found by an unaccented search and types a Vietnamese comment;
    /// the chair sees the draft as typed and then the saved comment. Returns the exit code.
    int runLiveComment();
    /// Screenshots of every role at 800×1280 and 1920×1080 into `outDir`. Returns the exit code.
    int runScreenshots(const QString& outDir);

private:
    bool startServer(bool withReport);
    /// A one-time code from `gopy-server admit`; 0 leaves the conference or organisation open.
    QString admit(const QString& role, int conferenceId, int organisationId = 0);
    QProcess* startClient(const QStringList& arguments);
    bool finish(QProcess* client, const QString& what);
    bool runGopyServer(const QStringList& arguments, QString* output);

    QString self_;
    QString serverExe_;
    QTemporaryDir dir_;
    QString serverData_;
    QProcess server_;
    QString address_;
    int clients_ = 0;
};

}  // namespace gopy::e2e
