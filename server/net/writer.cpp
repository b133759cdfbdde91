#include "server/net/writer.h"

#include <chrono>
#include <exception>
#include <future>
#include <iostream>
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "gopy/clock.h"
#include "server/log/event_log.h"
#include "server/net/shared_state.h"
#include "server/net/websocket_session.h"
#include "server/report/report_service.h"

namespace gopy::server::net {

using log::logEvent;
using log::logThrottled;

Writer::Writer(Engine& engine, SharedState& state) : engine_(engine), state_(state) {}

Writer::~Writer() { stop(); }

void Writer::start() {
    if (thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    try {
        knownHead_ = engine_.logHead();
    } catch (const std::exception& e) {
        // Unread: everything in the log counts as new and reaches no one (nobody subscribed).
        logEvent(std::string("error: cannot read the log head: ") + e.what());
    }
    reports_.start();
    thread_ = std::thread([this] { loop(); });
    post([this](Engine& engine) {
        for (const auto conferenceId : engine.endedWithoutReport()) {
            logEvent("report: conference " + std::to_string(conferenceId) +
                     " ended without a synthesis; producing it now");
            startReport(conferenceId);
        }
    });
}

void Writer::stop() {
    // Renders still running post their storing to the writer: finish them first.
    reports_.stop();
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    queue_.clear();
}

void Writer::submit(std::weak_ptr<WebsocketSession> session, Device device, proto::OpRequest op) {
    {
        std::lock_guard lock(mutex_);
        queue_.emplace_back(OpItem{std::move(session), std::move(device), std::move(op)});
    }
    wake_.notify_one();
}

void Writer::post(Task task) {
    {
        std::lock_guard lock(mutex_);
        queue_.emplace_back(std::move(task));
    }
    wake_.notify_one();
}

void Writer::call(const Task& task) {
    if (thread_.joinable() && std::this_thread::get_id() == thread_.get_id()) {
        task(engine_);
        return;
    }
    if (!thread_.joinable()) {
        // Not running: nobody else touches the engine, so run it here.
        task(engine_);
        return;
    }
    auto done = std::make_shared<std::promise<void>>();
    auto future = done->get_future();
    post([&task, done](Engine& engine) {
        try {
            task(engine);
            done->set_value();
        } catch (...) {
            done->set_exception(std::current_exception());
        }
    });
    future.get();
}

void Writer::track(const std::shared_ptr<WebsocketSession>& session, std::string token, const std::string& deviceId) {
    // One live connection per device token: the newest wins (a tablet that lost its Wi-Fi
    // reconnects before the server notices the old connection is dead), the older one is told
    // why and closed, and the organiser finds it in the audit trail.
    for (auto it = tracked_.begin(); it != tracked_.end();) {
        auto other = it->second.session.lock();
        if (!other) {
            it = tracked_.erase(it);
            continue;
        }
        if (other != session && it->second.token == token) {
            logEvent("device logged in again from " + session->remoteAddress() + ", older connection closed: " +
                     other->describe());
            engine_.audit("replaced", deviceId, session->remoteAddress(),
                          "kết nối cũ từ " + other->remoteAddress() + " bị đóng", nowMillis());
            other->closeWithError(proto::Error{
                proto::ErrorCode::Replaced,
                "Thiết bị này vừa kết nối từ một nơi khác (" + session->remoteAddress() +
                    "); kết nối này đã đóng. Nếu không phải bạn, hãy báo ban tổ chức thu hồi thiết bị."});
            it = tracked_.erase(it);
            continue;
        }
        ++it;
    }
    tracked_[session.get()] = Tracked{session, std::move(token)};
}

void Writer::loop() {
    using namespace std::chrono_literals;
    auto lastCheck = std::chrono::steady_clock::now();
    auto lastPoll = lastCheck;
    std::deque<Item> work;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, 500ms, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty() && stopping_) return;
            work.swap(queue_);
        }
        // Consecutive operations go into one batch; other tasks keep their place in the order
        // so a subscribe queued after an op sees that op's effect.
        std::vector<OpItem> batch;
        for (auto& item : work) {
            if (auto* op = std::get_if<OpItem>(&item)) {
                batch.push_back(std::move(*op));
                if (batch.size() >= kMaxBatch) applyBatch(batch);
                continue;
            }
            if (!batch.empty()) applyBatch(batch);
            try {
                std::get<Task>(item)(engine_);
            } catch (const std::exception& e) {
                logEvent(std::string("error: writer task failed: ") + e.what());
            }
        }
        if (!batch.empty()) applyBatch(batch);
        work.clear();
        const auto now = std::chrono::steady_clock::now();
        if (now - lastPoll >= 250ms) {
            // Another process (an import) may have logged events: deliver them.
            lastPoll = now;
            deliver({});
        }
        if (now - lastCheck >= 1s) {
            lastCheck = now;
            checkRevocations();
        }
    }
}

