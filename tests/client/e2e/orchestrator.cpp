#include "orchestrator.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

namespace gopy::e2e {

namespace {

constexpr int kProcessWait = 240'000;  // a child may wait up to 90 s for several things

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

}  // namespace

Orchestrator::Orchestrator(QString self, QString serverExe)
    : self_(std::move(self)), serverExe_(std::move(serverExe))
{
    serverData_ = QDir(dir_.path()).filePath("server");
}

Orchestrator::~Orchestrator()
{
    if (server_.state() != QProcess::NotRunning) {
        server_.terminate();
        if (!server_.waitForFinished(10'000))
            server_.kill();
        server_.waitForFinished(10'000);
    }
}

bool Orchestrator::runGopyServer(const QStringList& arguments, QString* output)
{
    QProcess process;
    process.start(serverExe_, arguments);
    if (!process.waitForFinished(kProcessWait) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        err() << "gopy-server " << arguments.join(' ') << " failed: "
              << process.readAllStandardError() << "\n";
        err().flush();
        return false;
    }
    if (output != nullptr)
        *output = QString::fromUtf8(process.readAllStandardOutput());
    return true;
}

bool Orchestrator::startServer(bool withReport)
{
    if (!dir_.isValid())
        return false;
    if (!runGopyServer({"demo", "--data", serverData_}, nullptr))
        return false;
    if (withReport
        && !runGopyServer({"report", "--data", serverData_, "--conference", "1", "--out",
                           QDir(dir_.path()).filePath("report-1.pdf")},
                          nullptr))
        return false;
    server_.setProcessChannelMode(QProcess::SeparateChannels);
    server_.setStandardErrorFile(QDir(dir_.path()).filePath("server.log"));
    server_.start(serverExe_, {"serve", "--data", serverData_, "--listen", "127.0.0.1:0"});
    if (!server_.waitForStarted(kProcessWait))
        return false;
    static const QRegularExpression listening(QStringLiteral("^listening (127\\.0\\.0\\.1:\\d+)"));
    QString seen;
    QDeadlineTimer deadline(kProcessWait);
    while (!deadline.hasExpired() && server_.state() == QProcess::Running) {
        while (server_.canReadLine()) {
            const QString line = QString::fromUtf8(server_.readLine()).trimmed();
            seen += line + '\n';
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                address_ = match.captured(1);
                return true;
            }
        }
        server_.waitForReadyRead(1000);
    }
    err() << "the server did not report its port; output:\n" << seen << "\n";
    err().flush();
    return false;
}

QString Orchestrator::admit(const QString& role, int conferenceId, int organisationId)
{
    QStringList arguments{"admit", "--data", serverData_, "--role", role};
    if (conferenceId > 0)
        arguments << "--conference" << QString::number(conferenceId);
    if (organisationId > 0)
        arguments << "--organisation" << QString::number(organisationId);
    QString output;
    if (!runGopyServer(arguments, &output))
        return {};
    const QStringList lines = output.split('\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

QProcess* Orchestrator::startClient(const QStringList& arguments)
{
    auto* client = new QProcess();
    client->setProcessChannelMode(QProcess::ForwardedChannels);
    const QString data = QDir(dir_.path()).filePath(QStringLiteral("client-%1").arg(++clients_));
    client->start(self_, QStringList{"--client", "--server", address_, "--data", data} + arguments);
    return client;
}

bool Orchestrator::finish(QProcess* client, const QString& what)
{
    const bool done = client->waitForFinished(kProcessWait);
    if (!done)
        client->kill();
    client->waitForFinished(10'000);
    const bool ok = done && client->exitStatus() == QProcess::NormalExit && client->exitCode() == 0;
    if (!ok) {
        err() << what << " failed (exit " << client->exitCode() << ")\n";
        err().flush();
    }
    delete client;
    return ok;
}

int Orchestrator::runLiveComment()
{
    if (!startServer(false))
        return 1;
    // Conference 2 of the demo is planned: the secretary picks it and starts its session. Her
    // device is not bound to a conference (she chooses it on screen); the chair's is.
    const int conference = 2;
    const QString secretaryCode = admit("secretary", 0);
    const QString chairCode = admit("chair", conference);
    if (secretaryCode.isEmpty() || chairCode.isEmpty())
        return 1;
    const QString shared = QDir(dir_.path()).filePath("shared");
    QDir().mkpath(shared);
    const QString comment = QStringLiteral(
        "Đề nghị bổ sung chỉ tiêu chuyển đổi số, nâng cao chất lượng dịch vụ công trực tuyến "
        "mức độ 4 cho người dân phường Điện Biên.");
    const QStringList common{"--shared", shared, "--conference", QString::number(conference),
                             "--comment", comment};
    QProcess* chair = startClient(QStringList{"--scenario", "chair", "--code", chairCode,
                                              "--device", "May tinh bang chu tri", "--size", "1920x1080",
                                              "--screenshot",
                                              QDir(dir_.path()).filePath("chair-e2e.png")}
                                  + common);
    // One window at a time types: the secretary starts once the chair is admitted and watching.
    const QString chairReady = QDir(shared).filePath("chair-ready");
    QDeadlineTimer ready(kProcessWait);
    while (!QFile::exists(chairReady) && !ready.hasExpired() && chair->state() != QProcess::NotRunning)
        chair->waitForFinished(200);
    if (!QFile::exists(chairReady)) {
        finish(chair, "the chair client");
        return 1;
    }
    QProcess* secretary = startClient(QStringList{"--scenario", "secretary", "--code",
                                                  secretaryCode, "--device", "May thu ky 1",
                                                  "--size", "800x1280"}
                                      + common);
    const bool secretaryOk = finish(secretary, "the secretary client");
    const bool chairOk = finish(chair, "the chair client");
    return secretaryOk && chairOk ? 0 : 1;
}

int Orchestrator::runScreenshots(const QString& outDir)
{
    if (!startServer(true))
        return 1;
    QDir().mkpath(outDir);
    const int conference = 1;
    const QString draft = QStringLiteral(
        "Đề nghị làm rõ lộ trình chuyển đổi số trong cải cách hành chính, gắn với chỉ tiêu cụ thể");
    bool ok = true;
    for (const QSize size : {QSize(800, 1280), QSize(1920, 1080)}) {
        const QString tag = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        const QString sizeArg = tag;
        QProcess* connect = startClient({"--scenario", "shot-connect", "--code", "-", "--device",
                                         "-", "--size", sizeArg, "--screenshot",
                                         QDir(outDir).filePath("connect-" + tag + ".png")});
        ok = finish(connect, "connect screenshot") && ok;
        for (const QString& role : {QStringLiteral("secretary"), QStringLiteral("chair"),
                                   QStringLiteral("delegate")}) {
            const QString code = admit(role, conference);
            if (code.isEmpty())
                return 1;
            QProcess* client = startClient(
                {"--scenario", "shot-" + role, "--code", code, "--device",
                 role == QLatin1String("secretary") ? "Máy thư ký 1" : "Máy tính bảng",
                 "--size", sizeArg, "--conference", QString::number(conference), "--comment",
                 draft, "--shared", dir_.path(), "--screenshot",
                 QDir(outDir).filePath(role + "-" + tag + ".png")});
            ok = finish(client, role + " screenshot " + tag) && ok;
        }
        // The issue-5 views: the drafting team's desk, a grassroots organisation's entry
        // (Đảng bộ phường Phúc Xá, demo organisation 1) and the chair's progress dashboard.
        struct Desk {
            QString shot;
            QString role;
            int conference;
            int organisation;
        };
        for (const Desk& desk : {Desk{"drafting", "drafting", 0, 0},
                                 Desk{"grassroots", "grassroots", 0, 1},
                                 Desk{"dashboard", "chair", conference, 0}}) {
            const QString code = admit(desk.role, desk.conference, desk.organisation);
            if (code.isEmpty())
                return 1;
            QProcess* client = startClient(
                {"--scenario", "shot-" + desk.shot, "--code", code, "--device", "Máy tính bảng",
                 "--size", sizeArg, "--conference", QString::number(desk.conference),
                 "--shared", dir_.path(), "--screenshot",
                 QDir(outDir).filePath(desk.shot + "-" + tag + ".png")});
            ok = finish(client, desk.shot + " screenshot " + tag) && ok;
        }
    }
    return ok ? 0 : 1;
}

}  // namespace gopy::e2e
