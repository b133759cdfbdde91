// Who is connected and who follows which conference. Thread-safe: sessions join and leave on
// the io threads, the writer subscribes and broadcasts.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "server/sync/engine.h"

namespace gopy::server::net {

class WebsocketSession;
class SharedState;

/// A place among the connections that have not authenticated yet (TLS handshake, HTTP, a
/// WebSocket before admit/hello). Movable; gives its place back when destroyed or released.
class UnauthenticatedSlot {
public:
    UnauthenticatedSlot() = default;
    UnauthenticatedSlot(UnauthenticatedSlot&& other) noexcept;
    UnauthenticatedSlot& operator=(UnauthenticatedSlot&& other) noexcept;
    UnauthenticatedSlot(const UnauthenticatedSlot&) = delete;
    UnauthenticatedSlot& operator=(const UnauthenticatedSlot&) = delete;
    ~UnauthenticatedSlot();
    /// Gives the place back (the connection authenticated). Idempotent.
    void release();
    explicit operator bool() const { return state_ != nullptr; }

private:
    friend class SharedState;
    explicit UnauthenticatedSlot(SharedState* state) : state_(state) {}
    SharedState* state_ = nullptr;
};

class SharedState {
public:
    /// A place for a new connection, or an empty slot when `cap` connections are already
    /// unauthenticated (the caller closes the new one at once).
    UnauthenticatedSlot enterUnauthenticated(std::size_t cap);
    std::size_t unauthenticatedCount();

    /// Registers a live WebSocket session.
    void join(const std::shared_ptr<WebsocketSession>& session);
    /// Forgets the session everywhere (called from its destructor: pointer only).
    void leave(const WebsocketSession* session);
    /// Adds the session, authenticated as `device`, to the conference's subscribers
    /// (idempotent).
    void subscribe(std::int64_t conferenceId, const std::shared_ptr<WebsocketSession>& session,
                   Device device);
    /// The live subscribers of a conference with their devices (the writer re-subscribes them
    /// after a large change made by another process).
    std::vector<std::pair<std::shared_ptr<WebsocketSession>, Device>> subscribers(
        std::int64_t conferenceId);

    /// Sends the already-encoded frame to every subscriber of the conference except `except`
    /// (and, when `only` is given, only to those whose device it accepts). The subscriber list
    /// is copied under the lock and the sends happen outside it.
    void broadcast(std::int64_t conferenceId, const std::shared_ptr<const std::string>& frame,
                   const WebsocketSession* except = nullptr, bool (*only)(const Device&) = nullptr);

    /// Every live session (for shutdown and revocation checks).
    std::vector<std::shared_ptr<WebsocketSession>> sessions();
    std::size_t sessionCount();
    std::size_t subscriberCount(std::int64_t conferenceId);

private:
    friend class UnauthenticatedSlot;
    void leaveUnauthenticated();

    using Members = std::unordered_map<const WebsocketSession*, std::weak_ptr<WebsocketSession>>;
    struct Subscriber {
        std::weak_ptr<WebsocketSession> session;
        Device device;
    };
    using Subscribers = std::unordered_map<const WebsocketSession*, Subscriber>;
    std::mutex mutex_;
    Members sessions_;
    std::unordered_map<std::int64_t, Subscribers> subscribers_;
    std::size_t unauthenticated_ = 0;
};

}  // namespace gopy::server::net
