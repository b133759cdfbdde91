// How a device names its server and checks it is the right one.
//
// Addresses a person may type or paste:
//   192.168.1.10:8080                 TLS (wss://, https://) — the normal case
//   ws://127.0.0.1:8080               plain, for a server started with --insecure (tests)
//   gopy://192.168.1.10:8080/?code=ABCD-EFGH&fp=<64 hex>
//                                     the link `gopy-server admit` prints and shows as a QR
//                                     code: address, admission code and the certificate's
//                                     fingerprint in one
// The fingerprint is the SHA-256 of the server certificate's DER bytes, 64 lowercase hex digits;
// people compare its first 16 digits, grouped by 4 ("9C2A 24E2 A123 125D").
#pragma once

#include <optional>

#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace gopy::client {

struct ServerLink {
    QString address;      ///< "host:port"
    bool secure = true;   ///< false only for ws://
    QString code;         ///< from a gopy:// link, else empty
    QString fingerprint;  ///< from a gopy:// link, else empty (64 lowercase hex digits)
};

/// Parses one of the forms above (surrounding spaces ignored); nullopt when it is none of them
/// (no port, port out of range, a fingerprint that is not 64 hex digits, another scheme).
std::optional<ServerLink> parseServerLink(const QString& text);

/// The stored address form: "host:port" for TLS, "ws://host:port" for plain.
QString storedAddress(const ServerLink& link);

/// SHA-256 of the certificate's DER bytes in lowercase hex; empty for a null certificate.
QString fingerprintOf(const QSslCertificate& certificate);

/// "9C2A 24E2 A123 125D": the first 16 hex digits, upper case, in groups of 4.
QString shortFingerprint(const QString& fingerprint);

/// Whether a TLS handshake that reported `errors` for `certificate` may go on: only when the
/// certificate's fingerprint is `pin` (a self-signed certificate is expected, its name is not
/// checked, nor its dates: the pin is stronger than all three), or when `pin` is empty (trust on first use at
/// admission). Never for errors that are not about trusting the certificate.
bool acceptCertificate(const QSslCertificate& certificate, const QList<QSslError>& errors, const QString& pin);

}  // namespace gopy::client
