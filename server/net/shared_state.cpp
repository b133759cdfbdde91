#include "server/net/shared_state.h"

#include "server/net/websocket_session.h"

namespace gopy::server::net {

UnauthenticatedSlot::UnauthenticatedSlot(UnauthenticatedSlot&& other) noexcept : state_(other.state_) {
    other.state_ = nullptr;
}

UnauthenticatedSlot& UnauthenticatedSlot::operator=(UnauthenticatedSlot&& other) noexcept {
    if (this != &other) {
        release();
        state_ = other.state_;
        other.state_ = nullptr;
    }
    return *this;
}

UnauthenticatedSlot::~UnauthenticatedSlot() { release(); }

void UnauthenticatedSlot::release() {
    if (state_ == nullptr) return;
    state_->leaveUnauthenticated();
    state_ = nullptr;
}

UnauthenticatedSlot SharedState::enterUnauthenticated(std::size_t cap) {
    std::lock_guard lock(mutex_);
    if (unauthenticated_ >= cap) return {};
    ++unauthenticated_;
    return UnauthenticatedSlot(this);
}

std::size_t SharedState::unauthenticatedCount() {
    std::lock_guard lock(mutex_);
    return unauthenticated_;
}

void SharedState::leaveUnauthenticated() {
    std::lock_guard lock(mutex_);
    --unauthenticated_;
}

void SharedState::join(const std::shared_ptr<WebsocketSession>& session) {
    std::lock_guard lock(mutex_);
    sessions_[session.get()] = session;
}

void SharedState::leave(const WebsocketSession* session) {
    std::lock_guard lock(mutex_);
    sessions_.erase(session);
    for (auto it = subscribers_.begin(); it != subscribers_.end();) {
        it->second.erase(session);
        it = it->second.empty() ? subscribers_.erase(it) : std::next(it);
    }
}

void SharedState::subscribe(std::int64_t conferenceId,
                            const std::shared_ptr<WebsocketSession>& session, Device device) {
    std::lock_guard lock(mutex_);
    subscribers_[conferenceId][session.get()] = Subscriber{session, std::move(device)};
}

std::vector<std::pair<std::shared_ptr<WebsocketSession>, Device>> SharedState::subscribers(
    std::int64_t conferenceId) {
    std::vector<std::pair<std::shared_ptr<WebsocketSession>, Device>> out;
    std::lock_guard lock(mutex_);
    const auto it = subscribers_.find(conferenceId);
    if (it == subscribers_.end()) return out;
    for (const auto& [raw, member] : it->second) {
        if (auto session = member.session.lock()) out.emplace_back(std::move(session), member.device);
    }
    return out;
}

void SharedState::broadcast(std::int64_t conferenceId,
                            const std::shared_ptr<const std::string>& frame,
                            const WebsocketSession* except, bool (*only)(const Device&)) {
    std::vector<std::weak_ptr<WebsocketSession>> targets;
    {
        std::lock_guard lock(mutex_);
        const auto it = subscribers_.find(conferenceId);
        if (it == subscribers_.end()) return;
        targets.reserve(it->second.size());
        for (const auto& [raw, member] : it->second) {
            if (raw != except && (only == nullptr || only(member.device))) targets.push_back(member.session);
        }
    }
    // Sending only posts to each session's strand; a slow reader cannot block this loop.
    for (const auto& weak : targets) {
        if (auto session = weak.lock()) session->send(frame);
    }
}

std::vector<std::shared_ptr<WebsocketSession>> SharedState::sessions() {
    std::vector<std::shared_ptr<WebsocketSession>> out;
    std::lock_guard lock(mutex_);
    out.reserve(sessions_.size());
    for (const auto& [raw, weak] : sessions_) {
        if (auto session = weak.lock()) out.push_back(std::move(session));
    }
    return out;
}

std::size_t SharedState::sessionCount() {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

std::size_t SharedState::subscriberCount(std::int64_t conferenceId) {
    std::lock_guard lock(mutex_);
    const auto it = subscribers_.find(conferenceId);
    return it == subscribers_.end() ? 0 : it->second.size();
}

}  // namespace gopy::server::net
