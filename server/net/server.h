// The whole network side of gopy-server in one object: the io threads, the listener and the
// writer over one Engine. Used by the gopy-server executable, the tests and the benchmark.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>

#include "server/net/net_context.h"
#include "server/net/shared_state.h"
#include "server/net/writer.h"
#include "server/sync/engine.h"

namespace gopy::server::net {

class Listener;

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;  ///< 0: an ephemeral port (see Server::port())
    int ioThreads = 2;
    /// TLS for HTTP and WebSocket on the port (see tls_identity.h); null serves plain HTTP and
    /// ws:// (`gopy-server serve --insecure`, and the in-process tests).
    std::shared_ptr<boost::asio::ssl::context> tls;
    /// Connection limits (net_context.h); tests lower them.
    std::size_t maxUnauthenticated = 256;
    std::chrono::seconds authTimeout{10};
};

class Server {
public:
    /// The engine must outlive the server; from start() to stop() only the writer calls it.
    Server(Engine& engine, ServerOptions options);
    /// Stops (see stop()).
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and starts serving. Returns false with a human-readable `error` (address in use,
    /// bad address) and serves nothing.
    bool start(std::string& error);
    /// Closes the port and every connection, finishes queued engine work and joins all threads.
    /// Idempotent.
    void stop();

    std::string address() const;
    std::uint16_t port() const;

    /// Runs `task` on the writer thread and waits: the only safe way to use the engine while
    /// the server runs (tests, admin actions). Exceptions propagate.
    void withEngine(const std::function<void(Engine&)>& task);

    std::size_t connectionCount();

private:
    Engine& engine_;
    ServerOptions options_;
    // Declaration order is destruction order reversed: state outlives the io context, whose
    // pending handlers own the sessions that leave the state when destroyed.
    SharedState state_;
    boost::asio::io_context io_;
    Writer writer_;
    NetContext context_;
    std::shared_ptr<Listener> listener_;
    std::vector<std::thread> threads_;
    bool running_ = false;
};

}  // namespace gopy::server::net
