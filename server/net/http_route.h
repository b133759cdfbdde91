// What an HTTP request asks for, decided from the request alone (no engine, no socket): the
// part of the HTTP path a peer on the Wi-Fi controls byte by byte, kept pure so the fuzz
// target (fuzz/http_fuzzer.cpp) drives it through Beast's parser with the server's limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/beast/http.hpp>

namespace gopy::server::net {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// The parser's limits for one request (NetContext's defaults; GET requests have no body).
constexpr std::size_t kHttpBodyLimit = 64 * 1024;
constexpr std::uint32_t kHttpHeaderLimit = 8 * 1024;

struct HttpRoute {
    enum class Kind {
        Upgrade,   ///< WebSocket upgrade on /ws
        Health,    ///< GET /healthz
        Report,    ///< GET /reports/{reportId}; `token` from "Authorization: Bearer …" (may be empty)
        NotFound,  ///< anything else, including an upgrade elsewhere than /ws
    };
    Kind kind = Kind::NotFound;
    std::int64_t reportId = 0;  ///< > 0 for Report
    std::string token;
};

/// The query string is not part of the resource (/reports/1?x=1 is report 1); a report id is
/// decimal digits only, > 0, fitting 64 bits.
HttpRoute routeRequest(const HttpRequest& request);

/// The token of an "Authorization: Bearer <token>" header (scheme case-insensitive, spaces
/// around the token dropped), or empty.
std::string bearerToken(const HttpRequest& request);

}  // namespace gopy::server::net
