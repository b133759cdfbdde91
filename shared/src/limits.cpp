#include "gopy/limits.h"

namespace gopy::limits {

namespace {

// 25000 → "25.000", as Vietnamese writes thousands.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ".");
    return digits;
}

}  // namespace

std::size_t characters(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string tooLong(std::string_view what, std::string_view value, std::size_t limit) {
    const std::size_t n = characters(value);
    if (n <= limit) return {};
    return std::string(what) + " dài " + grouped(n) + " ký tự, vượt giới hạn " + grouped(limit) +
           " ký tự";
}

}  // namespace gopy::limits
