#include "test_server.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace {
// Generous: the machine running the tests may be busy compiling.
constexpr int kWaitMs = 120000;
}  // namespace

TestServer::TestServer(QObject* parent) : QObject(parent) {}

TestServer::~TestServer()
{
    if (server_ && server_->state() != QProcess::NotRunning) {
        server_->kill();
        server_->waitForFinished(kWaitMs);
    }
}

void TestServer::setLastOutput(const QString& text)
{
    lastOutput_ = text;
    emit lastOutputChanged();
}

bool TestServer::run(const QStringList& arguments, QString* standardOutput)
{
    QProcess process;
    process.start(QStringLiteral(GOPY_SERVER_BINARY), arguments);
    const bool finished = process.waitForFinished(kWaitMs);
    *standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    setLastOutput(*standardOutput + QString::fromUtf8(process.readAllStandardError()));
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool TestServer::start()
{
    if (!dir_.isValid()) {
        setLastOutput(QStringLiteral("no temporary folder"));
        return false;
    }
    QString out;
    if (!run({QStringLiteral("demo"), QStringLiteral("--data"), dir_.path()}, &out))
        return false;
    return serve(QStringLiteral("127.0.0.1:0"));
}

bool TestServer::serve(const QString& listen)
{
    server_ = std::make_unique<QProcess>();
    // The server logs every event on stderr: into a file, so a full pipe never blocks it.
    server_->setStandardErrorFile(dir_.filePath(QStringLiteral("server-stderr.log")),
                                  QIODevice::Append);
    server_->start(QStringLiteral(GOPY_SERVER_BINARY),
                   {QStringLiteral("serve"), QStringLiteral("--data"), dir_.path(),
                    QStringLiteral("--listen"), listen});
    if (!server_->waitForStarted(kWaitMs)) {
        setLastOutput(server_->errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening (127\\.0\\.0\\.1:\\d+)"));
    QString printed;
    const QDeadlineTimer deadline(kWaitMs);
    while (!deadline.hasExpired() && server_->state() != QProcess::NotRunning) {
        server_->waitForReadyRead(1000);
        printed += QString::fromUtf8(server_->readAllStandardOutput());
        const auto match = listening.match(printed);
        if (match.hasMatch()) {
            address_ = match.captured(1);
            emit addressChanged();
            return true;
        }
    }
    setLastOutput(printed);
    return false;
}

bool TestServer::stop()
{
    if (!server_ || server_->state() == QProcess::NotRunning) {
        setLastOutput(QStringLiteral("no server running"));
        return false;
    }
    server_->kill();
    return server_->waitForFinished(kWaitMs);
}

bool TestServer::restart()
{
    if (address_.isEmpty()) {
        setLastOutput(QStringLiteral("never started"));
        return false;
    }
    return serve(address_);
}

QString TestServer::admit(const QString& role, int conferenceId, int organisationId)
{
    QStringList arguments{QStringLiteral("admit"), QStringLiteral("--data"), dir_.path(),
                          QStringLiteral("--role"), role};
    if (conferenceId > 0)
        arguments << QStringLiteral("--conference") << QString::number(conferenceId);
    if (organisationId > 0)
        arguments << QStringLiteral("--organisation") << QString::number(organisationId);
    QString out;
    if (!run(arguments, &out))
        return {};
    // The code is the last line printed.
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}
