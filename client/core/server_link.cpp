#include "client/core/server_link.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace gopy::client {

namespace {

bool validHostPort(const QString& address)
{
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    const int port = address.mid(colon + 1).toInt(&ok);
    if (!ok || port <= 0 || port >= 65536)
        return false;
    const QString host = address.left(colon);
    return !host.contains(QLatin1Char('/')) && !host.contains(QLatin1Char(' '));
}

}  // namespace

std::optional<ServerLink> parseServerLink(const QString& text)
{
    const QString clean = text.trimmed();
    ServerLink link;
    if (clean.startsWith(QStringLiteral("gopy://"), Qt::CaseInsensitive)) {
        const QUrl url(clean);
        if (!url.isValid() || url.host().isEmpty() || url.port() <= 0)
            return std::nullopt;
        link.address = QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
        const QUrlQuery query(url);
        link.code = query.queryItemValue(QStringLiteral("code")).trimmed();
        link.fingerprint = query.queryItemValue(QStringLiteral("fp")).trimmed().toLower();
        static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
        if (!link.fingerprint.isEmpty() && !hex64.match(link.fingerprint).hasMatch())
            return std::nullopt;
        return link;
    }
    QString rest = clean;
    if (rest.startsWith(QStringLiteral("ws://"), Qt::CaseInsensitive)) {
        link.secure = false;
        rest = rest.mid(5);
    } else if (rest.startsWith(QStringLiteral("wss://"), Qt::CaseInsensitive)) {
        rest = rest.mid(6);
    }
    if (rest.endsWith(QLatin1Char('/')))
        rest.chop(1);
    if (!validHostPort(rest))
        return std::nullopt;
    link.address = rest;
    return link;
}

QString storedAddress(const ServerLink& link)
{
    return link.secure ? link.address : QStringLiteral("ws://") + link.address;
}

QString fingerprintOf(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256).toHex());
}

QString shortFingerprint(const QString& fingerprint)
{
    const QString head = fingerprint.left(16).toUpper();
    QString out;
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (i != 0 && i % 4 == 0)
            out += QLatin1Char(' ');
        out += head.at(i);
    }
    return out;
}

bool acceptCertificate(const QSslCertificate& certificate, const QList<QSslError>& errors, const QString& pin)
{
    if (certificate.isNull())
        return false;
    for (const QSslError& error : errors) {
        switch (error.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::HostNameMismatch:
        case QSslError::UnableToGetIssuerCertificate:
        // A tablet whose clock is off by years: the pin, not the dates, says who the server is.
        case QSslError::CertificateNotYetValid:
        case QSslError::CertificateExpired:
            break;
        default:
            // A bad signature, a revoked or malformed certificate…: not what a pin vouches for.
            return false;
        }
    }
    return pin.isEmpty() || fingerprintOf(certificate) == pin;
}

}  // namespace gopy::client
