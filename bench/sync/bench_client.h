// One asynchronous WebSocket client of the benchmark: hello with a token, subscribe, then
// hand every received frame to a callback. All clients of a run share one io thread, so the
// callbacks need no locks.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace gopy::bench {

class BenchClient : public std::enable_shared_from_this<BenchClient> {
public:
    using FrameHandler = std::function<void(BenchClient&, const std::string& frame)>;

    BenchClient(boost::asio::io_context& io, std::string token, std::int64_t conferenceId);

    /// Connects, sends hello, subscribes; calls `ready` after the snapshot arrived, then
    /// `onFrame` for every later frame. `failed` on any error. With an empty token: no hello
    /// and no subscribe, `ready` once the WebSocket is open.
    void start(const boost::asio::ip::tcp::endpoint& server, std::function<void(BenchClient&)> ready,
               std::function<void(BenchClient&)> failed);
    /// Queues a frame (io thread only).
    void send(std::string frame);
    /// Closes the socket (io thread only).
    void close();

    FrameHandler onFrame;
    std::string deviceId;  ///< from the Welcome
    std::int64_t nextSeq = 1;
    std::int64_t inFlight = 0;
    std::chrono::steady_clock::time_point mark;

private:
    void doRead();
    void onRead(boost::beast::error_code ec, std::size_t);
    void doWrite();

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::flat_buffer buffer_;
    std::string token_;
    std::int64_t conferenceId_;
    std::deque<std::string> queue_;
    int stage_ = 0;  ///< 0 waiting welcome, 1 waiting snapshot, 2 live
    std::function<void(BenchClient&)> ready_;
    std::function<void(BenchClient&)> failed_;
};

}  // namespace gopy::bench