void Writer::applyBatch(std::vector<OpItem>& batch) {
    std::vector<std::pair<Device, proto::OpRequest>> ops;
    ops.reserve(batch.size());
    for (auto& item : batch) ops.emplace_back(item.device, std::move(item.op));
    std::vector<ApplyResult> results;
    try {
        results = engine_.applyBatch(ops, nowMillis());
    } catch (const std::exception& e) {
        // Nothing was acknowledged; every sender learns that nothing was applied.
        logEvent(std::string("error: applyBatch failed: ") + e.what());
        results.clear();
    }
    if (results.size() != ops.size()) {
        results.assign(ops.size(), ApplyResult{});
        for (std::size_t i = 0; i < ops.size(); ++i) {
            results[i].nack = proto::Nack{ops[i].second.clientSeq, proto::ErrorCode::Internal,
                                          "Lỗi máy chủ; chưa lưu, hãy thử lại", 0};
        }
    }

    noteStorage(results);
    std::vector<Delivery> own;
    for (std::size_t i = 0; i < results.size(); ++i) {
        auto& result = results[i];
        auto session = batch[i].session.lock();
        if (result.ack && session) session->sendMessage(*result.ack);
        if (result.nack) {
            logEvent("refused op " + std::string(proto::kindName(ops[i].second.op)) + " from " +
                     ops[i].first.name + " (" + ops[i].first.id + ") seq " +
                     std::to_string(result.nack->clientSeq) + ": " +
                     std::string(proto::toString(result.nack->code)) + " " +
                     result.nack->message);
            if (session) session->sendMessage(*result.nack);
        }
        if (result.endedSession != 0) endedSessions_.push_back(result.endedSession);
        if (!result.event) continue;
        const std::int64_t seq = result.event->seq;
        if (result.routedTo.empty() && result.event->comments.empty()) {
            // The usual case: one conference, nothing to filter, no copy.
            const std::int64_t conferenceId = result.event->conferenceId;
            own.push_back({seq, conferenceId, std::move(*result.event)});
            continue;
        }
        // The op's conference, then every other conference whose comments it changed; each
        // gets the event as its own.
        own.push_back({seq, result.event->conferenceId, eventFor(*result.event, result.event->conferenceId)});
        for (const auto conferenceId : result.routedTo) {
            own.push_back({seq, conferenceId, eventFor(*result.event, conferenceId)});
        }
    }
    deliver(std::move(own));
    batch.clear();

    auto ended = std::move(endedSessions_);
    endedSessions_.clear();
    for (const auto conferenceId : ended) startReport(conferenceId);
}

void Writer::startReport(std::int64_t conferenceId) {
    report::PreparedReport prepared;
    try {
        prepared = report::prepareConferenceReport(engine_, conferenceId, nowMillis());
    } catch (const std::exception& e) {
        logEvent("error: report for conference " + std::to_string(conferenceId) +
                 " failed: " + e.what());
        return;
    }
    reports_.post([this, prepared = std::move(prepared)] {
        auto bytes = std::make_shared<std::string>();
        try {
            *bytes = prepared.render();
        } catch (const std::exception& e) {
            logEvent("error: report for conference " + std::to_string(prepared.conferenceId) +
                     " failed: " + e.what());
            return;
        }
        post([this, prepared, bytes](Engine& engine) {
            try {
                const ReportInfo info = report::storePrepared(engine, prepared, *bytes);
                logEvent("report generated for conference " + std::to_string(prepared.conferenceId) +
                         ": version " + std::to_string(info.version) + ", id " + std::to_string(info.id));
            } catch (const std::exception& e) {
                // Not stored (a full disk): the next start produces it again.
                logEvent("error: report for conference " + std::to_string(prepared.conferenceId) +
                         " not stored: " + e.what());
                return;
            }
            // The new report is no event of the log: the conference's devices get a fresh
            // snapshot, which lists it (delegates: once released), ready to be released.
            resubscribe(prepared.conferenceId, 0);
        });
    });
}

