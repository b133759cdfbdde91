// TLS on the one port (the server's own self-signed identity, reused across restarts) and the
// per-connection limits a hostile laptop on the hall Wi-Fi meets: the 10 s deadline to
// authenticate, the cap on unauthenticated connections, the small frame limit before
// admission, binary frames, typing and subscribe rates, drafts kept from delegates, one live
// connection per device token.
#include <sys/stat.h>

#include <fstream>
#include <thread>

#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

#include "server/net/tls_identity.h"
#include "server/store/store.h"
#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
namespace net = server::net;
using namespace std::chrono_literals;

TEST(TlsIdentityTest, CreatedOnceWithAPrivateKeyAndReusedAfterwards) {
    TempDir dir;
    EXPECT_EQ(net::tlsFingerprintOf(dir.path()), "") << "no identity before the first start";
    const auto first = net::loadOrCreateTlsIdentity(dir.path());
    ASSERT_EQ(first.fingerprint.size(), 64u);
    struct stat key{};
    ASSERT_EQ(::stat((dir.path() / "tls" / "key.pem").c_str(), &key), 0);
    EXPECT_EQ(key.st_mode & 0777, 0600) << "the private key is readable by its owner only";
    const auto second = net::loadOrCreateTlsIdentity(dir.path());
    EXPECT_EQ(second.fingerprint, first.fingerprint) << "a restart must keep the certificate devices pinned";
    EXPECT_EQ(second.certificatePem, first.certificatePem);
    EXPECT_EQ(net::tlsFingerprintOf(dir.path()), first.fingerprint);
    EXPECT_EQ(net::shortFingerprint(first.fingerprint).size(), 19u);  // "9C2A 24E2 A123 125D"
    EXPECT_EQ(net::groupedFingerprint(first.fingerprint).size(), 64u + 15u);

    TempDir other;
    EXPECT_NE(net::loadOrCreateTlsIdentity(other.path()).fingerprint, first.fingerprint)
        << "each server makes its own key";
}

TEST(TlsIdentityTest, AHalfIdentityIsRefusedWithAClearMessage) {
    TempDir dir;
    net::loadOrCreateTlsIdentity(dir.path());
    std::filesystem::remove(dir.path() / "tls" / "key.pem");
    try {
        net::loadOrCreateTlsIdentity(dir.path());
        FAIL() << "a certificate without its key was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("chỉ có chứng chỉ"), std::string::npos) << e.what();
    }
    // A key that belongs to another certificate.
    TempDir other;
    net::loadOrCreateTlsIdentity(other.path());
    std::filesystem::copy_file(other.path() / "tls" / "key.pem", dir.path() / "tls" / "key.pem");
    try {
        net::loadOrCreateTlsIdentity(dir.path());
        FAIL() << "a key of another certificate was accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("không khớp"), std::string::npos) << e.what();
    }
}

class TlsServerTest : public ServerFixture {
protected:
    net::ServerOptions options(const std::filesystem::path& dir) override {
        identity_ = net::loadOrCreateTlsIdentity(dir);
        auto options = ServerFixture::options(dir);
        options.tls = net::makeServerTlsContext(identity_);
        return options;
    }
    std::string code(Role role) { return admissionCode(role, kConference); }
    net::TlsIdentity identity_;
};

TEST_F(TlsServerTest, AWholeSessionRunsOverTlsWithTheServersOwnCertificate) {
    TestClient secretary(port(), TestClient::Transport::Tls);
    ASSERT_TRUE(secretary.connected());
    EXPECT_EQ(secretary.peerFingerprint(), identity_.fingerprint) << "the certificate devices pin";
    ASSERT_TRUE(secretary.admit(code(Role::Secretary), "Thư ký TLS"));
    const auto snapshot = secretary.subscribe(kConference, 0);
    ASSERT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
    const auto started = secretary.applyOp(kConference, proto::SessionStart{1'700'000'000'000});
    ASSERT_TRUE(started && std::holds_alternative<proto::Ack>(*started));

    TestClient again(port(), TestClient::Transport::Tls);
    ASSERT_TRUE(again.hello(secretary.token)) << "the token works over a new TLS connection";
}

TEST_F(TlsServerTest, APlainConnectionToATlsServerGetsNothing) {
    TestClient plain(port(), TestClient::Transport::Plain);
    EXPECT_FALSE(plain.connected()) << "a ws:// upgrade must not be served on a TLS port";

    // Nor plain HTTP: the bytes of a GET are not a TLS ClientHello.
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port()));
    http::request<http::empty_body> request{http::verb::get, "/healthz", 11};
    request.set(http::field::host, "127.0.0.1");
    beast::error_code ec;
    http::write(stream, request, ec);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    stream.expires_after(10s);
    http::read(stream, buffer, response, ec);
    EXPECT_TRUE(ec) << "plain HTTP answered " << response.result_int();
}

