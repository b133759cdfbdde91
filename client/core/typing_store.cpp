#include "client/core/typing_store.h"

#include "client/core/local_database.h"

namespace gopy::client {

namespace {

// Section codes ("II.3.a") never hold a line break.
std::string joinLines(const std::vector<std::string>& items)
{
    std::string joined;
    for (const std::string& item : items) {
        if (!joined.empty())
            joined += '\n';
        joined += item;
    }
    return joined;
}

std::vector<std::string> splitLines(const std::string& joined)
{
    std::vector<std::string> items;
    std::size_t from = 0;
    while (from < joined.size()) {
        const std::size_t end = joined.find('\n', from);
        items.push_back(joined.substr(from, end == std::string::npos ? std::string::npos : end - from));
        if (end == std::string::npos)
            break;
        from = end + 1;
    }
    return items;
}

}  // namespace

TypingStore::TypingStore(LocalDatabase& db) : db_(db)
{
    db_.exec("CREATE TABLE IF NOT EXISTS unsaved_drafts ("
             " conference_id INTEGER PRIMARY KEY, comment_id TEXT NOT NULL, base_rev INTEGER NOT NULL,"
             " participant_id TEXT NOT NULL, turn_id TEXT NOT NULL, speaker_name TEXT NOT NULL,"
             " text TEXT NOT NULL, sections TEXT NOT NULL, kind TEXT NOT NULL,"
             " proposed_wording TEXT NOT NULL, proposed_location TEXT NOT NULL,"
             " written INTEGER NOT NULL, paragraph INTEGER NOT NULL, saved_at INTEGER NOT NULL)");
}

void TypingStore::save(const UnsavedDraft& draft)
{
    Statement(db_, "INSERT OR REPLACE INTO unsaved_drafts (conference_id, comment_id, base_rev,"
                   " participant_id, turn_id, speaker_name, text, sections, kind, proposed_wording,"
                   " proposed_location, written, paragraph, saved_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .bind(1, draft.conferenceId)
        .bind(2, draft.commentId)
        .bind(3, draft.baseRev)
        .bind(4, draft.participantId)
        .bind(5, draft.turnId)
        .bind(6, draft.speakerName)
        .bind(7, draft.text)
        .bind(8, joinLines(draft.sections))
        .bind(9, draft.kind)
        .bind(10, draft.proposedWording)
        .bind(11, draft.proposedLocation)
        .bind(12, std::int64_t{draft.written ? 1 : 0})
        .bind(13, std::int64_t{draft.paragraph})
        .bind(14, draft.savedAt)
        .run();
}

std::optional<UnsavedDraft> TypingStore::load(std::int64_t conferenceId) const
{
    Statement select(db_, "SELECT comment_id, base_rev, participant_id, turn_id, speaker_name, text,"
                          " sections, kind, proposed_wording, proposed_location, written, paragraph,"
                          " saved_at FROM unsaved_drafts WHERE conference_id = ?1");
    select.bind(1, conferenceId);
    if (!select.step())
        return std::nullopt;
    UnsavedDraft draft;
    draft.conferenceId = conferenceId;
    draft.commentId = select.columnText(0);
    draft.baseRev = select.columnInt(1);
    draft.participantId = select.columnText(2);
    draft.turnId = select.columnText(3);
    draft.speakerName = select.columnText(4);
    draft.text = select.columnText(5);
    draft.sections = splitLines(select.columnText(6));
    draft.kind = select.columnText(7);
    draft.proposedWording = select.columnText(8);
    draft.proposedLocation = select.columnText(9);
    draft.written = select.columnInt(10) != 0;
    draft.paragraph = static_cast<int>(select.columnInt(11));
    draft.savedAt = select.columnInt(12);
    return draft;
}

void TypingStore::clear(std::int64_t conferenceId)
{
    Statement(db_, "DELETE FROM unsaved_drafts WHERE conference_id = ?1").bind(1, conferenceId).run();
}

}  // namespace gopy::client
