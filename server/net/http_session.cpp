#include "server/net/http_session.h"

#include <charconv>
#include <string_view>
#include <utility>

#include <boost/beast/websocket.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "gopy/protocol.h"
#include "server/log/event_log.h"
#include "server/net/websocket_session.h"
#include "server/net/writer.h"

namespace gopy::server::net {

using log::logEvent;
using log::logThrottled;

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

namespace {

std::string remoteOf(const asio::ip::tcp::socket& socket) {
    boost::system::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    if (ec) return "?";
    return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

std::string jsonError(std::string_view message) {
    return boost::json::serialize(boost::json::object{{"error", message}});
}

// "Bearer abc" → "abc"; empty when absent or another scheme.
// Stored reports carry no format column in ReportInfo: tell PDF and DOCX (a ZIP) by magic.
std::pair<std::string, std::string> mediaTypeOf(const std::string& bytes) {
    if (bytes.rfind("%PDF-", 0) == 0) return {"application/pdf", "pdf"};
    if (bytes.rfind("PK\x03\x04", 0) == 0)
        return {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"};
    return {"application/octet-stream", "bin"};
}

}  // namespace

namespace {

std::variant<HttpSession::PlainStream, HttpSession::TlsStream> makeStream(asio::ip::tcp::socket&& socket,
                                                                          const NetContext& context) {
    if (context.tls == nullptr) return HttpSession::PlainStream(std::move(socket));
    return std::variant<HttpSession::PlainStream, HttpSession::TlsStream>(
        std::in_place_type<HttpSession::TlsStream>, std::move(socket), *context.tls);
}

}  // namespace

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, const NetContext& context, UnauthenticatedSlot slot)
    : remote_(remoteOf(socket)), stream_(makeStream(std::move(socket), context)), context_(context),
      slot_(std::move(slot)) {}

beast::tcp_stream& HttpSession::lowest() {
    return std::visit([](auto& stream) -> beast::tcp_stream& { return beast::get_lowest_layer(stream); }, stream_);
}

void HttpSession::run() {
    asio::dispatch(lowest().get_executor(), [self = shared_from_this()] {
        auto* tls = std::get_if<TlsStream>(&self->stream_);
        if (tls == nullptr) return self->doRead();
        // The handshake has the same deadline as a request: a peer that opens the port and
        // says nothing holds a descriptor and a place for 10 s at most.
        self->lowest().expires_after(self->context_.httpReadTimeout);
        tls->async_handshake(asio::ssl::stream_base::server,
                             beast::bind_front_handler(&HttpSession::onHandshake, self));
    });
}

void HttpSession::onHandshake(beast::error_code ec) {
    if (ec) {
        // A plain-HTTP peer, a scanner or a client that refused our certificate: one summary
        // line a minute, not one per attempt.
        logThrottled("tls.handshake", "TLS handshake failed (" + ec.message() + ") from " + remote_);
        return;
    }
    doRead();
}

void HttpSession::doRead() {
    parser_.emplace();
    parser_->body_limit(context_.httpBodyLimit);
    parser_->header_limit(context_.httpHeaderLimit);
    lowest().expires_after(context_.httpReadTimeout);
    std::visit(
        [this](auto& stream) {
            http::async_read(stream, buffer_, *parser_,
                             beast::bind_front_handler(&HttpSession::onRead, shared_from_this()));
        },
        stream_);
}

void HttpSession::onRead(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream) return doShutdown();
    if (ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::ssl::error::stream_truncated)
        return;
    if (ec) {
        logThrottled("http.bad_request", "http read error (" + ec.message() + ") from " + remote_);
        // Header or body over its limit: say so, then close.
        keepAlive_ = false;
        return reply(makeResponse(http::status::bad_request, "application/json", jsonError(ec.message())));
    }
    auto& request = parser_->get();
    version_ = request.version();
    keepAlive_ = request.keep_alive();
    const HttpRoute route = routeRequest(request);
    if (route.kind == HttpRoute::Kind::Upgrade) {
        // The WebSocket session sets its own timeouts; the HTTP one no longer applies.
        lowest().expires_never();
        std::visit(
            [this](auto& stream) {
                WebsocketSession::start(std::move(stream), context_, remote_, std::move(slot_), parser_->release());
            },
            stream_);
        return;
    }
    if (route.kind == HttpRoute::Kind::NotFound && beast::websocket::is_upgrade(request)) keepAlive_ = false;
    if (route.kind == HttpRoute::Kind::Health) {
        // The truth about writes, not only that the process answers: while the database refuses
        // them (full disk, I/O error) the answer is 503 and says since when.
        const Millis fault = context_.writer.storageFaultSince();
        boost::json::object body{{"status", fault == 0 ? "ok" : "storage_fault"},
                                 {"version", context_.version},
                                 {"protocol", proto::kProtocolVersion}};
        if (fault != 0) {
            body["since"] = fault;
            body["message"] = "Ổ đĩa đầy hoặc lỗi ghi: máy chủ không lưu được thay đổi";
        }
        // The event log's file failing (the same full disk, often first) does not stop writes
        // to the database, so it is said without changing the status.
        if (log::EventLog::instance().fileFaulty()) body["log"] = "faulty";
        return reply(makeResponse(fault == 0 ? http::status::ok : http::status::service_unavailable,
                                  "application/json", boost::json::serialize(body)));
    }
    if (route.kind == HttpRoute::Kind::Report) return serveReport(route);
    reply(makeResponse(http::status::not_found, "application/json", jsonError("not found")));
}

void HttpSession::serveReport(const HttpRoute& route) {
    const std::int64_t reportId = route.reportId;
    std::string token = route.token;
    if (token.empty()) {
        logEvent("report " + std::to_string(reportId) + " refused (no token) to " + remote_);
        auto response = makeResponse(http::status::unauthorized, "application/json", jsonError("unauthenticated"));
        response->set(http::field::www_authenticate, "Bearer");
        return reply(response);
    }
    // The engine is the writer's alone: look the report up there and answer on our strand.
    context_.writer.post([self = shared_from_this(), token = std::move(token), reportId](Engine& engine) {
        std::shared_ptr<Response> response;
        const auto device = engine.authenticate(token);
        const auto info = device ? engine.reportInfo(reportId) : std::nullopt;
        if (!device) {
            logEvent("report " + std::to_string(reportId) + " refused (bad token) to " + self->remote_);
            response = self->makeResponse(http::status::unauthorized, "application/json", jsonError("unauthenticated"));
            response->set(http::field::www_authenticate, "Bearer");
        } else if (!info) {
            response = self->makeResponse(http::status::not_found, "application/json", jsonError("not found"));
        } else if (!engine.mayRead(*device, *info)) {
            logEvent("report " + std::to_string(reportId) + " forbidden to " + device->name + " (" + device->id + ")");
            response = self->makeResponse(http::status::forbidden, "application/json", jsonError("forbidden"));
        } else if (auto content = engine.reportContent(reportId)) {
            const auto [mediaType, extension] = mediaTypeOf(*content);
            response = self->makeResponse(http::status::ok, mediaType, std::move(*content));
            response->set(http::field::content_disposition,
                          "attachment; filename=\"gopy-report-" + std::to_string(reportId) + "." + extension + "\"");
            logEvent("report " + std::to_string(reportId) + " sent to " + device->name + " (" + device->id + ")");
        } else {
            response = self->makeResponse(http::status::not_found, "application/json", jsonError("not found"));
        }
        asio::post(self->lowest().get_executor(), [self, response] { self->reply(response); });
    });
}

std::shared_ptr<HttpSession::Response> HttpSession::makeResponse(http::status status, const std::string& contentType,
                                                                 std::string body) const {
    auto response = std::make_shared<Response>(status, version_);
    response->set(http::field::server, "gopy-server/" + context_.version);
    response->set(http::field::content_type, contentType);
    response->keep_alive(keepAlive_);
    response->body() = std::move(body);
    response->prepare_payload();
    return response;
}

void HttpSession::reply(std::shared_ptr<Response> response) {
    lowest().expires_after(context_.httpWriteTimeout);
    const bool keepAlive = response->keep_alive();
    std::visit(
        [&](auto& stream) {
            http::async_write(stream, *response,
                              [self = shared_from_this(), response, keepAlive](beast::error_code ec, std::size_t bytes) {
                                  self->onWrite(keepAlive, ec, bytes);
                              });
        },
        stream_);
}

void HttpSession::onWrite(bool keepAlive, beast::error_code ec, std::size_t) {
    if (ec) return;
    if (!keepAlive) return doShutdown();
    doRead();
}

void HttpSession::doShutdown() {
    if (auto* tls = std::get_if<TlsStream>(&stream_)) {
        lowest().expires_after(context_.httpReadTimeout);
        tls->async_shutdown([self = shared_from_this()](beast::error_code) {});
        return;
    }
    beast::error_code ec;
    lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
}

}  // namespace gopy::server::net