TEST_F(TlsServerTest, HealthzAndReportsAnswerOverHttps) {
    asio::io_context io;
    asio::ssl::context context(asio::ssl::context::tls_client);
    context.set_verify_mode(asio::ssl::verify_none);
    beast::ssl_stream<beast::tcp_stream> stream(io, context);
    beast::get_lowest_layer(stream).connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port()));
    stream.handshake(asio::ssl::stream_base::client);
    const auto ask = [&](const std::string& target) {
        http::request<http::empty_body> request{http::verb::get, target, 11};
        request.set(http::field::host, "127.0.0.1");
        http::write(stream, request);
        beast::flat_buffer buffer;
        http::response<http::string_body> response;
        http::read(stream, buffer, response);
        return response;
    };
    const auto health = ask("/healthz");
    EXPECT_EQ(health.result_int(), 200u);
    EXPECT_NE(health.body().find("\"ok\""), std::string::npos) << health.body();
    // The query string is not part of the resource: 401 (no token), not 404.
    EXPECT_EQ(ask("/reports/1?x=1").result_int(), 401u);
    EXPECT_EQ(ask("/nothing?x=1").result_int(), 404u);
}

class ConnectionLimitsTest : public ServerFixture {
protected:
    net::ServerOptions options(const std::filesystem::path& dir) override {
        auto options = ServerFixture::options(dir);
        options.authTimeout = 1s;
        options.maxUnauthenticated = 3;
        return options;
    }
};

TEST_F(ConnectionLimitsTest, AConnectionThatNeverAuthenticatesIsClosedAtTheDeadline) {
    TestClient idle(port());
    ASSERT_TRUE(idle.connected());
    const auto started = std::chrono::steady_clock::now();
    const auto error = idle.receiveType<proto::Error>({}, 10s);
    ASSERT_TRUE(error) << "no error before the close";
    EXPECT_EQ(error->code, proto::ErrorCode::Invalid) << "not unauthenticated: that code makes a client drop its token";
    EXPECT_NE(error->message.find("Quá 1 giây"), std::string::npos) << error->message;
    EXPECT_FALSE(idle.receive(10s)) << "the connection stays open after the deadline";
    EXPECT_TRUE(idle.closed());
    EXPECT_LT(std::chrono::steady_clock::now() - started, 8s);

    // An admitted device is not held to it.
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    std::this_thread::sleep_for(1500ms);
    const auto snapshot = secretary->subscribe(kConference, 0);
    EXPECT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
}

TEST_F(ConnectionLimitsTest, UnauthenticatedConnectionsAreCappedAndAdmittedOnesFreeTheirPlace) {
    std::vector<std::unique_ptr<TestClient>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<TestClient>(port()));
        ASSERT_TRUE(idle.back()->connected()) << i;
    }
    TestClient fourth(port());
    EXPECT_FALSE(fourth.connected()) << "a fourth unauthenticated connection was served past the cap of 3";

    ASSERT_TRUE(idle.front()->admit(admissionCode(Role::Secretary, kConference), "Thư ký"));
    std::this_thread::sleep_for(100ms);
    TestClient next(port());
    EXPECT_TRUE(next.connected()) << "an admitted device still holds an unauthenticated place";
}

TEST_F(ConnectionLimitsTest, FramesBeforeAdmissionAreSmall) {
    TestClient stranger(port());
    ASSERT_TRUE(stranger.connected());
    ASSERT_TRUE(stranger.sendText(std::string(100 * 1024, 'x')));
    EXPECT_FALSE(stranger.receive(10s));
    EXPECT_TRUE(stranger.closed() && !stranger.timedOut()) << "100 KiB before admission must close the connection";
    // 1009, unless the rest of the unread frame made the kernel reset the connection first.
    EXPECT_TRUE(stranger.closeCode() == 1009 || stranger.closeCode() == 0) << stranger.closeCode();

    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    ASSERT_TRUE(secretary->sendText(std::string(100 * 1024, 'x')));
    const auto answer = secretary->receiveType<proto::Error>({}, 10s);
    ASSERT_TRUE(answer) << "after admission the frame is read (and refused as malformed JSON)";
    EXPECT_EQ(answer->code, proto::ErrorCode::MalformedJson);
}

