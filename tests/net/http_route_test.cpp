// What each request asks for, from the request alone.
#include <gtest/gtest.h>

#include "server/net/http_route.h"

namespace gopy::test {
namespace {

namespace http = boost::beast::http;
using server::net::HttpRoute;
using server::net::routeRequest;

server::net::HttpRequest get(const std::string& target) {
    server::net::HttpRequest request{http::verb::get, target, 11};
    return request;
}

TEST(HttpRouteTest, NamesHealthReportsAndTheWebSocketOnly) {
    EXPECT_EQ(routeRequest(get("/healthz")).kind, HttpRoute::Kind::Health);
    EXPECT_EQ(routeRequest(get("/healthz?probe=1")).kind, HttpRoute::Kind::Health);
    const auto report = routeRequest(get("/reports/12?x=1"));
    EXPECT_EQ(report.kind, HttpRoute::Kind::Report);
    EXPECT_EQ(report.reportId, 12);
    EXPECT_TRUE(report.token.empty());
    for (const char* bad : {"/reports/", "/reports/0", "/reports/-1", "/reports/+1", "/reports/1a", "/reports/1/x",
                            "/reports/99999999999999999999", "/Reports/1", "/", "/ws", "/healthz/", ""}) {
        EXPECT_EQ(routeRequest(get(bad)).kind, HttpRoute::Kind::NotFound) << bad;
    }
    auto post = get("/healthz");
    post.method(http::verb::post);
    EXPECT_EQ(routeRequest(post).kind, HttpRoute::Kind::NotFound);
}

TEST(HttpRouteTest, TakesTheBearerTokenAndTheUpgradeOnWsOnly) {
    auto request = get("/reports/3");
    request.set(http::field::authorization, "bearer   tok-123  ");
    EXPECT_EQ(routeRequest(request).token, "tok-123");
    request.set(http::field::authorization, "Basic dXNlcg==");
    EXPECT_TRUE(routeRequest(request).token.empty());
    request.set(http::field::authorization, "Bearer ");
    EXPECT_TRUE(routeRequest(request).token.empty());

    auto upgrade = get("/ws?x=1");
    upgrade.set(http::field::connection, "Upgrade");
    upgrade.set(http::field::upgrade, "websocket");
    EXPECT_EQ(routeRequest(upgrade).kind, HttpRoute::Kind::Upgrade);
    upgrade.target("/reports/1");
    EXPECT_EQ(routeRequest(upgrade).kind, HttpRoute::Kind::NotFound);
}

}  // namespace
}  // namespace gopy::test
