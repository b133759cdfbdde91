#include "client/core/connection.h"

#include <QDateTime>
#include <QSslConfiguration>
#include <QUrl>

#include "client/core/server_link.h"

#include <algorithm>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnection, "gopy.client.connection")

namespace gopy::client {

namespace {
constexpr int kFirstRetryMs = 250;
constexpr int kMaxRetryMs = 5000;
constexpr int kHeartbeatMs = 5000;
constexpr qint64 kSilenceLimitMs = 15000;
}  // namespace

Connection::Connection(QObject* parent) : QObject(parent)
{
    retry_.setSingleShot(true);
    connect(&retry_, &QTimer::timeout, this, &Connection::attempt);
    heartbeat_.setInterval(kHeartbeatMs);
    connect(&heartbeat_, &QTimer::timeout, this, [this] {
        if (state_ != State::Open)
            return;
        if (QDateTime::currentMSecsSinceEpoch() - lastHeard_ > kSilenceLimitMs) {
            // No pong, no frame: the peer is gone; abort() makes disconnected() fire.
            socket_.abort();
            return;
        }
        socket_.ping();
    });
    connect(&socket_, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        const QSslCertificate certificate = socket_.sslConfiguration().peerCertificate().isNull() && !errors.isEmpty()
                                                ? errors.first().certificate()
                                                : socket_.sslConfiguration().peerCertificate();
        if (!checkPeer(certificate))
            return;
        if (acceptCertificate(certificate, errors, pin_)) {
            socket_.ignoreSslErrors();
            return;
        }
        qCWarning(lcConnection) << "refusing the certificate of" << address_ << errors;
    });
    connect(&socket_, &QWebSocket::connected, this, [this] {
        // A certificate that produced no error (signed by a trusted authority) is held to the
        // pin too, before anything is sent.
        if (secure() && !checkPeer(socket_.sslConfiguration().peerCertificate()))
            return;
        failures_ = 0;
        lastHeard_ = QDateTime::currentMSecsSinceEpoch();
        heartbeat_.start();
        setState(State::Open);
        emit opened();
    });
    connect(&socket_, &QWebSocket::disconnected, this, [this] {
        heartbeat_.stop();
        qCInfo(lcConnection) << "disconnected from" << address_ << "close code" << socket_.closeCode()
                             << socket_.closeReason() << socket_.errorString();
        const bool wasOpen = state_ == State::Open;
        if (wanted_)
            scheduleRetry();
        else
            setState(State::Idle);
        if (wasOpen)
            emit closed();
    });
    connect(&socket_, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        // A failed attempt may not emit disconnected(); retrying twice is prevented by the
        // single-shot timer being active.
        if (wanted_ && state_ == State::Opening)
            scheduleRetry();
    });
    connect(&socket_, &QWebSocket::pong, this,
            [this](quint64, const QByteArray&) { lastHeard_ = QDateTime::currentMSecsSinceEpoch(); });
    connect(&socket_, &QWebSocket::textMessageReceived, this, &Connection::onText);
}

Connection::~Connection()
{
    wanted_ = false;
    socket_.disconnect(this);
    socket_.abort();
}

void Connection::open(const QString& address, const QString& pin)
{
    address_ = address;
    pin_ = pin;
    peerFingerprint_.clear();
    wanted_ = true;
    failures_ = 0;
    retry_.stop();
    attempt();
}

void Connection::close()
{
    wanted_ = false;
    retry_.stop();
    heartbeat_.stop();
    socket_.abort();
    setState(State::Idle);
}

void Connection::reconnectNow()
{
    if (!wanted_)
        return;
    retry_.stop();
    socket_.abort();
    attempt();
}

bool Connection::send(const proto::Message& message)
{
    if (state_ != State::Open)
        return false;
    const std::string frame = proto::encode(message);
    socket_.sendTextMessage(QString::fromUtf8(frame.data(), static_cast<qsizetype>(frame.size())));
    return true;
}

void Connection::attempt()
{
    if (!wanted_ || address_.isEmpty())
        return;
    socket_.abort();
    setState(State::Opening);
    socket_.open(QUrl(secure() ? QStringLiteral("wss://%1/ws").arg(address_) : QStringLiteral("%1/ws").arg(address_)));
}

bool Connection::checkPeer(const QSslCertificate& certificate)
{
    const QString offered = fingerprintOf(certificate);
    if (pin_.isEmpty() || offered == pin_) {
        peerFingerprint_ = offered;
        return true;
    }
    // Not the server this device was admitted to: stop here, do not retry in a loop.
    qCWarning(lcConnection) << "certificate of" << address_ << "is" << offered << "but" << pin_ << "is pinned";
    wanted_ = false;
    retry_.stop();
    heartbeat_.stop();
    // Queued: this runs inside the socket's own TLS signal handlers.
    QMetaObject::invokeMethod(this, [this] { socket_.abort(); }, Qt::QueuedConnection);
    setState(State::Idle);
    emit certificateMismatch(pin_, offered);
    return false;
}

void Connection::scheduleRetry()
{
    if (retry_.isActive())
        return;
    ++failures_;
    const int shift = std::min(failures_ - 1, 8);
    const int delay = std::min(kMaxRetryMs, kFirstRetryMs << shift);
    setState(State::WaitingToRetry);
    retry_.start(delay);
}

void Connection::setState(State state)
{
    if (state == state_)
        return;
    state_ = state;
    emit stateChanged();
}

void Connection::onText(const QString& text)
{
    lastHeard_ = QDateTime::currentMSecsSinceEpoch();
    const QByteArray utf8 = text.toUtf8();
    auto decoded = proto::decode(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    if (!decoded) {
        emit protocolError(QString::fromStdString(decoded.error.message));
        return;
    }
    emit messageReceived(*decoded.message);
}

}  // namespace gopy::client
