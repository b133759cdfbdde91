// One HTTP connection, over TLS or (with --insecure) plain TCP: does the TLS handshake, serves
// GET /healthz and GET /reports/{id}, hands a WebSocket upgrade at /ws to a WebsocketSession,
// answers 404 to anything else. Keep-alive, one request at a time, body/header limits and a
// deadline for the handshake and for each request.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "server/net/http_route.h"
#include "server/net/net_context.h"
#include "server/net/shared_state.h"

namespace gopy::server::net {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    using PlainStream = boost::beast::tcp_stream;
    using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

    /// Takes the accepted socket (already bound to its own strand) and the connection's place
    /// among the unauthenticated ones. TLS when context.tls is set.
    HttpSession(boost::asio::ip::tcp::socket&& socket, const NetContext& context, UnauthenticatedSlot slot);

    /// Starts the TLS handshake (if any), then reads requests.
    void run();

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    void onHandshake(boost::beast::error_code ec);
    void doRead();
    void onRead(boost::beast::error_code ec, std::size_t bytes);
    void serveReport(const HttpRoute& route);
    void reply(std::shared_ptr<Response> response);
    void onWrite(bool keepAlive, boost::beast::error_code ec, std::size_t bytes);
    void doShutdown();
    std::shared_ptr<Response> makeResponse(boost::beast::http::status status, const std::string& contentType,
                                           std::string body) const;

    boost::beast::tcp_stream& lowest();

    std::string remote_;  ///< first: it is read from the socket before the stream takes it
    std::variant<PlainStream, TlsStream> stream_;
    boost::beast::flat_buffer buffer_;
    NetContext context_;
    UnauthenticatedSlot slot_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    unsigned version_ = 11;
    bool keepAlive_ = true;
};

}  // namespace gopy::server::net
