#include "server/app/arguments.h"

#include <chrono>
#include <exception>

namespace gopy::server::app {

std::optional<long long> parseInteger(const std::string& text, long long min, long long max) {
    if (text.empty()) return std::nullopt;
    std::size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(text, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (used != text.size() || value < min || value > max) return std::nullopt;
    return value;
}


}  // namespace gopy::server::app
