// A small synchronous WebSocket client for the tests: connect to /ws (plain, or over TLS with
// no certificate check: the tests compare the fingerprint themselves), send typed messages or
// raw text, receive typed messages with a generous timeout, remember what it skipped.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <variant>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "gopy/protocol.h"

namespace gopy::test {

class TestClient {
public:
    static constexpr std::chrono::seconds kWait{30};

    enum class Transport { Plain, Tls };
    /// Connects to ws://127.0.0.1:port/ws (or wss:// with Transport::Tls); connected() tells
    /// whether it worked.
    explicit TestClient(std::uint16_t port, Transport transport = Transport::Plain);
    ~TestClient();

    bool connected() const { return open_; }
    /// Set once the server closed the connection (see closeCode()).
    bool closed() const { return !open_; }
    /// The close code the server sent (1009 for a frame too large), 0 if none.
    int closeCode() const { return closeCode_; }
    /// True if the last read gave up because nothing arrived in time (not a close).
    bool timedOut() const { return timedOut_; }

    /// Encodes and sends; false if the connection is gone.
    bool send(const proto::Message& message);
    /// Sends raw text as one frame; false if the connection is gone.
    bool sendText(const std::string& text);
    /// Sends bytes as one binary frame; false if the connection is gone.
    bool sendBinary(const std::string& bytes);
    /// SHA-256 of the server certificate (64 lowercase hex digits); empty for plain.
    const std::string& peerFingerprint() const { return peerFingerprint_; }

    /// The next message (first from what was skipped before), or nullopt on timeout, close or
    /// a frame that does not decode.
    std::optional<proto::Message> receive(std::chrono::milliseconds timeout = kWait);

    /// Reads until a message of type T for which `match` holds arrives; the others are kept in
    /// order for later receive() calls.
    template <class T>
    std::optional<T> receiveType(const std::function<bool(const T&)>& match = {},
                                 std::chrono::milliseconds timeout = kWait) {
        for (auto it = backlog_.begin(); it != backlog_.end(); ++it) {
            if (auto* value = std::get_if<T>(&*it); value && (!match || match(*value))) {
                T out = std::move(*value);
                backlog_.erase(it);
                return out;
            }
        }
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            auto message = readOne(left);
            if (!message) return std::nullopt;
            if (auto* value = std::get_if<T>(&*message); value && (!match || match(*value))) {
                return std::move(*value);
            }
            backlog_.push_back(std::move(*message));
        }
    }

    /// Admit by code; the Welcome (with token) or nullopt.
    std::optional<proto::Welcome> admit(const std::string& code, const std::string& deviceName);
    /// Hello with a token; the Welcome or nullopt.
    std::optional<proto::Welcome> hello(const std::string& token);
    /// Subscribe and return the raw answer (Snapshot, Events or Error).
    std::optional<proto::Message> subscribe(std::int64_t conferenceId, std::int64_t since);

    /// Sends an op with the next client sequence of this device and returns that sequence.
    std::int64_t sendOp(std::int64_t conferenceId, proto::Operation op);
    /// Sends and waits for the Ack or Nack of that client sequence.
    std::optional<proto::Message> applyOp(std::int64_t conferenceId, proto::Operation op);

    std::string deviceId;
    std::string token;
    std::int64_t nextSeq = 1;

private:
    std::optional<proto::Message> readOne(std::chrono::milliseconds timeout);

    using PlainWs = boost::beast::websocket::stream<boost::beast::tcp_stream>;
    using TlsWs = boost::beast::websocket::stream<boost::beast::ssl_stream<boost::beast::tcp_stream>>;
    boost::beast::tcp_stream& lowest();

    boost::asio::io_context io_;
    std::unique_ptr<boost::asio::ssl::context> tls_;
    std::variant<PlainWs, TlsWs> ws_;
    std::string peerFingerprint_;
    boost::beast::flat_buffer buffer_;
    std::deque<proto::Message> backlog_;
    bool open_ = false;
    int closeCode_ = 0;
    bool timedOut_ = false;
};

}  // namespace gopy::test
