#include "server/net/websocket_session.h"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <utility>

#include "gopy/clock.h"
#include "gopy/limits.h"
#include "server/log/event_log.h"
#include "server/net/shared_state.h"
#include "server/net/writer.h"

namespace gopy::server::net {

using log::logEvent;
using log::logThrottled;

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace asio = boost::asio;

namespace {


std::shared_ptr<const std::string> frameOf(const proto::Message& message) {
    return std::make_shared<const std::string>(proto::encode(message));
}

std::string addressOnly(const std::string& remote) {
    const auto colon = remote.rfind(':');
    return colon == std::string::npos ? remote : remote.substr(0, colon);
}

}  // namespace

void WebsocketSession::start(beast::tcp_stream&& stream, const NetContext& context, std::string remote,
                             UnauthenticatedSlot slot, Request request) {
    std::variant<PlainWs, TlsWs> ws(std::in_place_type<PlainWs>, std::move(stream));
    std::make_shared<WebsocketSession>(std::move(ws), context, std::move(remote), std::move(slot))
        ->run(std::move(request));
}

void WebsocketSession::start(beast::ssl_stream<beast::tcp_stream>&& stream, const NetContext& context,
                             std::string remote, UnauthenticatedSlot slot, Request request) {
    std::variant<PlainWs, TlsWs> ws(std::in_place_type<TlsWs>, std::move(stream));
    std::make_shared<WebsocketSession>(std::move(ws), context, std::move(remote), std::move(slot))
        ->run(std::move(request));
}

WebsocketSession::WebsocketSession(std::variant<PlainWs, TlsWs>&& ws, const NetContext& context,
                                   std::string remote, UnauthenticatedSlot slot)
    : ws_(std::move(ws)), context_(context), slot_(std::move(slot)), authDeadline_(lowest().get_executor()),
      remote_(std::move(remote)), remoteAddress_(addressOnly(remote_)) {
    typingBucket_.tokens = context_.typingBurst;
    subscribeBucket_.tokens = context_.subscribeBurst;
}

WebsocketSession::~WebsocketSession() { context_.state.leave(this); }

beast::tcp_stream& WebsocketSession::lowest() {
    return std::visit([](auto& ws) -> beast::tcp_stream& { return beast::get_lowest_layer(ws); }, ws_);
}

bool WebsocketSession::take(Bucket& bucket, double rate, double burst) {
    const auto now = std::chrono::steady_clock::now();
    if (bucket.last != std::chrono::steady_clock::time_point{}) {
        const double elapsed = std::chrono::duration<double>(now - bucket.last).count();
        bucket.tokens = std::min(burst, bucket.tokens + elapsed * rate);
    }
    bucket.last = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
}

void WebsocketSession::run(Request request) {
    std::visit(
        [&](auto& ws) {
            websocket::stream_base::timeout timeout{};
            timeout.handshake_timeout = context_.handshakeTimeout;
            timeout.idle_timeout = context_.idleTimeout;
            timeout.keep_alive_pings = true;
            ws.set_option(timeout);
            ws.set_option(websocket::stream_base::decorator([version = context_.version](websocket::response_type& res) {
                res.set(beast::http::field::server, "gopy-server/" + version);
            }));
            // Small until authenticated: 400 peers each holding an unfinished 1 MiB frame
            // must not take hundreds of megabytes; admit and hello are a few hundred bytes.
            ws.read_message_max(context_.unauthenticatedFrameBytes);
            ws.text(true);
            // One frame per message: Qt 6.4's QWebSocket refuses (close 1007) a text message whose
            // fragments split a multi-byte UTF-8 character, and Beast fragments at 4 KiB by default.
            ws.auto_fragment(false);
            ws.async_accept(request, beast::bind_front_handler(&WebsocketSession::onAccept, shared_from_this()));
        },
        ws_);
}

void WebsocketSession::onAccept(beast::error_code ec) {
    if (ec) return fail(ec, "accept");
    context_.state.join(shared_from_this());
    logEvent("websocket connected: " + remote_);
    authDeadline_.expires_after(context_.authTimeout);
    authDeadline_.async_wait(beast::bind_front_handler(&WebsocketSession::onAuthDeadline, shared_from_this()));
    doRead();
}

void WebsocketSession::onAuthDeadline(beast::error_code ec) {
    // A hello the writer is still checking is not late: only silence is.
    if (ec == asio::error::operation_aborted || device_ || authPending_ || closing_) return;
    logThrottled("auth.timeout", "no admit/hello within " + std::to_string(context_.authTimeout.count()) +
                                     " s, closed: " + remote_);
    // Not `unauthenticated`: that code tells a client its token is gone.
    closeWithError(proto::Error{proto::ErrorCode::Invalid,
                                "Quá " + std::to_string(context_.authTimeout.count()) +
                                    " giây mà thiết bị chưa gửi mã kết nạp hoặc mã thiết bị"});
}

void WebsocketSession::doRead() {
    std::visit(
        [this](auto& ws) {
            ws.async_read(buffer_, beast::bind_front_handler(&WebsocketSession::onRead, shared_from_this()));
        },
        ws_);
}

void WebsocketSession::onRead(beast::error_code ec, std::size_t) {
    if (ec == websocket::error::message_too_big) {
        // Beast has already sent the close frame with 1009 (message too big).
        if (device_)
            logEvent("frame too large, closed with 1009: " + describe());
        else
            logThrottled("junk.too_large", "frame too large before admission, closed with 1009: " + describe());
        return;
    }
    if (ec) return fail(ec, "read");
    const bool binary = std::visit([](auto& ws) { return ws.got_binary(); }, ws_);
    if (binary) {
        // The protocol is JSON text; a binary frame is a bug or a probe. Say so and close 1003.
        buffer_.consume(buffer_.size());
        logThrottled("junk.binary", "binary frame, closed with 1003: " + describe());
        enqueue(frameOf(proto::Error{proto::ErrorCode::MalformedJson,
                                     "Máy chủ chỉ nhận tin dạng văn bản JSON, không nhận khung nhị phân"}));
        closing_ = true;
        closeCode_ = websocket::close_code::unknown_data;
        closeAfterWrites_ = true;
        if (queue_.empty()) doClose(closeCode_);
        return;
    }
    std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    handle(text);
    if (closing_) return;
    doRead();
}

void WebsocketSession::handle(const std::string& text) {
    auto decoded = proto::decode(text);
    if (!decoded) {
        const std::string line = "malformed frame from " + describe() + ": " + decoded.error.message;
        if (device_)
            logEvent(line);
        else
            logThrottled("junk.malformed", line);
        return enqueue(frameOf(proto::Error{decoded.error.code, decoded.error.message}));
    }
    handleMessage(std::move(*decoded.message));
}

void WebsocketSession::handleMessage(proto::Message message) {
    auto self = shared_from_this();
    Writer* writer = &context_.writer;
    SharedState* state = &context_.state;

    if (auto* admit = std::get_if<proto::Admit>(&message)) {
        if (device_ || authPending_) {
            return enqueue(frameOf(proto::Error{proto::ErrorCode::Invalid, "Thiết bị đã được xác thực"}));
        }
        authPending_ = true;
        writer->post([self, writer, request = std::move(*admit), remote = remoteAddress_](Engine& engine) {
            auto result = engine.admit(request, remote, nowMillis());
            if (!result.welcome) {
                auto error = result.error.value_or(proto::Error{proto::ErrorCode::BadCode, "Mã không hợp lệ"});
                logEvent("admission refused for " + self->describe() + ": " +
                         std::string(proto::toString(error.code)));
                return self->authResult(std::nullopt, frameOf(error));
            }
            const auto& w = *result.welcome;
            Device device{w.deviceId, w.deviceName, w.role, w.conferenceId, w.organisationId};
            engine.recordSeen(w.deviceId, remote, nowMillis());
            writer->track(self, w.token, w.deviceId);
            logEvent("admitted " + w.deviceName + " (" + w.deviceId + ") as " +
                     std::string(toString(w.role)) + " from " + remote);
            self->authResult(std::move(device), frameOf(w));
        });
        return;
    }
    if (auto* hello = std::get_if<proto::Hello>(&message)) {
        if (device_ || authPending_) {
            return enqueue(frameOf(proto::Error{proto::ErrorCode::Invalid, "Thiết bị đã được xác thực"}));
        }
        authPending_ = true;
        writer->post([self, writer, token = std::move(hello->token),
                      remote = remoteAddress_](Engine& engine) {
            auto device = engine.authenticate(token);
            if (!device) {
                engine.countJunk("hello.refused", nowMillis());
                logEvent("hello refused (unknown or revoked token): " + self->describe());
                return self->authResult(std::nullopt,
                                        frameOf(proto::Error{proto::ErrorCode::Unauthenticated,
                                                             "Thiết bị chưa được kết nạp hoặc đã bị thu hồi"}));
            }
            auto welcome = engine.welcome(*device);
            engine.recordSeen(device->id, remote, nowMillis());
            writer->track(self, token, device->id);
            self->authResult(std::move(*device), frameOf(welcome));
        });
        return;
    }
    if (std::holds_alternative<proto::Subscribe>(message) || std::holds_alternative<proto::OpRequest>(message) ||
        std::holds_alternative<proto::Typing>(message) || std::holds_alternative<proto::DashboardGet>(message)) {
        if (!device_) {
            return enqueue(frameOf(proto::Error{proto::ErrorCode::Unauthenticated,
                                                "Hãy gửi mã kết nạp hoặc mã thiết bị trước"}));
        }
    }
    if (auto* subscribe = std::get_if<proto::Subscribe>(&message)) {
        // Each subscribe costs the writer a snapshot or a catch-up: a device re-subscribing in
        // a loop must not slow every secretary's acknowledgement.
        if (!take(subscribeBucket_, context_.subscribesPerSecond, context_.subscribeBurst)) {
            logThrottled("rate.subscribe", "subscribe rate exceeded: " + describe());
            return enqueue(frameOf(proto::Error{proto::ErrorCode::RateLimited,
                                                "Thiết bị yêu cầu tải lại hội nghị quá nhiều lần; hãy chờ vài giây"}));
        }
        writer->post([self, writer, device = *device_, request = *subscribe](Engine&) {
            writer->answerSubscribe(self, device, request);
        });
        return;
    }
    if (auto* dashboard = std::get_if<proto::DashboardGet>(&message)) {
        writer->post([self, device = *device_, today = dashboard->today](Engine& engine) {
            self->sendMessage(engine.dashboard(device, today.empty() ? server::hanoiToday() : today));
        });
        return;
    }
    if (auto* op = std::get_if<proto::OpRequest>(&message)) {
        writer->submit(weak_from_this(), *device_, std::move(*op));
        return;
    }
    if (auto* typing = std::get_if<proto::Typing>(&message)) {
        // Drafts are best effort: past 4 a second (burst 8) they are dropped here, before they
        // reach the writer; the next one carries the whole text anyway. A last "done" always
        // passes so that no stale draft stays on the chair's screen.
        if (!typing->done && !take(typingBucket_, context_.typingPerSecond, context_.typingBurst)) {
            logThrottled("rate.typing", "typing drafts over the rate, dropped: " + describe());
            return;
        }
        if (const auto refusal = limits::tooLong("Bản đang gõ", typing->text, limits::kTypingDraft); !refusal.empty()) {
            return enqueue(frameOf(proto::Error{proto::ErrorCode::TooLarge, refusal}));
        }
        writer->post([self, state, device = *device_, draft = std::move(*typing)](Engine& engine) mutable {
            if (!engine.mayType(device, draft.conferenceId)) {
                return self->sendMessage(proto::Error{proto::ErrorCode::Forbidden,
                                                      "Chỉ thư ký được nhập ý kiến"});
            }
            // Relayed only: drafts are never written to the database.
            draft.deviceName = device.name;
            const auto conferenceId = draft.conferenceId;
            // Unsaved text is for the people recording and chairing, not for delegates' tablets
            // or the hall screen.
            state->broadcast(conferenceId, frameOf(std::move(draft)), self.get(), [](const Device& to) {
                return to.role == Role::Secretary || to.role == Role::Chair || to.role == Role::Organiser;
            });
        });
        return;
    }
    enqueue(frameOf(proto::Error{proto::ErrorCode::Invalid, "Máy chủ không nhận loại tin này từ máy khách"}));
}

void WebsocketSession::authResult(std::optional<Device> device, std::shared_ptr<const std::string> answer) {
    asio::post(lowest().get_executor(), [self = shared_from_this(), device = std::move(device),
                                    answer = std::move(answer)]() mutable {
        self->authPending_ = false;
        if (device) {
            {
                std::lock_guard lock(self->labelMutex_);
                self->deviceLabel_ = device->name + " (" + device->id + ")";
            }
            self->device_ = std::move(device);
            // Authenticated: the deadline, the small frame limit and the place among the
            // unauthenticated connections no longer apply.
            self->authDeadline_.cancel();
            self->slot_.release();
            std::visit([](auto& ws) { ws.read_message_max(proto::kMaxFrameBytes); }, self->ws_);
        } else if (!self->closing_) {
            // Refused: another 10 s to send a right code, not forever.
            self->authDeadline_.expires_after(self->context_.authTimeout);
            self->authDeadline_.async_wait(beast::bind_front_handler(&WebsocketSession::onAuthDeadline, self));
        }
        self->enqueue(std::move(answer));
    });
}

void WebsocketSession::send(std::shared_ptr<const std::string> frame) {
    asio::post(lowest().get_executor(), [self = shared_from_this(), frame = std::move(frame)]() mutable {
        self->enqueue(std::move(frame));
    });
}

void WebsocketSession::sendMessage(const proto::Message& message) { send(frameOf(message)); }

void WebsocketSession::sendFrames(std::vector<std::string> frames) {
    for (auto& frame : frames) send(std::make_shared<const std::string>(std::move(frame)));
}

void WebsocketSession::sendEncoded(std::function<std::vector<std::string>()> encode) {
    asio::post(lowest().get_executor(), [self = shared_from_this(), encode = std::move(encode)] {
        std::vector<std::string> frames;
        try {
            frames = encode();
        } catch (const std::exception& e) {
            logEvent("error: encoding for " + self->describe() + " failed: " + e.what());
            return;
        }
        for (auto& frame : frames) self->enqueue(std::make_shared<const std::string>(std::move(frame)));
    });
}

void WebsocketSession::sendCatchUp(Engine::SubscribeResult result) {
    if (result.error) return sendMessage(*result.error);
    if (result.snapshot) {
        sendEncoded([snapshot = std::make_shared<const proto::Snapshot>(std::move(*result.snapshot))] {
            return proto::encodeSnapshotFrames(*snapshot);
        });
    }
    if (result.events) {
        sendEncoded([events = std::make_shared<const proto::Events>(std::move(*result.events))] {
            return proto::encodeEventsFrames(*events);
        });
    }
}

void WebsocketSession::closeWithError(const proto::Error& error) {
    asio::post(lowest().get_executor(), [self = shared_from_this(), frame = frameOf(error)]() mutable {
        if (self->closing_) return;
        self->enqueue(std::move(frame));
        self->closing_ = true;
        self->closeAfterWrites_ = true;
        if (self->queue_.empty()) self->doClose();
    });
}

void WebsocketSession::abort() {
    asio::post(lowest().get_executor(), [self = shared_from_this()] {
        self->closing_ = true;
        self->authDeadline_.cancel();
        self->lowest().close();
    });
}

std::string WebsocketSession::describe() const {
    std::lock_guard lock(labelMutex_);
    return deviceLabel_.empty() ? remote_ : remote_ + " " + deviceLabel_;
}

void WebsocketSession::enqueue(std::shared_ptr<const std::string> frame) {
    if (closing_) return;
    const bool overCap = queue_.size() >= context_.maxQueuedMessages ||
                         queuedBytes_ + frame->size() > context_.maxQueuedBytes;
    if (!queue_.empty() && overCap) {
        // The client does not read: drop it rather than buffer without bound.
        logEvent("slow client dropped (" + std::to_string(queue_.size()) + " frames, " +
                 std::to_string(queuedBytes_) + " bytes queued): " + describe());
        closing_ = true;
        lowest().close();
        return;
    }
    queuedBytes_ += frame->size();
    queue_.push_back(std::move(frame));
    if (queue_.size() == 1) doWrite();
}

void WebsocketSession::doWrite() {
    std::visit(
        [this](auto& ws) {
            ws.async_write(asio::buffer(*queue_.front()),
                           beast::bind_front_handler(&WebsocketSession::onWrite, shared_from_this()));
        },
        ws_);
}

void WebsocketSession::onWrite(beast::error_code ec, std::size_t) {
    if (ec) return fail(ec, "write");
    queuedBytes_ -= queue_.front()->size();
    queue_.pop_front();
    if (!queue_.empty()) return doWrite();
    if (closeAfterWrites_) doClose(closeCode_);
}

void WebsocketSession::doClose(websocket::close_code code) {
    closeAfterWrites_ = false;
    authDeadline_.cancel();
    std::visit([&](auto& ws) { ws.async_close(code, [self = shared_from_this()](beast::error_code) {}); }, ws_);
}

void WebsocketSession::fail(beast::error_code ec, const char* what) {
    if (ec == asio::error::operation_aborted || ec == websocket::error::closed ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::broken_pipe || ec == asio::ssl::error::stream_truncated) {
        // The read side reports the end of every connection once; writes stay quiet.
        if (std::string_view(what) == "read") logEvent("websocket disconnected: " + describe());
        return;
    }
    logEvent("websocket " + std::string(what) + " error (" + ec.message() + "): " + describe());
}

}  // namespace gopy::server::net
