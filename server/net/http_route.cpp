#include "server/net/http_route.h"

#include <cctype>
#include <charconv>
#include <string_view>

#include <boost/beast/websocket/rfc6455.hpp>

namespace gopy::server::net {

namespace http = boost::beast::http;

std::string bearerToken(const HttpRequest& request) {
    const auto it = request.find(http::field::authorization);
    if (it == request.end()) return {};
    std::string_view value(it->value().data(), it->value().size());
    constexpr std::string_view scheme = "Bearer ";
    if (value.size() <= scheme.size()) return {};
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(value[i])) !=
            std::tolower(static_cast<unsigned char>(scheme[i])))
            return {};
    }
    value.remove_prefix(scheme.size());
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    return std::string(value);
}

HttpRoute routeRequest(const HttpRequest& request) {
    std::string_view target(request.target().data(), request.target().size());
    if (const auto query = target.find('?'); query != std::string_view::npos) target = target.substr(0, query);
    HttpRoute route;
    if (boost::beast::websocket::is_upgrade(request)) {
        if (target == "/ws") route.kind = HttpRoute::Kind::Upgrade;
        return route;
    }
    if (request.method() != http::verb::get) return route;
    if (target == "/healthz") {
        route.kind = HttpRoute::Kind::Health;
        return route;
    }
    constexpr std::string_view reports = "/reports/";
    if (target.substr(0, reports.size()) != reports) return route;
    const std::string_view id = target.substr(reports.size());
    std::int64_t reportId = 0;
    const auto [end, err] = std::from_chars(id.data(), id.data() + id.size(), reportId);
    if (id.empty() || err != std::errc{} || end != id.data() + id.size() || reportId <= 0)
        return route;
    route.kind = HttpRoute::Kind::Report;
    route.reportId = reportId;
    route.token = bearerToken(request);
    return route;
}

}  // namespace gopy::server::net
