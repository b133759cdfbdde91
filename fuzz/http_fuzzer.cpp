// libFuzzer target: the HTTP request path a peer on the Wi-Fi reaches before any
// authentication — Beast's request parser with the server's header and body limits, then
// routeRequest, over arbitrary bytes holding one or several pipelined requests.
// Properties checked beyond "no crash, no sanitizer report":
//   - a parsed request never exceeds the limits;
//   - a report route has an id > 0 whose decimal form is in the target;
//   - an upgrade route is a WebSocket upgrade on /ws (the query aside);
//   - the same request routes the same way twice.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "server/net/http_route.h"

namespace {

namespace http = boost::beast::http;
using gopy::server::net::HttpRoute;

void check(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (int requests = 0; requests < 16 && !input.empty(); ++requests) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(gopy::server::net::kHttpBodyLimit);
        parser.header_limit(gopy::server::net::kHttpHeaderLimit);
        parser.eager(true);
        boost::beast::error_code ec;
        std::size_t used = 0;
        while (!parser.is_done() && used < input.size()) {
            const std::size_t n = parser.put(boost::asio::buffer(input.data() + used, input.size() - used), ec);
            if (ec == http::error::need_more) {
                ec = {};
                break;
            }
            if (ec || n == 0) break;
            used += n;
        }
        if (ec || !parser.is_done()) return 0;
        const auto& request = parser.get();
        check(request.body().size() <= gopy::server::net::kHttpBodyLimit);
        const HttpRoute route = gopy::server::net::routeRequest(request);
        const std::string_view target(request.target().data(), request.target().size());
        switch (route.kind) {
        case HttpRoute::Kind::Report:
            check(route.reportId > 0);
            check(target.find(std::to_string(route.reportId)) != std::string_view::npos);
            break;
        case HttpRoute::Kind::Upgrade:
            check(boost::beast::websocket::is_upgrade(request));
            check(target.substr(0, 3) == "/ws");
            break;
        case HttpRoute::Kind::Health:
            check(request.method() == http::verb::get);
            break;
        case HttpRoute::Kind::NotFound:
            break;
        }
        const HttpRoute again = gopy::server::net::routeRequest(request);
        check(again.kind == route.kind && again.reportId == route.reportId && again.token == route.token);
        input.remove_prefix(used);
    }
    return 0;
}
