// Markdown → the draft's blocks: ATX headings, paragraphs, list items, table rows.
#pragma once

#include <string_view>
#include <vector>

#include "server/intake/draft_block.h"

namespace gopy::intake {

/// Reads Markdown text. "#"…"######" headings become heading blocks of that depth; a
/// paragraph is a run of non-blank lines; each list item ("- ", "* ", "+ ", "1. ") and each
/// table row ("| a | b |", cells joined by " | ", separator rows skipped) is its own block.
/// "**" and "__" emphasis markers are removed. If the first heading is the only level-1
/// heading, has no label ("Phần I", "1.") and deeper headings follow, it is the title.
std::vector<DraftBlock> readMarkdown(std::string_view utf8);

}  // namespace gopy::intake
