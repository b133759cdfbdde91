// The draft's numbered paragraphs (draft_paragraphs) and replacing the whole outline when a
// revised draft is imported.
#pragma once

#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

/// One body paragraph, numbered within its section.
struct ParagraphRow {
    std::string sectionCode;
    int number = 0;
    std::string text;
    bool operator==(const ParagraphRow&) const = default;
};

class DraftTable {
public:
    explicit DraftTable(Database& db) : db_(db) {}

    /// Replaces the outline (sections) and the paragraphs with these, inside the caller's
    /// transaction.
    void replace(const std::vector<Section>& sections, const std::vector<ParagraphRow>& paragraphs);
    /// Paragraphs of one section in order.
    std::vector<ParagraphRow> paragraphs(const std::string& sectionCode);
    /// Number of paragraphs in the whole draft.
    std::int64_t paragraphCount();
    /// Every paragraph in draft order: sections in their order, then by number.
    std::vector<ParagraphRow> all();
    /// True if the section has a paragraph with this number.
    bool has(const std::string& sectionCode, int number);

private:
    Database& db_;
};

}  // namespace gopy::server::store