TEST_F(ConnectionLimitsTest, BinaryFramesAreRefusedAndTheConnectionClosedWith1003) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    ASSERT_TRUE(secretary->sendBinary(proto::encode(proto::Subscribe{kConference, 0})));
    const auto error = secretary->receiveType<proto::Error>({}, 10s);
    ASSERT_TRUE(error);
    EXPECT_NE(error->message.find("nhị phân"), std::string::npos) << error->message;
    EXPECT_FALSE(secretary->receive(10s));
    EXPECT_EQ(secretary->closeCode(), 1003);
}

class LiveConnectionLimitsTest : public ConnectionLimitsTest {
protected:
    void SetUp() override {
        ConnectionLimitsTest::SetUp();
        secretary = admitted(Role::Secretary, kConference, "Thư ký 1");
        chair = admitted(Role::Chair, kConference, "Chủ trì");
        delegate = admitted(Role::Delegate, kConference, "Đại biểu");
        for (auto* client : {secretary.get(), chair.get(), delegate.get()}) {
            const auto snapshot = client->subscribe(kConference, 0);
            ASSERT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
        }
    }
    proto::Typing draft(const std::string& text, bool done = false) const {
        return proto::Typing{kConference, "c-limit", 0, "", text, "", done};
    }
    std::unique_ptr<TestClient> secretary, chair, delegate;
};

TEST_F(LiveConnectionLimitsTest, UnsavedDraftsReachTheChairButNotDelegates) {
    ASSERT_TRUE(secretary->send(draft("Bản nháp chưa lưu của thư ký")));
    const auto seen = chair->receiveType<proto::Typing>({}, 10s);
    ASSERT_TRUE(seen) << "the chair follows the typing live";
    // The writer handles the draft before the op that follows it: the delegate's first
    // message after the draft's moment is the op's event, never the draft.
    ASSERT_TRUE(secretary->applyOp(kConference, proto::SessionStart{1'700'000'000'000}));
    const auto first = delegate->receive(10s);
    ASSERT_TRUE(first);
    EXPECT_FALSE(std::holds_alternative<proto::Typing>(*first)) << "a delegate received a secretary's unsaved text";
    EXPECT_TRUE(std::holds_alternative<proto::Events>(*first));
}

TEST_F(LiveConnectionLimitsTest, TypingDraftsAreRelayedAtMostAtTheirRateAndTheLastOneAlwaysPasses) {
    for (int i = 0; i < 60; ++i) ASSERT_TRUE(secretary->send(draft("Bản " + std::to_string(i))));
    ASSERT_TRUE(secretary->send(draft("Bản cuối", true)));
    int relayed = 0;
    for (;;) {
        const auto seen = chair->receiveType<proto::Typing>({}, 10s);
        ASSERT_TRUE(seen) << "the final done draft never arrived";
        if (seen->done) break;
        ++relayed;
    }
    // A burst of 8 plus 4 a second over the few milliseconds the loop takes.
    EXPECT_LE(relayed, 12) << "60 drafts sent at once were all relayed";
    EXPECT_GE(relayed, 8);
}

TEST_F(LiveConnectionLimitsTest, ADeviceResubscribingInALoopIsToldToWait) {
    int refused = 0;
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(delegate->send(proto::Subscribe{kConference, 0}));
    for (int i = 0; i < 20; ++i) {
        const auto answer = delegate->receive(10s);
        ASSERT_TRUE(answer);
        if (const auto* error = std::get_if<proto::Error>(&*answer); error && error->code == proto::ErrorCode::RateLimited)
            ++refused;
    }
    // The fixture's own subscribe took one of the burst of 10.
    EXPECT_GE(refused, 9);
    EXPECT_LE(refused, 12);
}

TEST_F(LiveConnectionLimitsTest, ASecondLoginWithTheSameTokenClosesTheFirstConnection) {
    TestClient copy(port());
    ASSERT_TRUE(copy.hello(secretary->token));
    const auto told = secretary->receiveType<proto::Error>({}, 10s);
    ASSERT_TRUE(told) << "the older connection was not told";
    EXPECT_EQ(told->code, proto::ErrorCode::Replaced);
    EXPECT_NE(told->message.find("127.0.0.1"), std::string::npos) << told->message;
    EXPECT_FALSE(secretary->receive(10s));
    EXPECT_TRUE(secretary->closed());
    // The newest connection works.
    const auto snapshot = copy.subscribe(kConference, 0);
    EXPECT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
    // And the organiser finds it in the audit trail.
    bool audited = false;
    server_->withEngine([&](server::Engine& engine) {
        for (const auto& record : engine.store().audit().since(0, 1000))
            audited = audited || record.kind == "replaced";
    });
    EXPECT_TRUE(audited);
}

}  // namespace
}  // namespace gopy::test
