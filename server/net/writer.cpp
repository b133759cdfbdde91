#include "server/net/writer.h"

#include <chrono>
#include <exception>
#include <future>
#include <map>
#include <string_view>

#include "server/net/event_log.h"
#include "server/net/shared_state.h"
#include "server/net/websocket_session.h"
#include "server/report/report_service.h"

namespace gopy::server::net {

namespace {

Millis nowMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

Writer::Writer(Engine& engine, SharedState& state) : engine_(engine), state_(state) {}

Writer::~Writer() { stop(); }

void Writer::start() {
    if (thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    // The hook runs inside applyBatch on this thread; remember the conference and generate
    // its report only after the acks of that batch went out.
    engine_.setOnSessionEnded([this](std::int64_t conferenceId) {
        endedSessions_.push_back(conferenceId);
    });
    thread_ = std::thread([this] { loop(); });
}

void Writer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    engine_.setOnSessionEnded({});
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

void Writer::track(const std::shared_ptr<WebsocketSession>& session, std::string token) {
    tracked_[session.get()] = Tracked{session, std::move(token)};
}

void Writer::loop() {
    using namespace std::chrono_literals;
    auto lastCheck = std::chrono::steady_clock::now();
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

    std::map<std::int64_t, proto::Events> events;
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
        if (!result.event) continue;
        if (result.routedTo.empty() && result.event->comments.empty()) {
            // The usual case: one conference, nothing to filter, no copy.
            auto& group = events[result.event->conferenceId];
            group.conferenceId = result.event->conferenceId;
            group.head = result.event->seq;
            group.events.push_back(std::move(*result.event));
            continue;
        }
        // The op's conference, then every other conference whose comments it changed; each
        // gets the event as its own (seq order holds per conference: results are in seq order).
        std::vector<std::int64_t> targets{result.event->conferenceId};
        targets.insert(targets.end(), result.routedTo.begin(), result.routedTo.end());
        for (const auto conferenceId : targets) {
            auto& group = events[conferenceId];
            group.conferenceId = conferenceId;
            group.head = result.event->seq;
            group.events.push_back(eventFor(*result.event, conferenceId));
        }
    }
    for (auto& [conferenceId, group] : events) broadcastEvents(std::move(group));
    batch.clear();

    auto ended = std::move(endedSessions_);
    endedSessions_.clear();
    for (const auto conferenceId : ended) {
        try {
            report::onSessionEnded(engine_, conferenceId);
            logEvent("report generated for conference " + std::to_string(conferenceId));
        } catch (const std::exception& e) {
            logEvent("error: report for conference " + std::to_string(conferenceId) +
                     " failed: " + e.what());
        }
    }
}

void Writer::broadcastEvents(proto::Events group) {
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
