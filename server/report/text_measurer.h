// Width of text in a face, the only thing layout needs to know about fonts.
#pragma once

#include <cstddef>
#include <string_view>

#include "server/report/layout_types.h"

namespace gopy::server::report {

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    /// Advance width of one Unicode code point in thousandths of the font size.
    [[nodiscard]] virtual double advance(char32_t codePoint, Face face) const = 0;

    /// Advance width of UTF-8 text at `size` points (no kerning: the renderer draws without it).
    [[nodiscard]] double width(std::string_view utf8, Face face, double size) const;
};

/// Decodes the code point at `i` and moves `i` past it; malformed bytes yield U+FFFD.
char32_t nextCodePoint(std::string_view utf8, std::size_t& i);

}  // namespace gopy::server::report
