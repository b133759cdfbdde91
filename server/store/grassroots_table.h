// Grassroots Party organisations and whether their report was sent (grassroots_orgs).
#pragma once

#include <optional>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class GrassrootsTable {
public:
    explicit GrassrootsTable(Database& db) : db_(db) {}

    /// Adds an organisation; id 0 lets SQLite choose. Returns the id.
    std::int64_t insert(const GrassrootsOrganisation& organisation);
    std::optional<GrassrootsOrganisation> get(std::int64_t id);
    /// Every organisation, by due date then name.
    std::vector<GrassrootsOrganisation> all();
    void setReported(std::int64_t id, Millis at);

private:
    Database& db_;
};

}  // namespace gopy::server::store
