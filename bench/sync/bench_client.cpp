#include "bench/sync/bench_client.h"

#include "gopy/protocol.h"

namespace gopy::bench {

namespace beast = boost::beast;
namespace asio = boost::asio;

BenchClient::BenchClient(asio::io_context& io, std::string token, std::int64_t conferenceId)
    : ws_(io), token_(std::move(token)), conferenceId_(conferenceId) {}

void BenchClient::start(const asio::ip::tcp::endpoint& server, std::function<void(BenchClient&)> ready,
                        std::function<void(BenchClient&)> failed) {
    ready_ = std::move(ready);
    failed_ = std::move(failed);
    auto self = shared_from_this();
    beast::get_lowest_layer(ws_).async_connect(server, [self](beast::error_code ec) {
        if (ec) return self->failed_(*self);
        beast::get_lowest_layer(self->ws_).expires_never();
        beast::error_code option;
        beast::get_lowest_layer(self->ws_).socket().set_option(asio::ip::tcp::no_delay(true), option);
        self->ws_.read_message_max(64 * 1024 * 1024);
        self->ws_.async_handshake("127.0.0.1", "/ws", [self](beast::error_code ec2) {
            if (ec2) return self->failed_(*self);
            self->ws_.text(true);
            if (self->token_.empty()) {
                // Unauthenticated (a flood of wrong codes): every frame goes to onFrame.
                self->stage_ = 2;
                self->ready_(*self);
            } else {
                self->send(proto::encode(proto::Hello{self->token_}));
            }
            self->doRead();
        });
    });
}

void BenchClient::doRead() {
    ws_.async_read(buffer_, beast::bind_front_handler(&BenchClient::onRead, shared_from_this()));
}

void BenchClient::onRead(beast::error_code ec, std::size_t) {
    if (ec) return failed_(*this);
    const std::string frame = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    if (stage_ == 0) {
        auto decoded = proto::decode(frame);
        auto* welcome = decoded ? std::get_if<proto::Welcome>(&*decoded.message) : nullptr;
        if (!welcome) return failed_(*this);
        deviceId = welcome->deviceId;
        stage_ = 1;
        send(proto::encode(proto::Subscribe{conferenceId_, 0}));
    } else if (stage_ == 1) {
        if (frame.find("\"type\":\"snapshot\"") == std::string::npos) return failed_(*this);
        stage_ = 2;
        ready_(*this);
    } else if (onFrame) {
        onFrame(*this, frame);
    }
    doRead();
}

void BenchClient::send(std::string frame) {
    queue_.push_back(std::move(frame));
    if (queue_.size() == 1) doWrite();
}

void BenchClient::doWrite() {
    ws_.async_write(asio::buffer(queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) return self->failed_(*self);
        self->queue_.pop_front();
        if (!self->queue_.empty()) self->doWrite();
    });
}

void BenchClient::close() {
    beast::error_code ec;
    beast::get_lowest_layer(ws_).socket().close(ec);
}

}  // namespace gopy::bench
