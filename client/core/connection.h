// The WebSocket to the server (wss://ADDR:PORT/ws, or ws:// for an --insecure test server):
// decodes frames into typed messages, and reopens itself with exponential backoff (0.25 s
// doubling, capped at 5 s) until closed. Pings every 5 s and drops a connection that stayed
// silent for 15 s (Wi-Fi gone without a FIN).
//
// TLS: the server's certificate is self-signed and pinned (server_link.h). With a pin, any
// other certificate is refused before a byte of the session is sent, reconnecting stops and
// certificateMismatch() says which fingerprint was expected and which was offered. Without a
// pin (first admission from a typed address) the certificate is trusted and its fingerprint
// kept in peerFingerprint() for the caller to pin and show.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QWebSocket>

#include "gopy/protocol.h"

namespace gopy::client {

class Connection : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Opening, Open, WaitingToRetry };

    explicit Connection(QObject* parent = nullptr);
    ~Connection() override;

    /// Starts connecting to "host:port" (TLS) or "ws://host:port" (plain), reconnecting after
    /// every loss, until close(). `pin`: the expected certificate fingerprint (64 hex digits),
    /// empty to trust the first one offered.
    void open(const QString& address, const QString& pin = {});
    /// Closes the socket and stops reconnecting.
    void close();
    /// Drops the socket and reconnects at once (for example after the server refused the state).
    void reconnectNow();
    /// Sends one message; false when the socket is not open (nothing is queued here: the
    /// outbox is the queue).
    bool send(const proto::Message& message);

    State state() const { return state_; }
    QString address() const { return address_; }
    /// Failed attempts since the last successful open.
    int failedAttempts() const { return failures_; }
    /// The fingerprint of the certificate of the current (or last) TLS connection; empty for
    /// plain connections.
    QString peerFingerprint() const { return peerFingerprint_; }
    bool secure() const { return !address_.startsWith(QStringLiteral("ws://")); }

signals:
    void opened();
    void closed();
    void stateChanged();
    void messageReceived(const gopy::proto::Message& message);
    /// A frame that did not decode (server bug or version mismatch); the connection stays.
    void protocolError(const QString& message);
    /// The server offered a certificate other than the pinned one; nothing was sent and the
    /// connection stays closed until open() is called again.
    void certificateMismatch(const QString& expected, const QString& offered);

private:
    void attempt();
    void scheduleRetry();
    void setState(State state);
    void onText(const QString& text);

    QWebSocket socket_;
    QTimer retry_;
    QTimer heartbeat_;
    qint64 lastHeard_ = 0;
    bool checkPeer(const QSslCertificate& certificate);

    QString address_;
    QString pin_;
    QString peerFingerprint_;
    State state_ = State::Idle;
    int failures_ = 0;
    bool wanted_ = false;
};

}  // namespace gopy::client
