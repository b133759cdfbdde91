// Comments with their draft sections (comment_sections) and kept conflicting edits
// (comment_conflicts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gopy/model.h"

namespace gopy::server::store {

class Database;

class CommentTable {
public:
    explicit CommentTable(Database& db) : db_(db) {}

    /// Adds a comment and its sections. `seqCreated` orders comments by creation. A non-empty
    /// `dedupeKey` (imported comments) must be unique: store::Error otherwise.
    void insert(const Comment& comment, std::int64_t seqCreated,
                const std::string& dedupeKey = {});
    /// True if an imported comment with this dedupe key exists (deleted ones included).
    bool hasDedupeKey(const std::string& key);
    /// Replaces the sections of a comment.
    void setSections(const std::string& id, const std::vector<std::string>& sections);
    /// The drafting team's answer to a comment answered on its own.
    void setAcceptance(const std::string& id, Acceptance acceptance, const std::string& note);
    /// Every comment of the campaign that is not deleted, in creation order.
    std::vector<Comment> all();
    /// The comment with its sections; nullopt if unknown or (unless includeDeleted) deleted.
    std::optional<Comment> get(const std::string& id, bool includeDeleted = false);
    /// The comments of a conference that are not deleted, in creation order.
    std::vector<Comment> byConference(std::int64_t conferenceId);
    /// Writes what an edit changes (kind, text, proposed wording, written, rev, updated_at,
    /// paragraph) and replaces the sections; participant, turn, origin, flagged and the
    /// acceptance are left as stored.
    void update(const Comment& comment);
    /// Soft delete: the row stays (reports may audit it) but is no longer listed.
    void markDeleted(const std::string& id, Millis at);
    void setFlagged(const std::string& id, bool flagged);
    /// Undoes a soft delete (a person resolved the conflict of an edit made after it).
    void restore(const std::string& id, Millis at);
    bool isDeleted(const std::string& id);
    /// The comment as it was at revision `rev`, from the operation log; nullopt when the log no
    /// longer says (the base of a three-way merge of two edits).
    std::optional<Comment> atRevision(std::int64_t conferenceId, const std::string& id, std::int64_t rev);

    /// Keeps a losing edit; returns its id.
    std::int64_t insertConflict(const CommentConflict& conflict);
    /// Marks conflict `conflictId` of `commentId` resolved; false if it was not open.
    bool resolveConflict(std::int64_t conflictId, const std::string& commentId);
    /// Unresolved conflicts of a conference's comments, oldest first.
    std::vector<CommentConflict> unresolvedConflicts(std::int64_t conferenceId);

private:
    void writeSections(const std::string& id, const std::vector<std::string>& sections);
    std::vector<std::string> sectionsOf(const std::string& id);

    Database& db_;
};

}  // namespace gopy::server::store
