// One WebSocket connection at /ws: reads frames, decodes them, hands engine work to the
// writer, and sends frames from one queue with one write in flight. Owns itself
// (shared_from_this); all its state lives on its strand.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "gopy/protocol.h"
#include "server/net/net_context.h"
#include "server/sync/engine.h"

namespace gopy::server::net {

class WebsocketSession : public std::enable_shared_from_this<WebsocketSession> {
public:
    /// Takes over the socket of the HTTP session that received the upgrade request.
    WebsocketSession(boost::asio::ip::tcp::socket&& socket, const NetContext& context,
                     std::string remote);
    /// Leaves the shared state.
    ~WebsocketSession();

    /// Accepts the upgrade request and starts reading.
    void run(boost::beast::http::request<boost::beast::http::string_body> request);

    /// Queues an encoded frame (thread-safe). If the queue is over its cap, the connection is
    /// dropped instead: a client that does not read must not hold memory or slow others.
    void send(std::shared_ptr<const std::string> frame);
    /// Encodes and queues one message (thread-safe).
    void sendMessage(const proto::Message& message);
    /// Called by the writer when admit/hello was answered: on success the device this
    /// connection speaks for from now on; then the answer frame (Welcome or Error) is queued
    /// (thread-safe).
    void authResult(std::optional<Device> device, std::shared_ptr<const std::string> answer);
    /// Sends the error, then closes the connection (policy error) once it is written.
    void closeWithError(const proto::Error& error);
    /// Drops the connection at once (shutdown).
    void abort();

    /// "192.168.1.20:53122" or "192.168.1.20:53122 Thư ký 1 (d-…)" for the log.
    std::string describe() const;

private:
    void onAccept(boost::beast::error_code ec);
    void doRead();
    void onRead(boost::beast::error_code ec, std::size_t bytes);
    void handle(const std::string& text);
    void handleMessage(proto::Message message);
    void enqueue(std::shared_ptr<const std::string> frame);
    void doWrite();
    void onWrite(boost::beast::error_code ec, std::size_t bytes);
    void doClose();
    void fail(boost::beast::error_code ec, const char* what);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::flat_buffer buffer_;
    NetContext context_;
    std::string remote_;         ///< "address:port" for the log
    std::string remoteAddress_;  ///< address only: wrong admission codes lock an address
    // Strand only.
    std::optional<Device> device_;
    bool authPending_ = false;
    std::deque<std::shared_ptr<const std::string>> queue_;
    std::size_t queuedBytes_ = 0;
    bool closing_ = false;       ///< no more writes are accepted
    bool closeAfterWrites_ = false;
    // Read from other threads for the log only; set once on the strand.
    std::string deviceLabel_;
    mutable std::mutex labelMutex_;
};

}  // namespace gopy::server::net
