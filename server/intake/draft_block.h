// The flat reading of a draft before its outline is built: headings and paragraphs in order.
#pragma once

#include <string>

namespace gopy::intake {

struct DraftBlock {
    int headingLevel = 0;  ///< 0 for body text; 1, 2, … as marked in the source (1 = shallowest)
    bool title = false;    ///< the document's title ("Title" style)
    std::string label;     ///< a number the source generates ("II.", "1.", "a)"), not in `text`
    std::string text;      ///< NFC, white space collapsed
};

}  // namespace gopy::intake
