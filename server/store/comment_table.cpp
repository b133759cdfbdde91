#include "server/store/comment_table.h"

#include <unordered_map>

#include "gopy/protocol.h"
#include "server/store/database.h"

namespace gopy::server::store {
namespace {

constexpr const char* kColumns =
    "id, conference_id, participant_id, turn_id, kind, text, proposed_wording, "
    "proposed_location, written, flagged, rev, created_at, updated_at, paragraph, origin_ward, "
    "origin_author, origin_contact, origin_submitted_at, origin_outside_window, "
    "origin_organisation_id, acceptance, acceptance_note";
// Index of the "deleted" column appended after kColumns in get().
constexpr int kDeletedColumn = 22;

Comment read(const Statement& q) {
    Comment c;
    c.id = q.getText(0);
    c.conferenceId = q.getInt(1);
    c.participantId = q.getText(2);
    c.turnId = q.getText(3);
    c.kind = commentKindFromString(q.getText(4)).value_or(CommentKind::Other);
    c.text = q.getText(5);
    if (!q.isNull(6)) c.proposed = ProposedWording{q.getText(6), q.getText(7)};
    c.written = q.getInt(8) != 0;
    c.flagged = q.getInt(9) != 0;
    c.rev = q.getInt(10);
    c.createdAt = q.getInt(11);
    c.updatedAt = q.getInt(12);
    c.paragraph = static_cast<int>(q.getInt(13));
    if (!q.isNull(14)) {
        c.origin = CommentOrigin{q.getText(14), q.getText(15), q.getText(16), q.getText(17),
                                 q.getInt(18) != 0, q.getInt(19)};
    }
    c.acceptance = acceptanceFromString(q.getText(20)).value_or(Acceptance::Pending);
    c.acceptanceNote = q.getText(21);
    return c;
}

}  // namespace

void CommentTable::insert(const Comment& c, std::int64_t seqCreated, const std::string& dedupeKey) {
    auto q = db_.query(
        "INSERT INTO comments (id, conference_id, participant_id, turn_id, kind, text, "
        "proposed_wording, proposed_location, written, flagged, rev, deleted, created_at, "
        "updated_at, seq_created, paragraph, origin_ward, origin_author, origin_contact, "
        "origin_submitted_at, origin_outside_window, origin_organisation_id, dedupe_key, "
        "acceptance, acceptance_note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, c.id).bind(2, c.conferenceId).bind(3, c.participantId).bind(4, c.turnId)
        .bind(5, toString(c.kind)).bind(6, c.text);
    if (c.proposed) {
        q->bind(7, c.proposed->wording).bind(8, c.proposed->location);
    } else {
        q->bindNull(7).bindNull(8);
    }
    q->bind(9, c.written).bind(10, c.flagged).bind(11, c.rev).bind(12, c.createdAt)
        .bind(13, c.updatedAt).bind(14, seqCreated).bind(15, c.paragraph);
    if (c.origin) {
        q->bind(16, c.origin->ward).bind(17, c.origin->authorName).bind(18, c.origin->contact)
            .bind(19, c.origin->submittedAt).bind(20, c.origin->outsideWindow)
            .bind(21, c.origin->organisationId);
    } else {
        q->bindNull(16).bind(17, "").bind(18, "").bind(19, "").bind(20, false)
            .bind(21, std::int64_t{0});
    }
    if (dedupeKey.empty()) {
        q->bindNull(22);
    } else {
        q->bind(22, dedupeKey);
    }
    q->bind(23, toString(c.acceptance)).bind(24, c.acceptanceNote);
    q->exec();
    writeSections(c.id, c.sections);
}

std::optional<Comment> CommentTable::get(const std::string& id, bool includeDeleted) {
    std::optional<Comment> comment;
    {
        auto q = db_.query(std::string("SELECT ") + kColumns +
                           ", deleted FROM comments WHERE id = ?");
        q->bind(1, id);
        if (!q->step()) return std::nullopt;
        if (q->getInt(kDeletedColumn) != 0 && !includeDeleted) return std::nullopt;
        comment = read(*q);
    }
    comment->sections = sectionsOf(id);
    return comment;
}

std::vector<Comment> CommentTable::byConference(std::int64_t conferenceId) {
    std::vector<Comment> comments;
    std::unordered_map<std::string, std::size_t> index;
    {
        auto q = db_.query(std::string("SELECT ") + kColumns +
                           " FROM comments WHERE conference_id = ? AND deleted = 0 "
                           "ORDER BY seq_created, id");
        q->bind(1, conferenceId);
        while (q->step()) {
            index.emplace(q->getText(0), comments.size());
            comments.push_back(read(*q));
        }
    }
    // One query for all sections instead of one per comment.
    auto q = db_.query(
        "SELECT s.comment_id, s.section_code FROM comment_sections s "
        "JOIN comments c ON c.id = s.comment_id "
        "WHERE c.conference_id = ? AND c.deleted = 0 ORDER BY s.comment_id, s.ord");
    q->bind(1, conferenceId);
    while (q->step()) {
        const auto found = index.find(q->getText(0));
        if (found != index.end()) comments[found->second].sections.push_back(q->getText(1));
    }
    return comments;
}

void CommentTable::update(const Comment& c) {
    {
        // Only what an edit may change: the speaker, turn, origin, flag and the drafting
        // team's answer stay as they are (each has its own operation).
        auto q = db_.query(
            "UPDATE comments SET kind = ?, text = ?, proposed_wording = ?, proposed_location = ?, "
            "written = ?, rev = ?, updated_at = ?, paragraph = ? WHERE id = ?");
        q->bind(1, toString(c.kind)).bind(2, c.text);
        if (c.proposed) {
            q->bind(3, c.proposed->wording).bind(4, c.proposed->location);
        } else {
            q->bindNull(3).bindNull(4);
        }
        q->bind(5, c.written).bind(6, c.rev).bind(7, c.updatedAt).bind(8, c.paragraph)
            .bind(9, c.id);
        q->exec();
    }
    {
        auto q = db_.query("DELETE FROM comment_sections WHERE comment_id = ?");
        q->bind(1, c.id);
        q->exec();
    }
    writeSections(c.id, c.sections);
}

bool CommentTable::hasDedupeKey(const std::string& key) {
    auto q = db_.query("SELECT 1 FROM comments WHERE dedupe_key = ?");
    q->bind(1, key);
    return q->step();
}

void CommentTable::setSections(const std::string& id, const std::vector<std::string>& sections) {
    {
        auto q = db_.query("DELETE FROM comment_sections WHERE comment_id = ?");
        q->bind(1, id);
        q->exec();
    }
    writeSections(id, sections);
}

void CommentTable::setAcceptance(const std::string& id, Acceptance acceptance,
                                 const std::string& note) {
    auto q = db_.query("UPDATE comments SET acceptance = ?, acceptance_note = ? WHERE id = ?");
    q->bind(1, toString(acceptance)).bind(2, note).bind(3, id);
    q->exec();
}

std::vector<Comment> CommentTable::all() {
    std::vector<Comment> comments;
    {
        auto q = db_.query(std::string("SELECT ") + kColumns +
                           " FROM comments WHERE deleted = 0 ORDER BY seq_created, id");
        while (q->step()) comments.push_back(read(*q));
    }
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < comments.size(); ++i) index.emplace(comments[i].id, i);
    auto q = db_.query("SELECT comment_id, section_code FROM comment_sections ORDER BY comment_id, ord");
    while (q->step()) {
        const auto found = index.find(q->getText(0));
        if (found != index.end()) comments[found->second].sections.push_back(q->getText(1));
    }
    return comments;
}

void CommentTable::markDeleted(const std::string& id, Millis at) {
    auto q = db_.query("UPDATE comments SET deleted = 1, updated_at = ? WHERE id = ?");
    q->bind(1, at).bind(2, id);
    q->exec();
}

void CommentTable::restore(const std::string& id, Millis at) {
    auto q = db_.query("UPDATE comments SET deleted = 0, updated_at = ? WHERE id = ?");
    q->bind(1, at).bind(2, id);
    q->exec();
}

bool CommentTable::isDeleted(const std::string& id) {
    auto q = db_.query("SELECT deleted FROM comments WHERE id = ?");
    q->bind(1, id);
    return q->step() && q->getInt(0) != 0;
}

std::optional<Comment> CommentTable::atRevision(std::int64_t conferenceId, const std::string& id, std::int64_t rev) {
    // The log keeps every event with the comment's state after it; the newest event that left
    // the comment at `rev` holds that revision. Only conflicts ask, so a scan of one
    // conference's log is cheap enough.
    auto q = db_.query(
        "SELECT event FROM oplog WHERE conference_id = ? AND json_valid(event) "
        "AND json_extract(event, '$.comment.id') = ? AND json_extract(event, '$.comment.rev') = ? "
        "ORDER BY seq DESC LIMIT 1");
    q->bind(1, conferenceId).bind(2, id).bind(3, rev);
    if (!q->step()) return std::nullopt;
    auto event = proto::decodeEvent(q->getText(0));
    if (!event || !event->comment) return std::nullopt;
    return event->comment;
}

void CommentTable::setFlagged(const std::string& id, bool flagged) {
    auto q = db_.query("UPDATE comments SET flagged = ? WHERE id = ?");
    q->bind(1, flagged).bind(2, id);
    q->exec();
}

std::int64_t CommentTable::insertConflict(const CommentConflict& conflict) {
    auto q = db_.query(
        "INSERT INTO comment_conflicts (comment_id, base_rev, text, device_name, at, resolved, reason, fields) "
        "VALUES (?, ?, ?, ?, ?, 0, ?, ?)");
    q->bind(1, conflict.commentId).bind(2, conflict.baseRev).bind(3, conflict.text)
        .bind(4, conflict.deviceName).bind(5, conflict.at)
        .bind(6, conflict.reason.empty() ? std::string("stale") : conflict.reason);
    if (conflict.fields)
        q->bind(7, proto::encodeConflictFields(*conflict.fields));
    else
        q->bindNull(7);
    q->exec();
    return db_.lastInsertRowId();
}

bool CommentTable::resolveConflict(std::int64_t conflictId, const std::string& commentId) {
    auto q = db_.query(
        "UPDATE comment_conflicts SET resolved = 1 "
        "WHERE id = ? AND comment_id = ? AND resolved = 0");
    q->bind(1, conflictId).bind(2, commentId);
    q->exec();
    return db_.changes() > 0;
}

std::vector<CommentConflict> CommentTable::unresolvedConflicts(std::int64_t conferenceId) {
    auto q = db_.query(
        "SELECT k.id, k.comment_id, k.base_rev, k.text, k.device_name, k.at, k.reason, k.fields "
        "FROM comment_conflicts k JOIN comments c ON c.id = k.comment_id "
        "WHERE c.conference_id = ? AND (c.deleted = 0 OR k.reason = 'deleted') AND k.resolved = 0 "
        "ORDER BY k.id");
    q->bind(1, conferenceId);
    std::vector<CommentConflict> conflicts;
    while (q->step()) {
        CommentConflict k;
        k.id = q->getInt(0);
        k.commentId = q->getText(1);
        k.baseRev = q->getInt(2);
        k.text = q->getText(3);
        k.deviceName = q->getText(4);
        k.at = q->getInt(5);
        const std::string reason = q->getText(6);
        if (reason != "stale") k.reason = reason;
        if (const std::string fields = q->getText(7); !fields.empty()) k.fields = proto::decodeConflictFields(fields);
        conflicts.push_back(std::move(k));
    }
    return conflicts;
}

void CommentTable::writeSections(const std::string& id, const std::vector<std::string>& sections) {
    auto q = db_.query(
        "INSERT OR IGNORE INTO comment_sections (comment_id, section_code, ord) VALUES (?, ?, ?)");
    int ord = 0;
    for (const auto& code : sections) {
        q->reset();
        q->bind(1, id).bind(2, code).bind(3, ord++);
        q->exec();
    }
}

std::vector<std::string> CommentTable::sectionsOf(const std::string& id) {
    auto q = db_.query(
        "SELECT section_code FROM comment_sections WHERE comment_id = ? ORDER BY ord");
    q->bind(1, id);
    std::vector<std::string> sections;
    while (q->step()) sections.push_back(q->getText(0));
    return sections;
}

}  // namespace gopy::server::store
