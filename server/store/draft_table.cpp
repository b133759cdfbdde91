#include "server/store/draft_table.h"

#include "server/store/database.h"

namespace gopy::server::store {

void DraftTable::replace(const std::vector<Section>& sections,
                         const std::vector<ParagraphRow>& paragraphs) {
    db_.exec("DELETE FROM draft_paragraphs; DELETE FROM sections;");
    {
        auto q = db_.query(
            "INSERT INTO sections (code, parent_code, level, ord, label, title) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        for (const Section& s : sections) {
            q->reset();
            q->bind(1, s.code).bind(2, s.parentCode).bind(3, s.level).bind(4, s.ord)
                .bind(5, s.label).bind(6, s.title);
            q->exec();
        }
    }
    auto q = db_.query(
        "INSERT OR REPLACE INTO draft_paragraphs (section_code, number, text) VALUES (?, ?, ?)");
    for (const ParagraphRow& p : paragraphs) {
        q->reset();
        q->bind(1, p.sectionCode).bind(2, p.number).bind(3, p.text);
        q->exec();
    }
}

std::vector<ParagraphRow> DraftTable::paragraphs(const std::string& sectionCode) {
    auto q = db_.query(
        "SELECT section_code, number, text FROM draft_paragraphs WHERE section_code = ? "
        "ORDER BY number");
    q->bind(1, sectionCode);
    std::vector<ParagraphRow> out;
    while (q->step()) {
        out.push_back({q->getText(0), static_cast<int>(q->getInt(1)), q->getText(2)});
    }
    return out;
}

std::int64_t DraftTable::paragraphCount() {
    return db_.scalarInt("SELECT count(*) FROM draft_paragraphs");
}

std::vector<ParagraphRow> DraftTable::all() {
    // A paragraph whose section is unknown (not possible through replace()) sorts last.
    auto q = db_.query(
        "SELECT p.section_code, p.number, p.text FROM draft_paragraphs p "
        "LEFT JOIN sections s ON s.code = p.section_code "
        "ORDER BY s.ord IS NULL, s.ord, p.section_code, p.number");
    std::vector<ParagraphRow> out;
    while (q->step()) {
        out.push_back({q->getText(0), static_cast<int>(q->getInt(1)), q->getText(2)});
    }
    return out;
}

bool DraftTable::has(const std::string& sectionCode, int number) {
    auto q = db_.query("SELECT 1 FROM draft_paragraphs WHERE section_code = ? AND number = ?");
    q->bind(1, sectionCode).bind(2, number);
    return q->step();
}

}  // namespace gopy::server::store
