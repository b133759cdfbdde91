// Downloads released report files over HTTPS (GET /reports/{id}, Authorization: Bearer
// <token>), holding the server to the device's pinned certificate (plain HTTP only for a
// ws:// test server), into the data folder, and checks their SHA-256 against the report's.
#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

#include "gopy/model.h"

namespace gopy::client {

class ReportDownloader : public QObject {
    Q_OBJECT
public:
    /// Files go to `directory` (created when needed).
    explicit ReportDownloader(const QString& directory, QObject* parent = nullptr);

    /// Starts the download of `report` from the server at `address` (server_link.h: "host:port"
    /// over TLS with the certificate `pin`, or "ws://host:port" over plain HTTP); ignored while
    /// the same report is already downloading. finished() or failed() follows.
    void download(const QString& address, const QString& token, const QString& pin, const ReportInfo& report);
    /// Where the file of `report` is (or will be) stored.
    QString pathFor(const ReportInfo& report) const;
    /// True when that file exists and its SHA-256 matches.
    bool isDownloaded(const ReportInfo& report) const;

signals:
    void finished(qint64 reportId, const QString& localPath);
    void failed(qint64 reportId, const QString& message);

private:
    QNetworkAccessManager network_;
    QString directory_;
    QHash<qint64, bool> running_;
};

}  // namespace gopy::client
