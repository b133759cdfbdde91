// Outline diff: which sections of a re-imported draft survive, disappear, move or are new.
#pragma once

#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::intake {

/// A section whose code disappeared while a section with the same folded title exists under
/// another code: comments on `from` probably belong to `to` now.
struct MovedSection {
    std::string from;
    std::string to;
    bool operator==(const MovedSection&) const = default;
};

/// Codes in document order of the outline they come from.
struct OutlineDiff {
    std::vector<std::string> kept;     ///< the same code in both outlines
    std::vector<std::string> removed;  ///< in the old outline only, and not moved
    std::vector<std::string> added;    ///< in the new outline only, and not a move target
    std::vector<MovedSection> moved;   ///< old code gone, same folded title under a new code
    bool operator==(const OutlineDiff&) const = default;
};

/// Compares two outlines by code; a vanished code whose folded title matches exactly one
/// section that is new in `newer` is reported as moved rather than removed and added.
OutlineDiff diffOutline(const std::vector<Section>& older, const std::vector<Section>& newer);

}  // namespace gopy::intake
