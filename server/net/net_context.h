// What every session of one server shares: the writer, the subscriptions, TLS and the limits.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "server/net/http_route.h"

namespace gopy::server::net {

class SharedState;
class Writer;

struct NetContext {
    Writer& writer;
    SharedState& state;
    std::string version;                                  ///< project version for /healthz
    boost::asio::ssl::context* tls = nullptr;             ///< null: plain HTTP/ws (--insecure)
    std::size_t httpBodyLimit = kHttpBodyLimit;              ///< request bodies (GET has none)
    std::uint32_t httpHeaderLimit = kHttpHeaderLimit;
    std::chrono::seconds httpReadTimeout{10};             ///< TLS handshake, each request, keep-alive
    std::chrono::seconds httpWriteTimeout{60};            ///< a report PDF over a slow Wi-Fi
    std::chrono::seconds handshakeTimeout{10};            ///< WebSocket upgrade and close
    std::chrono::seconds authTimeout{10};                 ///< admit/hello must come within it
    std::chrono::seconds idleTimeout{30};                 ///< keep-alive pings at half of it
    std::size_t maxUnauthenticated = 256;                 ///< connections not yet authenticated
    std::size_t unauthenticatedFrameBytes = 64 * 1024;    ///< read limit until authenticated
    std::size_t maxQueuedMessages = 1024;                 ///< per session, then it is dropped
    /// A snapshot of a conference of 100,000 comments is about 25 MB in 1 MiB frames.
    std::size_t maxQueuedBytes = 32 * 1024 * 1024;
    double typingPerSecond = 4;                           ///< live drafts relayed per device
    double typingBurst = 8;
    double subscribesPerSecond = 1;                       ///< subscribe requests per connection
    double subscribeBurst = 10;
};

}  // namespace gopy::server::net
