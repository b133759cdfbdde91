#include "server/store/grassroots_table.h"

#include "server/store/database.h"

namespace gopy::server::store {
namespace {

GrassrootsOrganisation read(const Statement& q) {
    return GrassrootsOrganisation{q.getInt(0), q.getText(1), q.getText(2), q.getInt(3)};
}

}  // namespace

std::int64_t GrassrootsTable::insert(const GrassrootsOrganisation& o) {
    auto q = db_.query("INSERT INTO grassroots_orgs (id, name, due, reported_at) VALUES (?, ?, ?, ?)");
    if (o.id > 0) {
        q->bind(1, o.id);
    } else {
        q->bindNull(1);
    }
    q->bind(2, o.name).bind(3, o.due).bind(4, o.reportedAt);
    q->exec();
    return db_.lastInsertRowId();
}

std::optional<GrassrootsOrganisation> GrassrootsTable::get(std::int64_t id) {
    auto q = db_.query("SELECT id, name, due, reported_at FROM grassroots_orgs WHERE id = ?");
    q->bind(1, id);
    if (!q->step()) return std::nullopt;
    return read(*q);
}

std::vector<GrassrootsOrganisation> GrassrootsTable::all() {
    auto q = db_.query("SELECT id, name, due, reported_at FROM grassroots_orgs ORDER BY due, name, id");
    std::vector<GrassrootsOrganisation> out;
    while (q->step()) out.push_back(read(*q));
    return out;
}

void GrassrootsTable::setReported(std::int64_t id, Millis at) {
    auto q = db_.query("UPDATE grassroots_orgs SET reported_at = ? WHERE id = ?");
    q->bind(1, at).bind(2, id);
    q->exec();
}

}  // namespace gopy::server::store
