// The WebSocket to the server (ws://ADDR:PORT/ws): decodes frames into typed messages, and
// reopens itself with exponential backoff (0.25 s doubling, capped at 5 s) until closed. Pings
// every 5 s and drops a connection that stayed silent for 15 s (Wi-Fi gone without a FIN).
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

    /// Starts connecting to "host:port" (reconnecting after every loss) until close().
    void open(const QString& address);
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

signals:
    void opened();
    void closed();
    void stateChanged();
    void messageReceived(const gopy::proto::Message& message);
    /// A frame that did not decode (server bug or version mismatch); the connection stays.
    void protocolError(const QString& message);

private:
    void attempt();
    void scheduleRetry();
    void setState(State state);
    void onText(const QString& text);

    QWebSocket socket_;
    QTimer retry_;
    QTimer heartbeat_;
    qint64 lastHeard_ = 0;
    QString address_;
    State state_ = State::Idle;
    int failures_ = 0;
    bool wanted_ = false;
};

}  // namespace gopy::client
