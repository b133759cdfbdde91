// What every session of one server shares: the writer, the subscriptions and the limits.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace gopy::server::net {

class SharedState;
class Writer;

struct NetContext {
    Writer& writer;
    SharedState& state;
    std::string version;                                 ///< project version for /healthz
    std::size_t httpBodyLimit = 64 * 1024;                ///< request bodies (GET has none)
    std::uint32_t httpHeaderLimit = 8 * 1024;
    std::chrono::seconds httpTimeout{30};                 ///< per request read/write
    std::chrono::seconds handshakeTimeout{10};            ///< WebSocket upgrade and close
    std::chrono::seconds idleTimeout{30};                 ///< keep-alive pings at half of it
    std::size_t maxQueuedMessages = 1024;                 ///< per session, then it is dropped
    std::size_t maxQueuedBytes = 4 * 1024 * 1024;
};

}  // namespace gopy::server::net
