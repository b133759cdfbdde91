// One HTTP connection: serves GET /healthz and GET /reports/{id}, hands a WebSocket upgrade
// at /ws to a WebsocketSession, answers 404 to anything else. Keep-alive, one request at a
// time, body/header limits and a timeout per request.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/net/net_context.h"

namespace gopy::server::net {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    /// Takes the accepted socket (already bound to its own strand).
    HttpSession(boost::asio::ip::tcp::socket&& socket, const NetContext& context);

    /// Starts reading requests.
    void run();

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    void doRead();
    void onRead(boost::beast::error_code ec, std::size_t bytes);
    void serveReport(const Request& request, const std::string& id);
    void reply(std::shared_ptr<Response> response);
    void onWrite(bool keepAlive, boost::beast::error_code ec, std::size_t bytes);
    void doShutdown();
    std::shared_ptr<Response> makeResponse(boost::beast::http::status status, const std::string& contentType,
                                           std::string body) const;

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    NetContext context_;
    std::string remote_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    unsigned version_ = 11;
    bool keepAlive_ = true;
};

}  // namespace gopy::server::net
