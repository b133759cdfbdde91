#include "tests/net/test_client.h"

namespace gopy::test {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace asio = boost::asio;

TestClient::TestClient(std::uint16_t port) : ws_(io_) {
    beast::error_code ec;
    auto& tcp = beast::get_lowest_layer(ws_);
    tcp.expires_after(kWait);
    tcp.socket().connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    if (ec) return;
    ws_.handshake("127.0.0.1:" + std::to_string(port), "/ws", ec);
    if (ec) return;
    // Large enough for the biggest snapshot the tests make.
    ws_.read_message_max(64 * 1024 * 1024);
    ws_.text(true);
    open_ = true;
}

TestClient::~TestClient() {
    if (!open_) return;
    beast::error_code ec;
    beast::get_lowest_layer(ws_).socket().close(ec);
}

bool TestClient::send(const proto::Message& message) { return sendText(proto::encode(message)); }

bool TestClient::sendText(const std::string& text) {
    if (!open_) return false;
    beast::error_code ec;
    ws_.write(asio::buffer(text), ec);
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
    beast::get_lowest_layer(ws_).expires_after(timeout);
    ws_.async_read(buffer_, [&](beast::error_code ec, std::size_t) {
        result = ec;
        done = true;
    });
    io_.restart();
    io_.run();
    timedOut_ = !done || result == beast::error::timeout;
    if (!done || result) {
        if (result == websocket::error::closed) closeCode_ = ws_.reason().code;
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
