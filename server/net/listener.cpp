#include "server/net/listener.h"

#include "server/log/event_log.h"
#include "server/net/http_session.h"
#include "server/net/shared_state.h"

#include <algorithm>

namespace gopy::server::net {

using log::logEvent;
using log::logThrottled;

namespace asio = boost::asio;
namespace beast = boost::beast;

Listener::Listener(asio::io_context& io, const asio::ip::tcp::endpoint& endpoint, const NetContext& context,
                   beast::error_code& ec)
    : io_(io), acceptor_(asio::make_strand(io)), context_(context), backoff_(acceptor_.get_executor()) {
    acceptor_.open(endpoint.protocol(), ec);
    if (ec) return;
    acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (ec) return;
    acceptor_.bind(endpoint, ec);
    if (ec) return;
    acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return;
    bound_ = acceptor_.local_endpoint(ec);
}

void Listener::run() { doAccept(); }

void Listener::stop() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->acceptor_.close(ec);
        self->backoff_.cancel();
    });
}

asio::ip::tcp::endpoint Listener::endpoint() const { return bound_; }

void Listener::doAccept() {
    // Each connection gets its own strand, so its handlers never run concurrently.
    acceptor_.async_accept(asio::make_strand(io_),
                           beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
}

void Listener::onAccept(beast::error_code ec, asio::ip::tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (ec) {
        // Out of descriptors or a reset before accept. Retrying at once would spin on EMFILE and
        // flood the log: wait 50 ms, doubling to 1 s while it keeps failing, one line a minute.
        if (!acceptor_.is_open()) return;
        delay_ = delay_.count() == 0 ? std::chrono::milliseconds(50) : std::min(delay_ * 2, std::chrono::milliseconds(1000));
        logThrottled("accept.error", "accept error (" + ec.message() + "), retrying in " +
                                         std::to_string(delay_.count()) + " ms");
        backoff_.expires_after(delay_);
        return backoff_.async_wait(beast::bind_front_handler(&Listener::onBackoff, shared_from_this()));
    }
    delay_ = std::chrono::milliseconds(0);
    auto slot = context_.state.enterUnauthenticated(context_.maxUnauthenticated);
    if (!slot) {
        // Over the cap: close now, before a TLS handshake costs anything. Authenticated devices
        // hold no place, so a flood of idle connections cannot lock the hall's tablets out for
        // longer than the 10 s each of those connections may wait.
        logThrottled("accept.cap", "too many unauthenticated connections (" +
                                       std::to_string(context_.maxUnauthenticated) + "), refused one");
        beast::error_code ignored;
        socket.close(ignored);
        return doAccept();
    }
    // Frames are small and latency matters more than packet count: no Nagle delay.
    beast::error_code option;
    socket.set_option(asio::ip::tcp::no_delay(true), option);
    std::make_shared<HttpSession>(std::move(socket), context_, std::move(slot))->run();
    doAccept();
}

void Listener::onBackoff(beast::error_code ec) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    doAccept();
}

}  // namespace gopy::server::net
