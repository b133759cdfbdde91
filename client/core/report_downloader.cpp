#include "client/core/report_downloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QUrl>

#include "client/core/server_link.h"

namespace gopy::client {

namespace {

QString sha256Of(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

}  // namespace

ReportDownloader::ReportDownloader(const QString& directory, QObject* parent)
    : QObject(parent), directory_(directory)
{
}

QString ReportDownloader::pathFor(const ReportInfo& report) const
{
    return QDir(directory_).filePath(QStringLiteral("bao-cao-%1-hoi-nghi-%2-v%3.pdf")
                                         .arg(report.id)
                                         .arg(report.conferenceId)
                                         .arg(report.version));
}

bool ReportDownloader::isDownloaded(const ReportInfo& report) const
{
    QFile file(pathFor(report));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return report.sha256.empty() || sha256Of(file.readAll()) == QString::fromStdString(report.sha256);
}

void ReportDownloader::download(const QString& address, const QString& token, const QString& pin,
                                const ReportInfo& report)
{
    if (running_.value(report.id, false))
        return;
    const auto link = parseServerLink(address);
    if (!link) {
        emit failed(report.id, QStringLiteral("Không tải được báo cáo: địa chỉ máy chủ không hợp lệ"));
        return;
    }
    const QString scheme = link->secure ? QStringLiteral("https") : QStringLiteral("http");
    QNetworkRequest request(QUrl(QStringLiteral("%1://%2/reports/%3").arg(scheme, link->address).arg(report.id)));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(60000);
    running_.insert(report.id, true);
    QNetworkReply* reply = network_.get(request);
    // The token travels in the request: only to the server whose certificate this device
    // pinned at admission (never trust-on-first-use here).
    connect(reply, &QNetworkReply::sslErrors, this, [reply, pin](const QList<QSslError>& errors) {
        if (!pin.isEmpty() && acceptCertificate(reply->sslConfiguration().peerCertificate(), errors, pin))
            reply->ignoreSslErrors();
    });
    connect(reply, &QNetworkReply::encrypted, this, [reply, pin] {
        if (fingerprintOf(reply->sslConfiguration().peerCertificate()) != pin)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, report] {
        reply->deleteLater();
        running_.remove(report.id);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            QString reason;
            if (status == 401)
                reason = QStringLiteral("thiết bị chưa được xác thực");
            else if (status == 403)
                reason = QStringLiteral("báo cáo chưa được phát hành cho thiết bị này");
            else if (status == 404)
                reason = QStringLiteral("không tìm thấy báo cáo");
            else if (reply->error() == QNetworkReply::SslHandshakeFailedError ||
                     reply->error() == QNetworkReply::OperationCanceledError)
                reason = QStringLiteral("chứng chỉ của máy chủ không khớp với chứng chỉ thiết bị đã ghi nhớ");
            else
                reason = reply->errorString();
            emit failed(report.id, QStringLiteral("Không tải được báo cáo: %1").arg(reason));
            return;
        }
        const QByteArray bytes = reply->readAll();
        if (!report.sha256.empty() && sha256Of(bytes) != QString::fromStdString(report.sha256)) {
            emit failed(report.id, QStringLiteral("Tệp báo cáo tải về bị hỏng (sai mã SHA-256)"));
            return;
        }
        QDir().mkpath(directory_);
        const QString path = pathFor(report);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            emit failed(report.id, QStringLiteral("Không ghi được tệp báo cáo: %1").arg(file.errorString()));
            return;
        }
        emit finished(report.id, path);
    });
}

}  // namespace gopy::client
