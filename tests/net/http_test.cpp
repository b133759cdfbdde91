// HTTP on the same port: /healthz, /reports/{id} with bearer tokens, 404 for the rest.
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "gopy/limits.h"
#include "server/store/store.h"
#include "tests/net/server_fixture.h"

namespace gopy::test {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

struct HttpAnswer {
    int status = 0;
    std::string contentType;
    std::string body;
};

std::optional<HttpAnswer> get(std::uint16_t port, const std::string& target, const std::string& token = {}) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    beast::error_code ec;
    stream.socket().connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
    if (ec) return std::nullopt;
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
    http::write(stream, request, ec);
    if (ec) return std::nullopt;
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser, ec);
    if (ec) return std::nullopt;
    auto& response = parser.get();
    return HttpAnswer{static_cast<int>(response.result_int()), std::string(response[http::field::content_type]),
                      response.body()};
}

TEST_F(ServerFixture, HealthzAnswersJson) {
    const auto answer = get(port(), "/healthz");
    ASSERT_TRUE(answer) << "no HTTP answer";
    EXPECT_EQ(answer->status, 200);
    EXPECT_EQ(answer->contentType, "application/json");
    const auto json = boost::json::parse(answer->body).as_object();
    EXPECT_EQ(json.at("status").as_string(), "ok");
    EXPECT_FALSE(json.at("version").as_string().empty());
    EXPECT_EQ(json.at("protocol").as_int64(), proto::kProtocolVersion);
}

// /healthz tells the truth: while the disk refuses writes it answers 503 "storage_fault" with
// since when; once writes succeed again, ok.
TEST_F(ServerFixture, HealthzReportsAStorageFaultUntilWritesSucceed) {
    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    auto snapshot = secretary->subscribe(kConference, 0);
    ASSERT_TRUE(snapshot && std::holds_alternative<proto::Snapshot>(*snapshot));
    const std::string speaker = std::get<proto::Snapshot>(*snapshot).participants.front().id;
    auto create = [&](const std::string& id) {
        Comment c;
        c.id = id;
        c.conferenceId = kConference;
        c.participantId = speaker;
        c.kind = CommentKind::Addition;
        c.text = std::string(limits::kCommentText, 'x');
        return proto::CommentCreate{c};
    };
    // A full disk: the database may not grow by a single page.
    server_->withEngine([](server::Engine& engine) {
        auto& db = engine.store().db();
        db.exec("PRAGMA max_page_count = " + std::to_string(db.scalarInt("PRAGMA page_count")));
    });
    auto refused = secretary->applyOp(kConference, create("c-full"));
    ASSERT_TRUE(refused && std::holds_alternative<proto::Nack>(*refused));
    EXPECT_EQ(std::get<proto::Nack>(*refused).code, proto::ErrorCode::StorageFull);
    auto answer = get(port(), "/healthz");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 503);
    auto json = boost::json::parse(answer->body).as_object();
    EXPECT_EQ(json.at("status").as_string(), "storage_fault");
    EXPECT_GT(json.at("since").as_int64(), 0);

    server_->withEngine([](server::Engine& engine) { engine.store().db().exec("PRAGMA max_page_count = 1073741823"); });
    secretary->nextSeq -= 1;  // the refused op applied nothing: the same seq again
    auto applied = secretary->applyOp(kConference, create("c-full"));
    ASSERT_TRUE(applied && std::holds_alternative<proto::Ack>(*applied));
    answer = get(port(), "/healthz");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200);
    EXPECT_EQ(boost::json::parse(answer->body).as_object().at("status").as_string(), "ok");
}

TEST_F(ServerFixture, UnknownPathsAre404) {
    for (const char* target : {"/", "/nothing", "/reports/", "/reports/abc", "/ws/x"}) {
        const auto answer = get(port(), target);
        ASSERT_TRUE(answer) << target;
        EXPECT_EQ(answer->status, 404) << target;
    }
}

TEST_F(ServerFixture, ReportsNeedATokenThatMayReadThem) {
    const std::string pdf = "%PDF-1.4\n% GopY test report\n%%EOF\n";
    ReportInfo info;
    server_->withEngine([&](server::Engine& engine) { info = engine.storeReport(kConference, "pdf", pdf, 1'700'000'000'000); });
    ASSERT_GT(info.id, 0);
    ASSERT_FALSE(info.released);
    const std::string target = "/reports/" + std::to_string(info.id);

    auto answer = get(port(), target);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 401) << "no token";
    answer = get(port(), target, "0123456789abcdef");
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 401) << "bad token";

    // A delegate may not read a report that was not released.
    auto delegate = admitted(Role::Delegate, kConference, "Đại biểu");
    ASSERT_FALSE(delegate->token.empty());
    answer = get(port(), target, delegate->token);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 403);

    auto secretary = admitted(Role::Secretary, kConference, "Thư ký");
    ASSERT_FALSE(secretary->token.empty());
    answer = get(port(), target, secretary->token);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200);
    EXPECT_EQ(answer->contentType, "application/pdf");
    EXPECT_EQ(answer->body, pdf);

    answer = get(port(), "/reports/999999", secretary->token);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 404);
}

}  // namespace
}  // namespace gopy::test
