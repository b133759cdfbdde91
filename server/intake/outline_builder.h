// Blocks → outline: relative heading levels, codes ("II", "II.3", "II.3.a"), labels, and
// paragraphs numbered within their section.
#pragma once

#include <vector>

#include "server/intake/draft_block.h"
#include "server/intake/draft_import.h"

namespace gopy::intake {

/// Builds the outline. The three shallowest heading depths in use become levels 1–3; deeper
/// headings are paragraphs. Parts take their code from "Phần I"/"PHẦN THỨ NHẤT"/"II." labels,
/// else their order; sections and sub-sections from a leading "3." or "a)", else their order
/// among siblings. A heading that is only a label ("PHẦN I") takes the next heading of the
/// same depth as its title. Throws DraftImportError(NoHeadings) if there is no heading.
DraftOutline buildOutline(std::vector<DraftBlock> blocks);

}  // namespace gopy::intake
