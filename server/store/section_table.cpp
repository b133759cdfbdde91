#include "server/store/section_table.h"

#include "server/store/database.h"

namespace gopy::server::store {

void SectionTable::insert(const Section& s) {
    auto q = db_.query(
        "INSERT INTO sections (code, parent_code, level, ord, label, title) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, s.code).bind(2, s.parentCode).bind(3, s.level).bind(4, s.ord).bind(5, s.label)
        .bind(6, s.title);
    q->exec();
}

std::vector<Section> SectionTable::all() {
    auto q = db_.query(
        "SELECT code, parent_code, level, ord, label, title FROM sections ORDER BY ord, code");
    std::vector<Section> sections;
    while (q->step()) {
        Section s;
        s.code = q->getText(0);
        s.parentCode = q->getText(1);
        s.level = static_cast<int>(q->getInt(2));
        s.ord = static_cast<int>(q->getInt(3));
        s.label = q->getText(4);
        s.title = q->getText(5);
        sections.push_back(std::move(s));
    }
    return sections;
}

bool SectionTable::exists(const std::string& code) {
    auto q = db_.query("SELECT 1 FROM sections WHERE code = ?");
    q->bind(1, code);
    return q->step();
}

}  // namespace gopy::server::store
