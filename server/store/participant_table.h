// Participants of each conference, kept with their Vietnamese sort key and search key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class ParticipantTable {
public:
    explicit ParticipantTable(Database& db) : db_(db) {}

    /// Adds a participant; computes sort_key (text::personSortKey) and fold_key (text::fold).
    /// Throws store::Error if the id exists or the conference does not.
    void insert(const Participant& participant);
    std::optional<Participant> get(const std::string& id);
    /// Sets name, title, organisation and group (and the keys) of an existing participant;
    /// `present` and the conference are kept. Throws store::Error.
    void update(const Participant& participant);
    /// The participants of a conference in Vietnamese order (given name, then family names).
    std::vector<Participant> byConference(std::int64_t conferenceId);
    void setPresent(const std::string& id, bool present);
    /// Number of participants ticked present in a conference.
    int presentCount(std::int64_t conferenceId);

private:
    Database& db_;
};

}  // namespace gopy::server::store
