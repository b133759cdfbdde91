// The writer: the one thread that calls the Engine. Sessions post operations and requests;
// the writer drains everything queued, applies all queued operations in ONE
// Engine::applyBatch (one fsync per batch: group commit), and only then sends the acks and
// broadcasts the events, each frame encoded once.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

#include "gopy/protocol.h"
#include "server/sync/engine.h"

namespace gopy::server::net {

class SharedState;
class WebsocketSession;

class Writer {
public:
    using Task = std::function<void(Engine&)>;

    /// The engine and the state must outlive the writer.
    Writer(Engine& engine, SharedState& state);
    /// Stops the thread (see stop()).
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    /// Starts the writer thread and hooks Engine::setOnSessionEnded (reports are generated on
    /// this thread after the batch that ended the session has committed and been acked).
    void start();
    /// Finishes the work already queued, then joins the thread and unhooks the engine.
    void stop();

    /// Queues an operation of an authenticated device; its Ack/Nack goes to `session` (if it
    /// still exists) after the batch committed, its event to the conference's subscribers.
    void submit(std::weak_ptr<WebsocketSession> session, Device device, proto::OpRequest op);
    /// Queues any other work that needs the engine (admit, hello, subscribe, typing, reports).
    void post(Task task);
    /// Runs `task` on the writer thread and waits for it (tests, the CLI, shutdown).
    void call(const Task& task);

    /// Writer thread only: remembers the token of an authenticated session so that a revoked
    /// device is disconnected within about a second.
    void track(const std::shared_ptr<WebsocketSession>& session, std::string token);

    /// Largest number of operations put into one applyBatch.
    static constexpr std::size_t kMaxBatch = 4096;

private:
    struct OpItem {
        std::weak_ptr<WebsocketSession> session;
        Device device;
        proto::OpRequest op;
    };
    using Item = std::variant<OpItem, Task>;
    struct Tracked {
        std::weak_ptr<WebsocketSession> session;
        std::string token;
    };

    void loop();
    void applyBatch(std::vector<OpItem>& batch);
    void checkRevocations();
    /// Encodes once and sends to the conference's subscribers, split into frames that fit.
    void broadcastEvents(proto::Events group);

    Engine& engine_;
    SharedState& state_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Item> queue_;
    bool stopping_ = false;
    std::thread thread_;
    // Writer thread only.
    std::vector<std::int64_t> endedSessions_;
    std::unordered_map<const WebsocketSession*, Tracked> tracked_;
};

}  // namespace gopy::server::net
