// The speaker queue and speaking turns of each conference.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class TurnTable {
public:
    explicit TurnTable(Database& db) : db_(db) {}

    /// Adds a turn; throws store::Error if the id exists.
    void insert(const Turn& turn);
    std::optional<Turn> get(const std::string& id);
    /// The turns of a conference in queue order (position).
    std::vector<Turn> byConference(std::int64_t conferenceId);
    /// The turn now speaking in a conference, if any.
    std::optional<Turn> speaking(std::int64_t conferenceId);
    /// Writes position, state, started_at and ended_at.
    void update(const Turn& turn);
    void remove(const std::string& id);

private:
    Database& db_;
};

}  // namespace gopy::server::store
