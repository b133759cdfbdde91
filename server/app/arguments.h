// What every gopy-server command needs from its command line and clock.
#pragma once

#include <optional>
#include <string>

#include "gopy/model.h"

namespace gopy::server::app {

/// The whole of `text` as a decimal integer within [min, max]; nullopt otherwise (empty,
/// trailing characters, out of range).
std::optional<long long> parseInteger(const std::string& text, long long min, long long max);

}  // namespace gopy::server::app