void Writer::deliver(std::vector<Delivery> own) {
    std::int64_t seen = knownHead_;
    std::set<std::int64_t> ownSeqs(sentAhead_.begin(), sentAhead_.end());
    for (const auto& d : own) {
        ownSeqs.insert(d.seq);
        seen = std::max(seen, d.seq);
    }
    std::set<std::int64_t> resync;
    bool logRead = true;
    try {
        const std::int64_t head = engine_.logHead();
        if (head > knownHead_) {
            // Rows past knownHead_ that are not this writer's were logged by another process.
            auto rows = engine_.logAfter(knownHead_, kMaxLiveExternal + ownSeqs.size() + 1);
            std::erase_if(rows, [&](const store::RoutedEvent& r) { return ownSeqs.contains(r.seq); });
            if (rows.size() > kMaxLiveExternal) {
                // Read after the head: a row committed in between is in a listed conference.
                const auto conferences = engine_.conferencesChangedAfter(knownHead_);
                resync.insert(conferences.begin(), conferences.end());
                seen = std::max(seen, head);
            } else {
                for (const auto& row : rows) {
                    seen = std::max(seen, row.seq);
                    auto event = proto::decodeEvent(row.event);
                    if (!event) {
                        // Unreadable: the subscribers of its conferences start over.
                        resync.insert(row.conferenceId);
                        resync.insert(row.routedTo.begin(), row.routedTo.end());
                        continue;
                    }
                    event->seq = row.seq;
                    own.push_back({row.seq, row.conferenceId, eventFor(*event, row.conferenceId)});
                    for (const auto conferenceId : row.routedTo) {
                        own.push_back({row.seq, conferenceId, eventFor(*event, conferenceId)});
                    }
                }
            }
        }
    } catch (const std::exception& e) {
        // A busy or failing database: deliver this writer's events now, the others next time.
        logEvent(std::string("error: reading the log for other writers failed: ") + e.what());
        logRead = false;
    }
    std::stable_sort(own.begin(), own.end(),
                     [](const Delivery& a, const Delivery& b) { return a.seq < b.seq; });
    std::map<std::int64_t, proto::Events> groups;
    for (auto& d : own) {
        if (resync.contains(d.conferenceId)) continue;
        auto& group = groups[d.conferenceId];
        group.conferenceId = d.conferenceId;
        group.events.push_back(std::move(d.event));
    }
    for (auto& [conferenceId, group] : groups) {
        // Everything of this conference up to `seen` is in this group or was sent before.
        group.head = logRead ? seen : group.events.back().seq;
        broadcastEvents(std::move(group));
    }
    for (const auto conferenceId : resync) resubscribe(conferenceId, knownHead_);
    if (logRead) {
        knownHead_ = seen;
        sentAhead_.clear();
    } else {
        for (const auto seq : ownSeqs) {
            if (seq > knownHead_) sentAhead_.push_back(seq);
        }
    }
}

void Writer::answerSubscribe(const std::shared_ptr<WebsocketSession>& session, const Device& device,
                             const proto::Subscribe& request) {
    const SnapshotKey key{request.conferenceId, device.role == Role::Delegate};
    if (request.since == 0 && engine_.mayFollow(device, request.conferenceId)) {
        const auto cached = snapshots_.find(key);
        if (cached != snapshots_.end() && std::chrono::steady_clock::now() - cached->second.at < kSnapshotReuse) {
            state_.subscribe(request.conferenceId, session, device);
            for (const auto& frame : cached->second.frames) session->send(frame);
            return;
        }
    }
    auto result = engine_.subscribe(device, request);
    if (result.error) return session->sendMessage(*result.error);
    state_.subscribe(request.conferenceId, session, device);
    if (!result.snapshot) return session->sendCatchUp(std::move(result));
    // Encoded here, once, for every device that asks before the conference changes.
    CachedSnapshot entry;
    for (auto& frame : proto::encodeSnapshotFrames(*result.snapshot)) {
        entry.bytes += frame.size();
        entry.frames.push_back(std::make_shared<const std::string>(std::move(frame)));
    }
    entry.at = std::chrono::steady_clock::now();
    for (const auto& frame : entry.frames) session->send(frame);
    if (snapshotBytes_ + entry.bytes > kSnapshotCacheBytes) {
        snapshots_.clear();
        snapshotBytes_ = 0;
    }
    if (entry.bytes > kSnapshotCacheBytes) return;
    if (const auto old = snapshots_.find(key); old != snapshots_.end()) {
        snapshotBytes_ -= old->second.bytes;
        snapshots_.erase(old);
    }
    snapshotBytes_ += entry.bytes;
    snapshots_.emplace(key, std::move(entry));
}

