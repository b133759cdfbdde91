#include "server/net/server.h"

#include "server/log/event_log.h"
#include "server/net/listener.h"
#include "server/net/websocket_session.h"

#ifndef GOPY_VERSION
#define GOPY_VERSION "0"
#endif

namespace gopy::server::net {

using log::logEvent;
using log::logThrottled;

namespace asio = boost::asio;

Server::Server(Engine& engine, ServerOptions options)
    : engine_(engine), options_(std::move(options)), io_(options_.ioThreads), writer_(engine, state_),
      context_{writer_, state_, GOPY_VERSION} {
    context_.tls = options_.tls.get();
    context_.maxUnauthenticated = options_.maxUnauthenticated;
    context_.authTimeout = options_.authTimeout;
}

Server::~Server() { stop(); }

bool Server::start(std::string& error) {
    if (running_) return true;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(options_.address, ec);
    if (ec) {
        error = "địa chỉ không hợp lệ: " + options_.address;
        return false;
    }
    listener_ = std::make_shared<Listener>(io_, asio::ip::tcp::endpoint(address, options_.port), context_, ec);
    if (ec) {
        error = ec == asio::error::address_in_use
                    ? "cổng " + std::to_string(options_.port) + " đã có chương trình khác dùng (address in use)"
                    : "không mở được cổng " + options_.address + ":" + std::to_string(options_.port) + ": " +
                          ec.message();
        listener_.reset();
        return false;
    }
    writer_.start();
    listener_->run();
    const int threads = options_.ioThreads > 0 ? options_.ioThreads : 1;
    for (int i = 0; i < threads; ++i) {
        threads_.emplace_back([this] {
            // A handler that throws (std::bad_alloc under a memory limit, a bug) must not take
            // the whole hall down: log it and keep running the loop.
            for (;;) {
                try {
                    io_.run();
                    return;
                } catch (const std::exception& e) {
                    logThrottled("io.exception", std::string("error: exception in the network loop: ") + e.what());
                } catch (...) {
                    logThrottled("io.exception", "error: unknown exception in the network loop");
                }
            }
        });
    }
    running_ = true;
    logEvent(std::string("listening on ") + this->address() + ":" + std::to_string(port()) +
             (options_.tls ? " (TLS)" : " (insecure: plain HTTP/ws)"));
    return true;
}

void Server::stop() {
    if (!running_) return;
    running_ = false;
    listener_->stop();
    for (auto& session : state_.sessions()) session->abort();
    io_.stop();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
    writer_.stop();
    logEvent("server stopped");
}

std::string Server::address() const {
    return listener_ ? listener_->endpoint().address().to_string() : options_.address;
}

std::uint16_t Server::port() const { return listener_ ? listener_->endpoint().port() : options_.port; }

void Server::withEngine(const std::function<void(Engine&)>& task) { writer_.call(task); }

std::size_t Server::connectionCount() { return state_.sessionCount(); }

}  // namespace gopy::server::net
