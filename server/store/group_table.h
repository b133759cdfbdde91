// The drafting team's groups of comments that say the same thing (comment_groups,
// group_members), with their acceptance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class GroupTable {
public:
    explicit GroupTable(Database& db) : db_(db) {}

    /// Creates or replaces group `group.id` logged under `conferenceId`, with its members in
    /// order; a member leaves any other group first. Acceptance is kept when the group exists.
    void put(const CommentGroup& group, std::int64_t conferenceId);
    /// Removes the group and its members.
    void remove(const std::string& id);
    /// The group with its members; nullopt if unknown.
    std::optional<CommentGroup> get(const std::string& id);
    /// The id of the group a comment belongs to; empty when none.
    std::string groupOf(const std::string& commentId);
    void setAcceptance(const std::string& id, Acceptance acceptance,
                       const std::string& explanation);
    /// Groups logged under a conference (0: every group), ordered by id.
    std::vector<CommentGroup> byConference(std::int64_t conferenceId);
    /// Groups a conference's subscribers see: logged under it or holding a comment of it,
    /// ordered by id.
    std::vector<CommentGroup> touching(std::int64_t conferenceId);

private:
    std::vector<std::string> membersOf(const std::string& id);

    Database& db_;
};

}  // namespace gopy::server::store