void Writer::forgetSnapshots(std::int64_t conferenceId) {
    for (const bool delegate : {false, true}) {
        const auto it = snapshots_.find({conferenceId, delegate});
        if (it == snapshots_.end()) continue;
        snapshotBytes_ -= it->second.bytes;
        snapshots_.erase(it);
    }
}

void Writer::resubscribe(std::int64_t conferenceId, std::int64_t since) {
    forgetSnapshots(conferenceId);
    for (auto& [session, device] : state_.subscribers(conferenceId)) {
        try {
            if (since == 0) {
                // The same path as a device's subscribe: one read per conference and audience.
                answerSubscribe(session, device, proto::Subscribe{conferenceId, 0});
                continue;
            }
            session->sendCatchUp(engine_.subscribe(device, proto::Subscribe{conferenceId, since}));
        } catch (const std::exception& e) {
            logEvent("error: re-subscribing " + session->describe() + " failed: " + e.what());
        }
    }
}

void Writer::broadcastEvents(proto::Events group) {
    forgetSnapshots(group.conferenceId);
    auto frame = proto::encode(proto::Message{group});
    // Clients refuse frames over kMaxFrameBytes: split a large batch until each part fits.
    if (frame.size() > proto::kMaxFrameBytes && group.events.size() > 1) {
        const auto middle = group.events.begin() + static_cast<std::ptrdiff_t>(group.events.size() / 2);
        proto::Events first{group.conferenceId, std::prev(middle)->seq, {group.events.begin(), middle}};
        proto::Events second{group.conferenceId, group.head, {middle, group.events.end()}};
        broadcastEvents(std::move(first));
        broadcastEvents(std::move(second));
        return;
    }
    if (frame.size() > proto::kMaxFrameBytes) {
        logEvent("warning: event " + std::to_string(group.head) + " encodes to " + std::to_string(frame.size()) +
                 " bytes, over the frame limit; clients will catch up by snapshot");
    }
    state_.broadcast(group.conferenceId, std::make_shared<const std::string>(std::move(frame)));
}

void Writer::noteStorage(const std::vector<ApplyResult>& results) {
    bool refused = false;
    bool applied = false;
    for (const auto& result : results) {
        refused |= result.nack && result.nack->code == proto::ErrorCode::StorageFull;
        applied |= result.ack.has_value();
    }
    if (refused && storageFaultSince_.load() == 0) {
        storageFaultSince_ = nowMillis();
        const std::string message =
            "Ổ đĩa đầy hoặc lỗi ghi: máy chủ không lưu được thay đổi; các thiết bị giữ ý kiến và "
            "gửi lại khi có chỗ. Hãy giải phóng ổ đĩa của máy chủ.";
        logEvent("error: storage fault, writes refused: " + message);
        // On the terminal too, where the office looks: the log file itself may not be writable.
        std::cerr << "gopy-server: " << message << std::endl;
    } else if (applied && !refused && storageFaultSince_.load() != 0) {
        storageFaultSince_ = 0;
        logEvent("storage writable again");
        std::cerr << "gopy-server: ổ đĩa ghi được trở lại; các thay đổi đang được lưu." << std::endl;
    }
}

void Writer::checkRevocations() {
    for (auto it = tracked_.begin(); it != tracked_.end();) {
        auto session = it->second.session.lock();
        if (!session) {
            it = tracked_.erase(it);
            continue;
        }
        bool valid = true;
        try {
            valid = engine_.authenticate(it->second.token).has_value();
        } catch (const std::exception& e) {
            // A busy database is no proof of revocation; check again next time.
            logEvent(std::string("error: revocation check failed: ") + e.what());
        }
        if (valid) {
            ++it;
            continue;
        }
        logEvent("revoked device disconnected: " + session->describe());
        session->closeWithError(proto::Error{proto::ErrorCode::Revoked, "Thiết bị đã bị thu hồi quyền truy cập"});
        it = tracked_.erase(it);
    }
}

}  // namespace gopy::server::net
