// The writer: the one thread that calls the Engine. Sessions post operations and requests;
// the writer drains everything queued, applies all queued operations in ONE
// Engine::applyBatch (one fsync per batch: group commit), and only then sends the acks and
// broadcasts the events, each frame encoded once. It also watches the log for events another
// process wrote into the same database (an import run while the server serves) and delivers
// them in seq order with its own.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "gopy/protocol.h"
#include "server/net/report_worker.h"
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

    /// Starts the writer thread and the report thread. A committed session.end (its
    /// ApplyResult::endedSession) makes a synthesis: the model is read here after that batch's
    /// acks went out, rendered on the report thread, stored back here, and the conference's
    /// devices get a fresh snapshot listing it. At start, every concluded conference without
    /// a synthesis (the server stopped before storing it) gets one the same way.
    void start();
    /// Finishes the reports being rendered and the work already queued, then joins.
    void stop();

    /// Queues an operation of an authenticated device; its Ack/Nack goes to `session` (if it
    /// still exists) after the batch committed, its event to the conference's subscribers.
    void submit(std::weak_ptr<WebsocketSession> session, Device device, proto::OpRequest op);
    /// Queues any other work that needs the engine (admit, hello, subscribe, typing, reports).
    void post(Task task);
    /// Runs `task` on the writer thread and waits for it (tests, the CLI, shutdown).
    void call(const Task& task);

    /// Writer thread only: remembers the token of an authenticated session so that a revoked
    /// device is disconnected within about a second. An older live session with the same token
    /// is closed with `replaced` (one live connection per device) and audited.
    void track(const std::shared_ptr<WebsocketSession>& session, std::string token, const std::string& deviceId);

    /// Writer thread: answers a subscribe and registers the session as the conference's
    /// subscriber (before any later batch is broadcast, so it neither misses nor duplicates an
    /// event). A snapshot (since 0) is read and encoded once and shared by every device asking
    /// for it until the conference changes (any event for it, a stored report, another
    /// process's events) or kSnapshotReuse passes: ten devices opening a large conference at
    /// once cost one read, not ten. Delegates get their own (released reports only).
    void answerSubscribe(const std::shared_ptr<WebsocketSession>& session, const Device& device,
                         const proto::Subscribe& request);

    /// Since when (ms since the epoch) the database refuses writes (a full disk, an I/O error,
    /// held busy): set by a batch refused storage_full, cleared by the next batch applied.
    /// 0 while writes succeed. Any thread (/healthz).
    Millis storageFaultSince() const { return storageFaultSince_.load(); }

    /// Largest number of operations put into one applyBatch.
    static constexpr std::size_t kMaxBatch = 4096;
    /// More events than this written by another process at once (a large import) are not
    /// pushed one by one: the subscribers of the conferences they touch are re-subscribed
    /// (catch-up or snapshot, as if they had reconnected).
    static constexpr std::size_t kMaxLiveExternal = 2000;
    /// How long an encoded snapshot may be reused when nothing was seen to change it (what
    /// changes without an event, e.g. `conference set` by another process, shows after this).
    static constexpr std::chrono::milliseconds kSnapshotReuse{2000};
    /// Encoded snapshots kept at most, in bytes (all dropped when over).
    static constexpr std::size_t kSnapshotCacheBytes = 64 * 1024 * 1024;

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

    struct CachedSnapshot {
        std::vector<std::shared_ptr<const std::string>> frames;
        std::size_t bytes = 0;
        std::chrono::steady_clock::time_point at;
    };
    /// (conference, for delegates) → its encoded snapshot.
    using SnapshotKey = std::pair<std::int64_t, bool>;

    /// One event for the subscribers of one conference.
    struct Delivery {
        std::int64_t seq = 0;
        std::int64_t conferenceId = 0;
        proto::Event event;
    };

    void loop();
    void applyBatch(std::vector<OpItem>& batch);
    /// Sends `own` (events of this writer, already committed) together with every event
    /// another process logged since knownHead_, in seq order per conference.
    void deliver(std::vector<Delivery> own);
    /// Answers every subscriber of the conference as if it had sent subscribe since `since`
    /// (writer thread): catch-up events, or a snapshot when since is 0 or too far behind.
    void resubscribe(std::int64_t conferenceId, std::int64_t since);
    void checkRevocations();
    /// Writer thread: reads the conference's synthesis model and hands the rendering to the
    /// report thread, which posts the storing back here.
    void startReport(std::int64_t conferenceId);
    /// Encodes once and sends to the conference's subscribers, split into frames that fit.
    void broadcastEvents(proto::Events group);
    /// The conference's snapshots are no longer current.
    void forgetSnapshots(std::int64_t conferenceId);

    /// Records the outcome of a batch for storageFaultSince() and says so in the log (and on
    /// the terminal) when it changes.
    void noteStorage(const std::vector<ApplyResult>& results);

    Engine& engine_;
    SharedState& state_;
    std::atomic<Millis> storageFaultSince_{0};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Item> queue_;
    bool stopping_ = false;
    std::thread thread_;
    ReportWorker reports_;
    // Writer thread only.
    std::vector<std::int64_t> endedSessions_;
    std::unordered_map<const WebsocketSession*, Tracked> tracked_;
    std::map<SnapshotKey, CachedSnapshot> snapshots_;
    std::size_t snapshotBytes_ = 0;
    /// Every logged event up to this seq has been delivered (or was there at start).
    std::int64_t knownHead_ = 0;
    /// Own events delivered past knownHead_ while the log could not be read.
    std::vector<std::int64_t> sentAhead_;
};

}  // namespace gopy::server::net
