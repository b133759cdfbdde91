// Accepts TCP connections on the server's one port and starts an HttpSession for each, on
// its own strand; refuses at once what is over the cap of unauthenticated connections, and
// backs off (50 ms doubling to 1 s) when accepting fails (out of descriptors).
#pragma once

#include <chrono>
#include <memory>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>

#include "server/net/net_context.h"

namespace gopy::server::net {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    /// Opens, binds and listens; on failure `ec` is set (e.g. address_in_use) and the
    /// listener must not be run.
    Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             const NetContext& context, boost::beast::error_code& ec);

    /// Starts accepting.
    void run();
    /// Stops accepting (thread-safe).
    void stop();
    /// The bound endpoint (the real port when 0 was asked for).
    boost::asio::ip::tcp::endpoint endpoint() const;

private:
    void doAccept();
    void onAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);
    void onBackoff(boost::beast::error_code ec);

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    NetContext context_;
    boost::asio::ip::tcp::endpoint bound_;
    boost::asio::steady_timer backoff_;
    std::chrono::milliseconds delay_{0};
};

}  // namespace gopy::server::net
