#include "server/net/listener.h"

#include "server/net/event_log.h"
#include "server/net/http_session.h"

namespace gopy::server::net {

namespace asio = boost::asio;
namespace beast = boost::beast;

Listener::Listener(asio::io_context& io, const asio::ip::tcp::endpoint& endpoint, const NetContext& context,
                   beast::error_code& ec)
    : io_(io), acceptor_(asio::make_strand(io)), context_(context) {
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
        // Out of descriptors or a reset before accept: log and keep serving the others.
        logEvent("accept error: " + ec.message());
        if (!acceptor_.is_open()) return;
        return doAccept();
    }
    // Frames are small and latency matters more than packet count: no Nagle delay.
    beast::error_code option;
    socket.set_option(asio::ip::tcp::no_delay(true), option);
    std::make_shared<HttpSession>(std::move(socket), context_)->run();
    doAccept();
}

}  // namespace gopy::server::net
