#include "tests/net/test_client.h"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace gopy::test {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace asio = boost::asio;

namespace {

std::unique_ptr<asio::ssl::context> clientContext(TestClient::Transport transport) {
    if (transport == TestClient::Transport::Plain) return nullptr;
    auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
    context->set_verify_mode(asio::ssl::verify_none);
    return context;
}

std::string fingerprintOf(SSL* ssl) {
    X509* cert = SSL_get1_peer_certificate(ssl);
    if (cert == nullptr) return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    X509_digest(cert, EVP_sha256(), digest, &length);
    X509_free(cert);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xF];
    }
    return hex;
}

}  // namespace

TestClient::TestClient(std::uint16_t port, Transport transport)
    : tls_(clientContext(transport)),
      ws_(transport == Transport::Plain ? std::variant<PlainWs, TlsWs>(std::in_place_type<PlainWs>, io_)
                                        : std::variant<PlainWs, TlsWs>(std::in_place_type<TlsWs>, io_, *tls_)) {
    beast::error_code ec;
    auto& tcp = lowest();
    tcp.expires_after(kWait);
    tcp.socket().connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    if (ec) return;
    if (auto* secure = std::get_if<TlsWs>(&ws_)) {
        secure->next_layer().handshake(asio::ssl::stream_base::client, ec);
        if (ec) return;
        peerFingerprint_ = fingerprintOf(secure->next_layer().native_handle());
    }
    std::visit([&](auto& ws) { ws.handshake("127.0.0.1:" + std::to_string(port), "/ws", ec); }, ws_);
    if (ec) return;
    std::visit(
        [](auto& ws) {
            // Large enough for the biggest snapshot the tests make.
            ws.read_message_max(64 * 1024 * 1024);
            ws.text(true);
        },
        ws_);
    open_ = true;
}

TestClient::~TestClient() {
    if (!open_) return;
    beast::error_code ec;
    lowest().socket().close(ec);
}

beast::tcp_stream& TestClient::lowest() {
    return std::visit([](auto& ws) -> beast::tcp_stream& { return beast::get_lowest_layer(ws); }, ws_);
}

bool TestClient::send(const proto::Message& message) { return sendText(proto::encode(message)); }

bool TestClient::sendText(const std::string& text) {
    if (!open_) return false;
    beast::error_code ec;
    std::visit(
        [&](auto& ws) {
            ws.text(true);
            ws.write(asio::buffer(text), ec);
        },
        ws_);
    return !ec;
}

bool TestClient::sendBinary(const std::string& bytes) {
    if (!open_) return false;
    beast::error_code ec;
    std::visit(
        [&](auto& ws) {
            ws.binary(true);
            ws.write(asio::buffer(bytes), ec);
            ws.text(true);
        },
        ws_);
    return !ec;
}

std::optional<proto::Message> TestClient::receive(std::chrono::milliseconds timeout) {
    if (!backlog_.empty()) {
        auto message = std::move(backlog_.front());
        backlog_.pop_front();
        return message;
    }
    return readOne(timeout);
}

std::optional<proto::Message> TestClient::readOne(std::chrono::milliseconds timeout) {
    if (!open_) return std::nullopt;
    beast::error_code result;
    bool done = false;
    // The tcp_stream timer closes the socket if nothing arrives in time.
    lowest().expires_after(timeout);
    std::visit(
        [&](auto& ws) {
            ws.async_read(buffer_, [&](beast::error_code ec, std::size_t) {
                result = ec;
                done = true;
            });
        },
        ws_);
    io_.restart();
    io_.run();
    timedOut_ = !done || result == beast::error::timeout;
    if (!done || result) {
        if (result == websocket::error::closed) closeCode_ = std::visit([](auto& ws) { return int(ws.reason().code); }, ws_);
        open_ = false;
        return std::nullopt;
    }
    const std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    auto decoded = proto::decode(text);
    if (!decoded) return std::nullopt;
    return std::move(*decoded.message);
}

std::optional<proto::Welcome> TestClient::admit(const std::string& code, const std::string& deviceName) {
    if (!send(proto::Admit{code, deviceName})) return std::nullopt;
    auto answer = receive();
    if (!answer) return std::nullopt;
    auto* welcome = std::get_if<proto::Welcome>(&*answer);
    if (!welcome) {
        backlog_.push_front(std::move(*answer));
        return std::nullopt;
    }
    deviceId = welcome->deviceId;
    token = welcome->token;
    return *welcome;
}

std::optional<proto::Welcome> TestClient::hello(const std::string& deviceToken) {
    if (!send(proto::Hello{deviceToken})) return std::nullopt;
    auto answer = receive();
    if (!answer) return std::nullopt;
    auto* welcome = std::get_if<proto::Welcome>(&*answer);
    if (!welcome) {
        backlog_.push_front(std::move(*answer));
        return std::nullopt;
    }
    deviceId = welcome->deviceId;
    token = deviceToken;
    return *welcome;
}

std::optional<proto::Message> TestClient::subscribe(std::int64_t conferenceId, std::int64_t since) {
    if (!send(proto::Subscribe{conferenceId, since})) return std::nullopt;
    return receive();
}

std::int64_t TestClient::sendOp(std::int64_t conferenceId, proto::Operation op) {
    const std::int64_t seq = nextSeq++;
    send(proto::OpRequest{deviceId, seq, conferenceId, std::move(op)});
    return seq;
}

std::optional<proto::Message> TestClient::applyOp(std::int64_t conferenceId, proto::Operation op) {
    const std::int64_t seq = sendOp(conferenceId, std::move(op));
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    // Events may arrive before or after the ack; keep them for the caller.
    for (auto it = backlog_.begin(); it != backlog_.end(); ++it) {
        if (auto* ack = std::get_if<proto::Ack>(&*it); ack && ack->clientSeq == seq) {
            proto::Message out = *it;
            backlog_.erase(it);
            return out;
        }
        if (auto* nack = std::get_if<proto::Nack>(&*it); nack && nack->clientSeq == seq) {
            proto::Message out = *it;
            backlog_.erase(it);
            return out;
        }
    }
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        auto message = readOne(left);
        if (!message) return std::nullopt;
        if (auto* ack = std::get_if<proto::Ack>(&*message); ack && ack->clientSeq == seq) return message;
        if (auto* nack = std::get_if<proto::Nack>(&*message); nack && nack->clientSeq == seq) return message;
        backlog_.push_back(std::move(*message));
    }
}

}  // namespace gopy::test
