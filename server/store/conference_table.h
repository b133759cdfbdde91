// Conferences and the two other channels (public, grassroots), with their session state.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class ConferenceTable {
public:
    explicit ConferenceTable(Database& db) : db_(db) {}

    /// Adds a conference with its given id (ids are chosen by the organiser: 1–5, 6, 7 …).
    void insert(const Conference& conference);
    std::optional<Conference> get(std::int64_t id);
    /// Every conference by id.
    std::vector<Conference> all();
    /// Writes state, present_count, started_at, ended_at and the descriptive fields.
    void update(const Conference& conference);

private:
    Database& db_;
};

}  // namespace gopy::server::store
