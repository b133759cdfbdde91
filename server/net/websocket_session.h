// One WebSocket connection at /ws, over TLS or (with --insecure) plain TCP: reads frames,
// decodes them, hands engine work to the writer, and sends frames from one queue with one
// write in flight. Until admit/hello succeeds it has 10 s, small frames and a place among the
// capped unauthenticated connections. Owns itself (shared_from_this); all its state lives on
// its strand.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "gopy/protocol.h"
#include "server/net/net_context.h"
#include "server/net/shared_state.h"
#include "server/sync/engine.h"

namespace gopy::server::net {

class WebsocketSession : public std::enable_shared_from_this<WebsocketSession> {
public:
    using PlainWs = boost::beast::websocket::stream<boost::beast::tcp_stream>;
    using TlsWs = boost::beast::websocket::stream<boost::beast::ssl_stream<boost::beast::tcp_stream>>;
    using Request = boost::beast::http::request<boost::beast::http::string_body>;

    /// Takes over the stream of the HTTP session that received the upgrade request (with its
    /// place among the unauthenticated connections), accepts the upgrade and starts reading.
    static void start(boost::beast::tcp_stream&& stream, const NetContext& context, std::string remote,
                      UnauthenticatedSlot slot, Request request);
    static void start(boost::beast::ssl_stream<boost::beast::tcp_stream>&& stream, const NetContext& context,
                      std::string remote, UnauthenticatedSlot slot, Request request);

    WebsocketSession(std::variant<PlainWs, TlsWs>&& ws, const NetContext& context, std::string remote,
                     UnauthenticatedSlot slot);
    /// Leaves the shared state.
    ~WebsocketSession();

    /// Queues an encoded frame (thread-safe). If the queue is over its cap, the connection is
    /// dropped instead: a client that does not read must not hold memory or slow others.
    void send(std::shared_ptr<const std::string> frame);
    /// Encodes and queues one message (thread-safe).
    void sendMessage(const proto::Message& message);
    /// Queues already-encoded frames in order (thread-safe).
    void sendFrames(std::vector<std::string> frames);
    /// Any thread: runs `encode` on this session's strand (an I/O thread, not the caller) and
    /// queues the frames it returns, in order with every other send posted after this call.
    /// For snapshots and catch-ups, whose encoding must not hold up the writer.
    void sendEncoded(std::function<std::vector<std::string>()> encode);
    /// Writer thread: the answer to a subscribe (an error, or the snapshot or catch-up events,
    /// encoded on this session's strand and split into frames the client can read).
    void sendCatchUp(Engine::SubscribeResult result);
    /// Called by the writer when admit/hello was answered: on success the device this
    /// connection speaks for from now on; then the answer frame (Welcome or Error) is queued
    /// (thread-safe).
    void authResult(std::optional<Device> device, std::shared_ptr<const std::string> answer);
    /// Sends the error, then closes the connection (policy error) once it is written.
    void closeWithError(const proto::Error& error);
    /// The remote address ("192.168.1.20"), for the organiser's view of a device.
    const std::string& remoteAddress() const { return remoteAddress_; }
    /// Drops the connection at once (shutdown).
    void abort();

    /// "192.168.1.20:53122" or "192.168.1.20:53122 Thư ký 1 (d-…)" for the log.
    std::string describe() const;

private:
    void run(Request request);
    void onAccept(boost::beast::error_code ec);
    void onAuthDeadline(boost::beast::error_code ec);
    /// Token bucket: true when one more event of this kind fits (refills `rate` per second up
    /// to `burst`).
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point last{};
    };
    static bool take(Bucket& bucket, double rate, double burst);
    boost::beast::tcp_stream& lowest();
    void doRead();
    void onRead(boost::beast::error_code ec, std::size_t bytes);
    void handle(const std::string& text);
    void handleMessage(proto::Message message);
    void enqueue(std::shared_ptr<const std::string> frame);
    void doWrite();
    void onWrite(boost::beast::error_code ec, std::size_t bytes);
    void doClose(boost::beast::websocket::close_code code = boost::beast::websocket::close_code::policy_error);
    void fail(boost::beast::error_code ec, const char* what);

    std::variant<PlainWs, TlsWs> ws_;
    boost::beast::flat_buffer buffer_;
    NetContext context_;
    UnauthenticatedSlot slot_;   ///< released when admit/hello succeeds
    boost::asio::steady_timer authDeadline_;
    Bucket typingBucket_;
    Bucket subscribeBucket_;
    std::string remote_;         ///< "address:port" for the log
    std::string remoteAddress_;  ///< address only: wrong admission codes lock an address
    // Strand only.
    std::optional<Device> device_;
    bool authPending_ = false;
    std::deque<std::shared_ptr<const std::string>> queue_;
    std::size_t queuedBytes_ = 0;
    bool closing_ = false;       ///< no more writes are accepted
    bool closeAfterWrites_ = false;
    boost::beast::websocket::close_code closeCode_ = boost::beast::websocket::close_code::policy_error;
    // Read from other threads for the log only; set once on the strand.
    std::string deviceLabel_;
    mutable std::mutex labelMutex_;
};

}  // namespace gopy::server::net
