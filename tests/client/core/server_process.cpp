#include "server_process.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

ServerProcess::ServerProcess(QString dataDir) : dataDir_(std::move(dataDir)) {}

ServerProcess::~ServerProcess()
{
    kill();
}

QString ServerProcess::run(const QStringList& arguments, bool* ok)
{
    QProcess process;
    process.start(QStringLiteral(GOPY_SERVER_BINARY), arguments);
    const bool finished = process.waitForFinished(120000);
    lastOutput_ = QString::fromUtf8(process.readAllStandardOutput()) +
                  QString::fromUtf8(process.readAllStandardError());
    *ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return lastOutput_;
}

bool ServerProcess::createDemo()
{
    bool ok = false;
    run({QStringLiteral("demo"), QStringLiteral("--data"), dataDir_}, &ok);
    return ok;
}

bool ServerProcess::importPublic(const QString& file)
{
    bool ok = false;
    run({QStringLiteral("import-public"), QStringLiteral("--data"), dataDir_, file}, &ok);
    return ok;
}

QString ServerProcess::admit(const QString& role, int conferenceId, int organisationId)
{
    bool ok = false;
    QProcess process;
    QStringList arguments{QStringLiteral("admit"), QStringLiteral("--data"), dataDir_, QStringLiteral("--role"), role};
    if (conferenceId > 0)
        arguments << QStringLiteral("--conference") << QString::number(conferenceId);
    if (organisationId > 0)
        arguments << QStringLiteral("--organisation") << QString::number(organisationId);
    if (!address_.isEmpty())
        arguments << QStringLiteral("--address") << QStringLiteral("127.0.0.1") << QStringLiteral("--port")
                  << address_.section(QLatin1Char(':'), 1);
    process.start(QStringLiteral(GOPY_SERVER_BINARY), arguments);
    ok = process.waitForFinished(120000) && process.exitCode() == 0;
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    lastOutput_ = out + err;
    if (!ok)
        return {};
    static const QRegularExpression link(QStringLiteral("^(gopy://\\S+)$"), QRegularExpression::MultilineOption);
    lastLink_ = link.match(err).captured(1);
    // The code is the last non-empty line.
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

bool ServerProcess::start(bool insecure)
{
    server_ = std::make_unique<QProcess>();
    // The server logs every event on stderr: into a file, so a full pipe never blocks it.
    server_->setStandardErrorFile(dataDir_ + QStringLiteral("/server-stderr.log"), QIODevice::Append);
    QStringList arguments{QStringLiteral("serve"), QStringLiteral("--data"), dataDir_, QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0")};
    if (insecure)
        arguments << QStringLiteral("--insecure");
    server_->start(QStringLiteral(GOPY_SERVER_BINARY), arguments);
    if (!server_->waitForStarted(60000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening (127\\.0\\.0\\.1:\\d+)"));
    QString out;
    QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired()) {
        server_->waitForReadyRead(1000);
        out += QString::fromUtf8(server_->readAllStandardOutput());
        const auto match = listening.match(out);
        if (match.hasMatch()) {
            address_ = match.captured(1);
            static const QRegularExpression printed(QStringLiteral("SHA-256\\): ([0-9A-F ]+)"));
            fingerprint_ = printed.match(out).captured(1).remove(QLatin1Char(' ')).toLower();
            return true;
        }
        if (server_->state() == QProcess::NotRunning)
            break;
    }
    lastOutput_ = out;
    return false;
}

void ServerProcess::kill()
{
    if (!server_)
        return;
    if (server_->state() != QProcess::NotRunning) {
        server_->kill();
        server_->waitForFinished(60000);
    }
    server_.reset();
}
